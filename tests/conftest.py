"""Shared fixtures: a real database per test, SQLite always and PostgreSQL when configured.

Tests that take the `engine`, `session_factory` or `session` fixture run twice: on a fresh SQLite
file and, when TEST_DATABASE_URL is set, on PostgreSQL. Without TEST_DATABASE_URL the PostgreSQL
variants are skipped; with it they must run (an unreachable server is an error, not a skip), and
`.ci/run` fails the build if any of them was skipped.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.database import Base, create_engine, create_session_factory

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai, a Monday


def _postgres_param() -> object:
    return pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not TEST_DATABASE_URL, reason="postgres: TEST_DATABASE_URL not set"),
        ],
    )


async def _admin_execute(statement: str) -> None:
    import asyncpg

    url = make_url(TEST_DATABASE_URL)
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database,
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of this test run's own on the TEST_DATABASE_URL server, dropped at the end,
    so concurrent runs (and developers) never share tables."""
    name = f"organizer_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin_execute(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", _postgres_param()])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)


@pytest.fixture
async def session(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


# Tests that start whole processes against shared services (the stack and fault tests share
# the TEST_REDIS_URL database and the demo bot's id): with pytest-xdist (`make test` runs two
# workers) they all go to one worker, one after the other.
_ONE_WORKER = ("stack", "faults", "sandbox")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = item.path.parts
        if "tests" in parts and parts[parts.index("tests") + 1] in _ONE_WORKER:
            item.add_marker(pytest.mark.xdist_group("processes"))
