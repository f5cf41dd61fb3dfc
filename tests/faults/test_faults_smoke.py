"""Scenario (a) of faults/run.py, small: the scheduler is SIGKILLed while a notice to 20
groups goes out, restarted, and every group still gets exactly one copy."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest
from sqlalchemy.engine import make_url

from faults.common import Db, Emu, FaultStack
from faults.notices import deliver, make_groups
from stack.topology import StackConfig

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
DATABASE = "organizer_faults_test"  # its own, so it never collides with other tests

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (TEST_DATABASE_URL and TEST_REDIS_URL),
        reason="postgres: TEST_DATABASE_URL and TEST_REDIS_URL not set",
    ),
]


async def _fresh_database_url() -> str:
    """An empty database, so an earlier run's rows cannot make the test pass."""
    url = make_url(TEST_DATABASE_URL).set(database=DATABASE)
    connection = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password,
        database="postgres",
    )  # fmt: skip
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    finally:
        await connection.close()
    return url.render_as_string(hide_password=False)


@pytest.fixture
async def stack(tmp_path: Path) -> AsyncIterator[FaultStack]:
    config = StackConfig(
        database_url=await _fresh_database_url(),
        redis_url=TEST_REDIS_URL,
        run_dir=tmp_path / "stack",
        web_instances=1,
        log_level="WARNING",
    )
    running = FaultStack(config)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


async def test_scheduler_killed_mid_notice_delivery_postgres(stack: FaultStack) -> None:
    db = Db.connect(stack.config.database_url)
    try:
        async with aiohttp.ClientSession() as http:
            emu = Emu(http, stack.emulator_url)
            await emu.load_bot()
            chat_ids = await make_groups(emu, db, stack.owner_id, 20, "Smoke")
            copies = await deliver(stack, emu, db, chat_ids, victim="scheduler")
    finally:
        await db.engine.dispose()
    assert (copies.duplicates, copies.losses, copies.failed_rows) == (0, 0, 0)
