"""Webhook mode end to end: the bot in role "web" behind the emulator, which pushes updates to
the bot's own aiohttp server with the secret, as Telegram does."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from emulator import TelegramEmulator
from organizer.app import Application
from organizer.clock import FakeClock
from organizer.config import Settings
from organizer.database import create_engine, create_session_factory, unit_of_work
from organizer.services import notify

TOKEN = "777000222:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
SECRET = "e2e_webhook-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def web_settings(emulator: TelegramEmulator, database_url: str, *, hook_port: int) -> Settings:
    return Settings(
        bot_token=TOKEN,
        telegram_api_url=emulator.base_url,
        database_url=database_url,
        webhook_url=f"http://127.0.0.1:{hook_port}/telegram/webhook",
        webhook_secret=SECRET,
        web_host="127.0.0.1",
        web_port=hook_port,
        _env_file=None,
    )


class Instances:
    """Web-role instances of the bot; whichever are still running are stopped at the end."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.running: list[Application] = []

    async def start(self, settings: Settings) -> Application:
        app = Application(settings, clock=self.clock, role="web")
        await app.start()
        self.running.append(app)
        return app

    async def stop(self, app: Application) -> None:
        self.running.remove(app)
        await app.stop()


@pytest.fixture
async def instances(clock: FakeClock) -> AsyncIterator[Instances]:
    instances = Instances(clock)
    yield instances
    for app in reversed(instances.running):
        await app.stop()


async def health(port: int) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/health") as response,
    ):
        return response.status, await response.json()


async def test_start_is_answered_through_the_webhook(
    emulator: TelegramEmulator, empty_db_url: str, instances: Instances
) -> None:
    bot = emulator.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    port = free_port()
    settings = web_settings(emulator, empty_db_url, hook_port=port)
    app = await instances.start(settings)
    account = emulator.bot_account(bot)
    assert account.webhook_url == settings.webhook_url
    assert app.runner is None  # the scheduler is its own process in production

    carol = emulator.create_user("Carol", language_code="en")
    await emulator.send_message(carol, bot, "/start")
    await emulator.wait_for_message(carol, text_contains="Hello, Carol", timeout=15)
    assert account.updates.webhook is not None and account.updates.webhook.delivered >= 1
    assert not any(call.method == "getUpdates" for call in emulator.calls)

    status, body = await health(port)
    assert status == 200
    assert body["status"] == "ok" and body["database"] == "ok"

    await instances.stop(app)
    # Other instances may still be serving: the webhook stays set.
    assert account.webhook_url == settings.webhook_url


async def test_a_second_instance_with_the_same_settings_serves_too(
    emulator: TelegramEmulator, empty_db_url: str, instances: Instances
) -> None:
    bot = emulator.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    first_port, second_port = free_port(), free_port()
    shared = web_settings(emulator, empty_db_url, hook_port=first_port)
    await instances.start(shared)
    # Behind a load balancer: the same WEBHOOK_URL, its own local port.
    second = await instances.start(shared.model_copy(update={"web_port": second_port}))
    assert emulator.bot_account(bot).webhook_url == shared.webhook_url

    carol = emulator.create_user("Carol", language_code="en")
    await emulator.send_message(carol, bot, "/start")
    await emulator.wait_for_message(carol, text_contains="Hello, Carol", timeout=15)

    # The balancer now routes to the second instance: it answers from the shared database.
    await second.bot.set_webhook(
        f"http://127.0.0.1:{second_port}/telegram/webhook", secret_token=SECRET
    )
    dave = emulator.create_user("Dave", language_code="en")
    await emulator.send_message(dave, bot, "/start")
    await emulator.wait_for_message(dave, text_contains="Hello, Dave", timeout=15)
    for port in (first_port, second_port):
        assert (await health(port))[0] == 200


async def run_command(
    emulator: TelegramEmulator, tmp_path: Path, *args: str, **env: str
) -> asyncio.subprocess.Process:
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": emulator.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        "LOG_LEVEL": "WARNING",
        **env,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "organizer", *args,
        cwd=tmp_path, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip


async def test_organizer_web_and_scheduler_processes_stop_cleanly(
    emulator: TelegramEmulator, tmp_path: Path
) -> None:
    """The real commands: `organizer web` answers through the webhook, `organizer scheduler`
    performs a due action beside it, and both exit 0 on SIGTERM (what a process manager sends)."""
    bot = emulator.create_bot(token=TOKEN, username="organizer_bot")
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    env = {"WEBHOOK_URL": url, "WEBHOOK_SECRET": SECRET, "WEB_PORT": str(port)}
    processes = [await run_command(emulator, tmp_path, "web", **env)]
    try:
        carol = emulator.create_user("Carol", language_code="en")
        # Queued until the process has migrated, listens, and set its webhook.
        await emulator.send_message(carol, bot, "/start")
        await emulator.wait_for_message(carol, text_contains="Hello, Carol", timeout=60)
        assert emulator.bot_account(bot).webhook_url == url
        group = emulator.create_group("Team", owner=carol)
        await emulator.add_bot_to_group(bot, group, by=carol, admin=True)
        await emulator.wait_for_message(group, text_contains="感谢把我加入「Team」", timeout=15)
        await schedule_notice(tmp_path / "bot.db", user_id=carol.id, group_id=group.id)
        # Only the scheduler process performs due actions: the web one runs none.
        processes.append(await run_command(emulator, tmp_path, "scheduler"))
        await emulator.wait_for_message(carol, text_contains="Organizer help", timeout=60)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        outputs = [await asyncio.wait_for(p.communicate(), timeout=30) for p in processes]
    for process, (output, _) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, output.decode()
        assert b"Traceback" not in output


async def schedule_notice(database: Path, *, user_id: int, group_id: int) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    try:
        async with unit_of_work(create_session_factory(engine)) as session:
            now = datetime.now(UTC)
            await notify.schedule_member_notice(
                session, user_id=user_id, group_id=group_id, text_key="help-title",
                due_at=now, now=now,
            )  # fmt: skip
    finally:
        await engine.dispose()
