"""End-to-end: the bot, unchanged, against the Bot API emulator over real HTTP."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from emulator import EmuUser, TelegramEmulator
from organizer.app import Application
from organizer.clock import FakeClock
from organizer.config import Settings

TOKEN = "777000111:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


@dataclass
class Running:
    emu: TelegramEmulator
    app: Application
    bot: EmuUser
    clock: FakeClock


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    emu = TelegramEmulator()
    await emu.start(host="127.0.0.1", port=0)
    try:
        yield emu
    finally:
        await emu.stop()


@pytest.fixture
async def running(
    emulator: TelegramEmulator, empty_db_url: str, clock: FakeClock
) -> AsyncIterator[Running]:
    bot = emulator.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    settings = Settings(
        bot_token=TOKEN,
        telegram_api_url=emulator.base_url,
        database_url=empty_db_url,
        scheduler_tick_seconds=0.2,
    )
    app = Application(settings, clock=clock)
    await app.start()  # migrates the empty database first, as `organizer run` does
    polling = asyncio.create_task(app.run_polling(handle_signals=False))
    try:
        yield Running(emulator, app, bot, clock)
    finally:
        with contextlib.suppress(RuntimeError):
            await app.dispatcher.stop_polling()
        await asyncio.wait_for(polling, timeout=15)
        await app.stop()


@pytest.fixture
async def empty_db_url(db_url: str) -> str:
    """db_url with no tables, so the bot's own migrations build the schema."""
    from sqlalchemy import text

    from organizer.database import Base, create_engine

    engine = create_engine(db_url)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await engine.dispose()
    return db_url
