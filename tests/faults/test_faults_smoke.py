"""Scenario (a) of faults/run.py, small: the scheduler is SIGKILLed while a notice to 20
groups goes out, restarted, and no group misses it; the same while an activity's reminder
goes to 12 members who answered "going". At most one extra copy: the send in flight at the
kill (see faults/run.py `report`)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from faults.common import Db, Emu, FaultStack
from faults.notices import Copies, deliver, make_groups
from faults.reminders import kill_mid_reminder
from stack.database import drop_database
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
    url = make_url(TEST_DATABASE_URL).set(database=DATABASE).render_as_string(hide_password=False)
    await drop_database(url)
    return url


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


async def _with_emulator(stack: FaultStack, scenario) -> Copies:
    """Run `scenario(emu, db)` against the stack's emulator and database."""
    db = Db.connect(stack.config.database_url)
    try:
        async with aiohttp.ClientSession() as http:
            emu = Emu(http, stack.emulator_url)
            await emu.load_bot()
            return await scenario(emu, db)
    finally:
        await db.engine.dispose()


# The one send in flight when the process died may have been performed without its receipt
# (sendMessage has no idempotency key): at most that one extra copy, never a lost one.


async def test_scheduler_killed_mid_notice_delivery_postgres(stack: FaultStack) -> None:
    async def scenario(emu: Emu, db: Db) -> Copies:
        chat_ids = await make_groups(emu, db, stack.owner_id, 20, "Smoke")
        return await deliver(stack, emu, db, chat_ids, victim="scheduler")

    copies = await _with_emulator(stack, scenario)
    assert (copies.losses, copies.failed_rows) == (0, 0)
    assert copies.duplicates <= 1


async def test_scheduler_killed_mid_reminder_postgres(stack: FaultStack) -> None:
    async def scenario(emu: Emu, db: Db) -> Copies:
        return await kill_mid_reminder(stack, emu, db, "Smoke reminder", members=12)

    copies = await _with_emulator(stack, scenario)
    assert copies.losses == 0
    assert copies.duplicates <= 1
