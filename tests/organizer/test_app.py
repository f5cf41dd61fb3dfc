"""The composition root's choices: FSM storage (memory, or Redis when configured), the bot's
API server, and what each process role starts."""

from __future__ import annotations

import inspect
import os
import socket
from pathlib import Path

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from sqlalchemy import select

from emulator import TelegramEmulator
from handlers.members.tracking import TRACKER_KEY
from organizer.app import Application, build_bot, build_storage, worker_id
from organizer.clock import FakeClock
from organizer.config import ConfigError, Settings
from organizer.models.scheduled_action import ScheduledAction
from organizer.services import digest, sweep

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()


def test_memory_storage_by_default() -> None:
    assert isinstance(build_storage(Settings(bot_token=TOKEN)), MemoryStorage)


@pytest.mark.skipif(not TEST_REDIS_URL, reason="TEST_REDIS_URL not set")
async def test_redis_storage_keeps_state_between_instances() -> None:
    settings = Settings(bot_token=TOKEN, redis_url=TEST_REDIS_URL)
    key = StorageKey(bot_id=4242, chat_id=-100, user_id=7)
    first, second = build_storage(settings), build_storage(settings)
    try:
        await first.set_state(key, "SetupStates:typing_timezone")
        await first.set_data(key, {"wizard_message_id": 5})
        assert await second.get_state(key) == "SetupStates:typing_timezone"
        assert await second.get_data(key) == {"wizard_message_id": 5}
    finally:
        await first.set_state(key, None)
        await first.set_data(key, {})
        await first.close()
        await second.close()


async def test_bot_uses_the_configured_api_server() -> None:
    bot = build_bot(Settings(bot_token=TOKEN, telegram_api_url="http://127.0.0.1:9/"))
    try:
        assert bot.session.api.api_url(TOKEN, "getMe") == f"http://127.0.0.1:9/bot{TOKEN}/getMe"
    finally:
        await bot.session.close()


def test_worker_id_names_host_and_process_within_the_column() -> None:
    worker = worker_id("scheduler")
    assert worker.startswith("scheduler-") and worker.endswith(f"-{os.getpid()}")
    assert socket.gethostname()[:20] in worker and len(worker) <= 64


async def test_scheduler_role_runs_due_actions_without_taking_updates(
    tmp_path: Path, clock: FakeClock
) -> None:
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"  # empty: start() migrates it
    emu = TelegramEmulator()
    await emu.start()
    emu.create_bot(token=TOKEN, username="organizer_bot")
    settings = Settings(
        bot_token=TOKEN, telegram_api_url=emu.base_url, database_url=db_url, _env_file=None
    )
    app = Application(settings, clock=clock, role="scheduler")
    await app.start()
    try:
        assert app.runner is not None and app.runner.worker_id == worker_id("scheduler")
        assert not app.handles_updates and app.web is None
        async with app.session_factory() as session:
            kinds = set(await session.scalars(select(ScheduledAction.kind)))
        assert {sweep.SWEEP_KIND, digest.DIGEST_KIND} <= kinds
        clock.advance(days=2)  # the sweep and digest are due now
        assert (await app.runner.run_until_idle()).done >= 2
    finally:
        await app.stop()
        await emu.stop()
    # Neither polling nor a webhook, and no command menu: that is the web process's job.
    methods = {call.method for call in emu.calls}
    assert not methods & {"getUpdates", "setWebhook", "deleteWebhook", "setMyCommands"}


async def test_web_role_needs_the_webhook_settings_before_anything_else(clock: FakeClock) -> None:
    app = Application(Settings(bot_token=TOKEN, _env_file=None), clock=clock, role="web")
    with pytest.raises(ConfigError, match="^WEBHOOK_URL is not set"):
        await app.start()


async def test_every_job_runs_on_the_event_loop(tmp_path: Path, clock: FakeClock) -> None:
    """Regression: the 30-second activity flush was a function returning a coroutine, which
    APScheduler ran in a worker thread: the coroutine was never awaited, so members' activity
    stayed in memory (growing) until the process stopped."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    emu = TelegramEmulator()
    await emu.start()
    emu.create_bot(token=TOKEN, username="organizer_bot")
    settings = Settings(
        bot_token=TOKEN, telegram_api_url=emu.base_url, database_url=db_url, _env_file=None
    )
    app = Application(settings, clock=clock, role="all")
    await app.start()
    try:
        jobs = app.scheduler.get_jobs()
        assert "members.activity-flush" in {job.id for job in jobs}
        for job in jobs:
            assert inspect.iscoroutinefunction(job.func), job.id
        tracker = app.dispatcher[TRACKER_KEY]
        tracker.seen(-100123, 42, "Ann", clock.now())
        flush = next(job for job in jobs if job.id == "members.activity-flush")
        await flush.func()
        assert tracker.pending == 0  # written (the group is unknown, so nothing is stored)
    finally:
        await app.stop()
        await emu.stop()
