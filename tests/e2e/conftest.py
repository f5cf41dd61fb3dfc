"""End-to-end: the bot, unchanged, against the Bot API emulator over real HTTP."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

import pytest

from emulator import EmulatorLimits, EmuMessage, EmuUser, TelegramEmulator
from handlers import ORDERING_KEY
from organizer.app import Application
from organizer.clock import FakeClock
from organizer.config import Settings
from organizer.telegram.ratelimit import RateLimits

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


FAST = RateLimits(global_=(1000, 1.0), private_chat=(1000, 1.0), group=(1000, 1.0))


@pytest.fixture
async def lively(empty_db_url: str, clock: FakeClock) -> AsyncIterator[Running]:
    """The bot with Telegram's limits scaled away, so the walk takes seconds."""
    emu = TelegramEmulator(limits=EmulatorLimits(enabled=False))
    await emu.start(host="127.0.0.1", port=0)
    bot = emu.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    settings = Settings(
        bot_token=TOKEN, telegram_api_url=emu.base_url, database_url=empty_db_url,
        scheduler_tick_seconds=0.1,
    )  # fmt: skip
    app = Application(settings, clock=clock, rate_limits=FAST)
    await app.start()
    polling = asyncio.create_task(app.run_polling(handle_signals=False))
    await emu.wait_until_polling(bot, timeout=10)
    try:
        yield Running(emu, app, bot, clock)
    finally:
        with contextlib.suppress(RuntimeError):
            await app.dispatcher.stop_polling()
        await asyncio.wait_for(polling, timeout=15)
        await app.stop()
        await emu.stop()


class Walk:
    def __init__(self, running: Running) -> None:
        self.emu, self.bot, self.clock = running.emu, running.bot, running.clock
        self.app = running.app

    async def settled(self) -> None:
        """Until the bot has finished every update it received: a reply is visible before its
        transaction commits, and a person's next step must not overtake that commit."""
        await asyncio.wait_for(self._delivered(), timeout=15)
        await asyncio.wait_for(self.app.dispatcher[ORDERING_KEY].wait_idle(), timeout=15)

    async def _delivered(self) -> None:
        """Until the bot has taken (and confirmed) every update the emulator queued for it: a
        message nobody answers gives no reply to wait for, and must still be handled before
        the clock moves. aiogram starts an update's task before it polls again, so once the
        queue is confirmed empty the update counts as in flight."""
        queue = self.emu.bot_account(self.bot).updates
        while queue.pending_count:  # noqa: ASYNC110 - the emulator's queue has no event for this
            await asyncio.sleep(0.01)
        await asyncio.sleep(0)

    def _last_id(self, chat: object) -> int:
        return max((m.message_id for m in self.emu.messages(chat)), default=0)

    async def say(self, user: EmuUser, chat: object, text: str, expect: str) -> EmuMessage:
        last = self._last_id(chat)
        await self.settled()
        await self.emu.send_message(user, chat, text)
        return await self.emu.wait_for_message(chat, text_contains=expect, after=last, timeout=10)

    def with_button(self, chat: object, prefix: str) -> tuple[EmuMessage, str]:
        for message in reversed(self.emu.bot_messages(chat)):
            for label in message.buttons:
                if label.startswith(prefix):
                    return message, label
        raise AssertionError(f"no button starting with {prefix!r}:\n{self.emu.transcript(chat)}")

    async def tap(self, user: EmuUser, chat: object, prefix: str, expect: str | None = None):
        message, label = self.with_button(chat, prefix)
        await self.settled()
        pressed = await self.emu.press_button(user, message, label)
        if expect is not None:
            await self.emu.wait_for_message(chat, text_contains=expect, timeout=10)
        return await pressed.answer(timeout=10)

    async def at(self, moment: datetime, chat: object, expect: str) -> EmuMessage:
        """Move the injected clock; the bot's own scheduler does the rest."""
        self.clock.set(moment)
        return await self.emu.wait_for_message(chat, text_contains=expect, timeout=15)
