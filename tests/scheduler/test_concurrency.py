"""Two schedulers on one database, each with its own engine, never run one action twice."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from organizer.clock import FakeClock
from organizer.database import Base, create_engine, create_session_factory
from organizer.models.scheduled_action import ActionStatus, ScheduledAction
from scheduler.registry import ActionContext, ActionRegistry
from scheduler.runner import ActionRunner
from tests.scheduler.helpers import add_action, make_runner

ACTIONS = 300


async def run_two_schedulers(url: str, clock: FakeClock) -> Counter[int]:
    """Both runners tick concurrently until neither finds work; returns runs per action."""
    engines = [create_engine(url), create_engine(url)]
    try:
        runs: list[tuple[int, str]] = []
        first, second = (
            make_runner(
                create_session_factory(engine),
                recording_registry(name, runs),
                clock,
                worker_id=name,
                batch_size=15,
            )
            for engine, name in zip(engines, ("runner-1", "runner-2"), strict=True)
        )
        factory = create_session_factory(engines[0])
        for _ in range(ACTIONS):
            await add_action(factory, clock)
        await tick_both_until_idle(first, second)

        by_worker = Counter(worker for _, worker in runs)
        assert set(by_worker) == {"runner-1", "runner-2"}, f"one runner got nothing: {by_worker}"
        await assert_all_done_once(engines[0])
        return Counter(action_id for action_id, _ in runs)
    finally:
        for engine in engines:
            await engine.dispose()


def recording_registry(worker: str, runs: list[tuple[int, str]]) -> ActionRegistry:
    registry = ActionRegistry()

    @registry.action("test.action")
    async def record(ctx: ActionContext, payload: dict[str, Any]) -> None:
        runs.append((ctx.action_id, worker))
        await asyncio.sleep(0)  # let the other runner interleave
        await asyncio.sleep(0)

    return registry


async def tick_both_until_idle(first: ActionRunner, second: ActionRunner) -> None:
    for round_number in range(200):
        # Alternate who starts first, so neither runner always wins the race for the same rows.
        pair = (first, second) if round_number % 2 == 0 else (second, first)
        results = await asyncio.gather(*(runner.tick() for runner in pair))
        if all(result.claimed == 0 for result in results):
            return
    pytest.fail("the runners never went idle")


async def assert_all_done_once(engine: AsyncEngine) -> None:
    async with create_session_factory(engine)() as session:
        rows = (
            await session.execute(
                select(ScheduledAction.status, ScheduledAction.attempts, func.count()).group_by(
                    ScheduledAction.status, ScheduledAction.attempts
                )
            )
        ).all()
    assert [tuple(row) for row in rows] == [(ActionStatus.DONE, 1, ACTIONS)]


# Only the PostgreSQL variant of `db_url` (no SQLite twin that would show up as skipped):
# skipped without TEST_DATABASE_URL like every PostgreSQL test, always run with it.
ONLY_POSTGRES = pytest.param(
    "postgresql",
    marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(
            not os.environ.get("TEST_DATABASE_URL", "").strip(),
            reason="postgres: TEST_DATABASE_URL not set",
        ),
    ],
)


@pytest.mark.parametrize("db_url", [ONLY_POSTGRES], indirect=True)
async def test_two_schedulers_on_postgres_never_run_an_action_twice(
    db_url: str, engine: AsyncEngine, clock: FakeClock
) -> None:
    assert engine.dialect.name == "postgresql"
    runs = await run_two_schedulers(db_url, clock)  # `engine` has created the schema
    assert len(runs) == ACTIONS
    assert set(runs.values()) == {1}


async def test_two_schedulers_on_one_sqlite_file_never_run_an_action_twice(
    tmp_path: Path, clock: FakeClock
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    setup = create_engine(url)
    async with setup.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    await setup.dispose()

    runs = await run_two_schedulers(url, clock)
    assert len(runs) == ACTIONS
    assert set(runs.values()) == {1}
