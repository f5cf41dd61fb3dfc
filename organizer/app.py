"""The composition root: builds the bot, dispatcher, messenger and scheduler and wires them.

With `organizer.telegram` and `handlers/`, this is the only place that imports aiogram.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from handlers import setup_dispatcher
from handlers.commands import register_commands
from handlers.deps import HandlerDeps
from handlers.joining.gate import TelegramJoinGate
from handlers.members.tracking import TRACKER_KEY
from organizer import migrate, moderation_port
from organizer.clock import Clock, SystemClock
from organizer.config import Settings
from organizer.database import create_engine, create_session_factory, unit_of_work
from organizer.i18n import Catalogue
from organizer.services import commendations, digest, joining, sweep, users
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.moderator import TelegramModerator
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from scheduler.jobs import member_jobs, register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from scheduler.setup import build_scheduler, shutdown_scheduler

log = logging.getLogger(__name__)

# chat_member updates come only when asked for by name (and only to admin bots).
ALLOWED_UPDATES = [
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "poll_answer",
]


def build_bot(settings: Settings) -> Bot:
    session = None
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(settings.require_bot_token(), session=session)


def build_storage(settings: Settings) -> BaseStorage:
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        return RedisStorage.from_url(
            settings.redis_url, key_builder=DefaultKeyBuilder(with_bot_id=True, with_destiny=True)
        )
    return MemoryStorage()


@dataclass
class Application:
    """Everything one bot process runs; `start` then `run_polling`, and `stop` at the end."""

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    registry: ActionRegistry = field(default_factory=lambda: register_jobs(ActionRegistry()))
    engine: AsyncEngine = field(init=False)
    session_factory: async_sessionmaker[AsyncSession] = field(init=False)
    bot: Bot = field(init=False)
    dispatcher: Dispatcher = field(init=False)
    messenger: TelegramMessenger = field(init=False)
    runner: ActionRunner = field(init=False)
    scheduler: AsyncIOScheduler = field(init=False)

    async def start(self, *, migrate_first: bool = True) -> None:
        self.engine = create_engine(self.settings.database_url)
        if migrate_first:
            await migrate.upgrade(self.engine)
        self.session_factory = create_session_factory(self.engine)
        self.catalogue = Catalogue(default=self.settings.default_language)
        self.bot = build_bot(self.settings)
        if not self.settings.bot_username:
            me = await self.bot.me()
            self.settings = self.settings.model_copy(update={"bot_username": me.username})
        limiter = InMemoryRateLimiter(self.rate_limits)
        self.messenger = TelegramMessenger(self.bot, limiter, on_unreachable=self._unreachable)
        deps = HandlerDeps(self.settings, self.catalogue, self.clock, self.messenger)
        self.dispatcher = setup_dispatcher(
            Dispatcher(storage=build_storage(self.settings)), deps, self.session_factory
        )
        self.runner = ActionRunner(
            self.session_factory,
            self.registry,
            self.messenger,
            self.clock,
            worker_id=f"bot-{os.getpid()}",
            settings=self.settings,
        )
        self.scheduler = build_scheduler(
            self.runner, tick_seconds=self.settings.scheduler_tick_seconds
        )
        await register_commands(self.bot, self.catalogue)
        self._wire_members()
        # Jobs have no Bot: the ports through which they act on Telegram are set here.
        joining.set_gate(TelegramJoinGate(self.bot))
        moderation_port.set_moderator(TelegramModerator(self.bot))
        async with unit_of_work(self.session_factory) as session:
            await sweep.ensure_scheduled(session, now=self.clock.now())
            await digest.ensure_scheduled(session, now=self.clock.now())
            await commendations.ensure_scheduled(session, now=self.clock.now())
        self.scheduler.start()

    def _flush_activity(self) -> Any:
        tracker = self.dispatcher[TRACKER_KEY]
        return member_jobs.flush_activity(
            tracker, self.session_factory, self.messenger, self.catalogue
        )

    def _wire_members(self) -> None:
        # The hot path's in-memory activity, written in one batch every 30 s (and at stop).
        self.scheduler.add_job(
            self._flush_activity, "interval", seconds=30, id="members.activity-flush",
            max_instances=1, coalesce=True, replace_existing=True,
        )  # fmt: skip

    async def _unreachable(self, user_id: int, reason: str) -> None:
        log.info("user %s cannot be messaged privately: %s", user_id, reason)
        async with unit_of_work(self.session_factory) as session:
            await users.mark_private_unreachable(session, user_id, now=self.clock.now())

    async def run_polling(self, *, handle_signals: bool = True) -> None:
        await self.dispatcher.start_polling(
            self.bot,
            allowed_updates=ALLOWED_UPDATES,
            handle_signals=handle_signals,
            close_bot_session=False,
        )

    async def stop(self) -> None:
        # Let a running tick finish, so no action is left claimed until its lease expires.
        await shutdown_scheduler(self.scheduler, self.runner)
        await self._flush_activity()
        await self.dispatcher.storage.close()
        await self.bot.session.close()
        await self.engine.dispose()
