"""`organizer run`, the real command in its own process, against the emulator: it migrates an
empty database, answers /start and /rules, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from emulator import TelegramEmulator

TOKEN = "888000111:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


async def test_organizer_run_answers_and_stops_cleanly(
    emulator: TelegramEmulator, tmp_path: Path
) -> None:
    bot = emulator.create_bot(token=TOKEN, username="organizer_bot")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": emulator.base_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        "LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "organizer", "run",
        cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    try:
        await emulator.wait_until_polling(bot, timeout=60)
        carol = emulator.create_user("Carol", language_code="en")
        await emulator.send_message(carol, bot, "/start")
        await emulator.wait_for_message(carol, text_contains="Hello, Carol", timeout=15)
        group = emulator.create_group("Team", owner=carol)
        await emulator.add_bot_to_group(bot, group, by=carol, admin=True)
        await emulator.wait_for_message(group, text_contains="感谢把我加入「Team」", timeout=15)
        await emulator.send_message(carol, group, "/rules")
        await emulator.wait_for_message(group, text_contains="「Team」群规", timeout=15)
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = await asyncio.wait_for(process.communicate(), timeout=30)
    assert process.returncode == 0, output.decode()
    assert (tmp_path / "bot.db").exists()
    assert b"Traceback" not in output
