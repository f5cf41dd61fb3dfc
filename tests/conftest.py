"""Shared fixtures: a real database per test, SQLite always and PostgreSQL when configured.

Tests that take the `engine`, `session_factory` or `session` fixture run twice: on a fresh SQLite
file and, when TEST_DATABASE_URL is set, on PostgreSQL. Without TEST_DATABASE_URL the PostgreSQL
variants are skipped; with it they must run (an unreachable server is an error, not a skip), and
`.ci/run` fails the build if any of them was skipped.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
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


@pytest.fixture(params=["sqlite", _postgres_param()])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    return TEST_DATABASE_URL


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
