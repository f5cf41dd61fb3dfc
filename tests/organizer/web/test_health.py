"""GET /health: database and Redis reachability, and how far behind the scheduler is."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.database import create_engine, create_session_factory, unit_of_work
from organizer.models.scheduled_action import ActionStatus, ScheduledAction
from organizer.services import scheduled_actions
from organizer.web.health import HealthCheck
from organizer.web.server import build_web_app


async def client_for(check: HealthCheck) -> TestClient:
    client = TestClient(TestServer(build_web_app(health=check)))
    await client.start_server()
    return client


@pytest.fixture
async def healthy(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> AsyncIterator[TestClient]:
    client = await client_for(HealthCheck(session_factory, clock))
    yield client
    await client.close()


async def test_ok_when_the_database_answers(healthy: TestClient) -> None:
    response = await healthy.get("/health")
    assert response.status == 200
    assert await response.json() == {
        "status": "ok",
        "database": "ok",
        "redis": "not configured",
        "scheduler_lag_seconds": 0.0,
    }


async def test_lag_is_how_long_the_oldest_due_action_waits(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    start = clock.now()
    async with unit_of_work(session_factory) as session:
        for minutes, kind in ((1, "test.a"), (5, "test.b"), (60, "test.later")):
            await scheduled_actions.schedule(
                session, kind=kind, due_at=start + timedelta(minutes=minutes), now=start
            )
    check = HealthCheck(session_factory, clock)
    assert (await check.report()).scheduler_lag_seconds == 0.0  # nothing due yet
    clock.advance(minutes=10)  # test.a is 9 min overdue, test.b 5; test.later not due
    report = await check.report()
    assert report.healthy and report.scheduler_lag_seconds == 540.0


async def test_claimed_or_cancelled_actions_are_not_lag(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    start = clock.now()
    async with unit_of_work(session_factory) as session:
        for key in ("cancelled", "claimed"):
            await scheduled_actions.schedule(
                session, kind="test.a", due_at=start, dedupe_key=key, now=start
            )
        await scheduled_actions.cancel(session, dedupe_key="cancelled")
        await session.execute(  # as a worker's claim leaves it
            update(ScheduledAction)
            .where(ScheduledAction.dedupe_key == "claimed")
            .values(status=ActionStatus.RUNNING, claimed_by="w-1")
        )
    clock.advance(minutes=10)
    assert (await HealthCheck(session_factory, clock).report()).scheduler_lag_seconds == 0.0


async def test_503_when_the_database_is_unreachable(clock: FakeClock) -> None:
    # Nothing listens on port 1: refused at once. (An SQLite file in a missing directory left
    # aiosqlite's connect thread finishing after the test's loop had closed: a warning.)
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    client = await client_for(HealthCheck(create_session_factory(engine), clock))
    try:
        response = await client.get("/health")
        assert response.status == 503
        body = await response.json()
        assert body["status"] == "degraded" and body["database"] == "error"
        assert body["scheduler_lag_seconds"] is None
    finally:
        await client.close()
        await engine.dispose()


async def test_503_when_configured_redis_is_unreachable(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> None:
    # Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    check = HealthCheck(session_factory, clock, redis_url="redis://127.0.0.1:9/0", timeout=2)
    client = await client_for(check)
    try:
        response = await client.get("/health")
        assert response.status == 503
        body = await response.json()
        assert body["redis"] == "error" and body["database"] == "ok"
    finally:
        await client.close()
