"""The running sandbox: emulator + bot + clock in one process, and what a persona can do.

Every action here is what the page (and the guided tour) calls: write, press a button, ask to
join, leave, change language, move time. They are the emulator's own user actions, so the bot
sees exactly the updates Telegram would send.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from emulator import CallbackAnswer, EmuChat, EmulatorLimits, EmuMessage, EmuUser, TelegramEmulator
from handlers import ORDERING_KEY
from organizer.app import Application
from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.services import scheduled_actions
from organizer.telegram.ratelimit import RateLimits
from sandbox.clock import SandboxClock

TOKEN = "123456789:EMULATOR_demo_token_abcdefghijklmnop"  # the emulator's demo bot token
BOT_USERNAME = "organizer_bot"
# One person clicking around never nears Telegram's limits; the bot's own pacing would only
# make the page feel slow, so it is scaled away (the emulator's limits are off too).
FAST = RateLimits(global_=(1000, 1.0), private_chat=(1000, 1.0), group=(1000, 1.0))


@dataclass
class Persona:
    key: str  # admin | organizer | member1..3 | applicant
    role: str
    user: EmuUser

    @property
    def language(self) -> str:
        return self.user.language_code or "zh"


@dataclass
class Sandbox:
    start_at: datetime | None = None
    workdir: Path | None = None
    clock: SandboxClock = field(init=False)
    emu: TelegramEmulator = field(init=False)
    app: Application = field(init=False)
    bot: EmuUser = field(init=False)
    personas: dict[str, Persona] = field(default_factory=dict)
    groups: list[EmuChat] = field(default_factory=list)
    timezone: str = "Asia/Shanghai"
    _tmp: tempfile.TemporaryDirectory[str] | None = None
    _polling: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.clock = SandboxClock(self.start_at)
        self.emu = TelegramEmulator(
            limits=EmulatorLimits(enabled=False), wall_clock=self.clock.timestamp
        )
        await self.emu.start(host="127.0.0.1", port=0)
        self.bot = self.emu.create_bot(token=TOKEN, username=BOT_USERNAME, first_name="Organizer")
        self.app = Application(self._settings(), clock=self.clock, rate_limits=FAST)
        self.timezone = self.app.settings.default_timezone
        await self.app.start()  # migrates the fresh SQLite file, as `organizer run` does
        self._polling = asyncio.create_task(self.app.run_polling(handle_signals=False))
        await self.emu.wait_until_polling(self.bot, timeout=15)

    def _settings(self) -> Settings:
        if self.workdir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="organizer-sandbox-")
            self.workdir = Path(self._tmp.name)
        database = self.workdir / "sandbox.db"
        # Everything given explicitly, so a developer's .env (Redis, webhook) cannot leak in.
        return Settings(
            bot_token=TOKEN,
            telegram_api_url=self.emu.base_url,
            database_url=f"sqlite+aiosqlite:///{database}",
            redis_url=None,
            webhook_url=None,
            bot_username=BOT_USERNAME,
            scheduler_tick_seconds=0.5,
            log_level="WARNING",
        )

    async def stop(self) -> None:
        if self._polling is not None:
            with contextlib.suppress(RuntimeError):
                await self.app.dispatcher.stop_polling()
            await asyncio.wait_for(self._polling, timeout=15)
            await self.app.stop()
        await self.emu.stop()
        if self._tmp is not None:
            self._tmp.cleanup()

    # ------------------------------------------------------------------ lookups

    def persona(self, key: str) -> Persona:
        found = self.personas.get(key)
        if found is None:
            raise ValueError(f"no persona {key!r}")
        return found

    def chat(self, persona: Persona, chat_id: int) -> EmuChat:
        """A group by id, or the persona's private chat with the bot (its id is theirs)."""
        if chat_id == persona.user.id:
            return self.emu.private_chat(self.bot, persona.user)
        group = self.emu.groups.get(chat_id)
        if group is None:
            raise ValueError(f"no chat {chat_id}")
        return group

    def message(self, chat: EmuChat, message_id: int) -> EmuMessage:
        found = chat.live_message(message_id)
        if found is None:
            raise ValueError(f"no message {message_id} in chat {chat.id}")
        return found

    # ------------------------------------------------------------------ actions

    async def settled(self) -> None:
        """Until the bot has handled every update it was sent (replies sent, changes
        committed), so the next step does not overtake the last one."""
        queue = self.emu.bot_account(self.bot).updates

        async def delivered() -> None:
            while queue.pending_count:  # noqa: ASYNC110 - the queue has no event for this
                await asyncio.sleep(0.02)
            await asyncio.sleep(0)

        await asyncio.wait_for(delivered(), timeout=15)
        await asyncio.wait_for(self.app.dispatcher[ORDERING_KEY].wait_idle(), timeout=15)

    async def send(self, persona: Persona, chat_id: int, text: str) -> EmuMessage:
        chat = self.chat(persona, chat_id)
        target: EmuChat | EmuUser = self.bot if chat.is_private else chat
        return await self.emu.send_message(persona.user, target, text)

    async def press(
        self, persona: Persona, chat_id: int, message_id: int, label: str
    ) -> CallbackAnswer:
        chat = self.chat(persona, chat_id)
        pressed = await self.emu.press_button(persona.user, self.message(chat, message_id), label)
        return await pressed.answer(timeout=15)

    async def vote(self, persona: Persona, chat_id: int, message_id: int, option: int) -> None:
        chat = self.chat(persona, chat_id)
        await self.emu.vote_poll(persona.user, self.message(chat, message_id), [option])

    async def request_join(self, persona: Persona, chat_id: int) -> None:
        await self.emu.request_join(persona.user, self.chat(persona, chat_id))

    async def leave(self, persona: Persona, chat_id: int) -> None:
        await self.emu.leave(persona.user, self.chat(persona, chat_id))

    async def set_language(self, persona: Persona, language: str) -> None:
        """Telegram's language setting, then /lang in private and the bot's own button."""
        persona.user.language_code = language
        chat_id = persona.user.id
        await self.settled()
        await self.send(persona, chat_id, "/lang")
        await self.settled()
        label = self.app.catalogue.text(language, "language-name")
        card = self.emu.bot_messages(self.chat(persona, chat_id))[-1]
        await self.press(persona, chat_id, card.message_id, label)

    # ------------------------------------------------------------------ time

    async def travel(self, how: str) -> datetime:
        """ "hour", "day", or "next" (the earliest pending scheduled action in the database)."""
        if how == "hour":
            self.clock.advance(timedelta(hours=1))
        elif how == "day":
            self.clock.advance(timedelta(days=1))
        elif how == "next":
            due = await self.next_due()
            if due is not None:
                self.clock.set(due + timedelta(seconds=1))
        else:
            raise ValueError(f"unknown time step {how!r}")
        await self.wake_scheduler()
        return self.clock.now()

    async def next_due(self) -> datetime | None:
        async with unit_of_work(self.app.session_factory) as session:
            return await scheduled_actions.next_due_at(session)

    async def wake_scheduler(self) -> None:
        """Run what fell due now rather than at the next tick."""
        if self.app.runner is not None:
            await self.app.runner.run_until_idle()

    def state(self) -> dict[str, Any]:
        return {"now": self.clock.now().isoformat(), "timezone": self.timezone}
