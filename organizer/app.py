"""The composition root: builds the bot, dispatcher, messenger and scheduler and wires them.

With `organizer.telegram` and `handlers/`, this is the only place that imports aiogram.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from typing import Any, Literal

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseStorage
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
from organizer.services import commendations, digest, joining, sweep
from organizer.services.activity_tracker import FlushResult
from organizer.services.group_changes_bus import GroupChangesBus
from organizer.services.unreachable_marks import UnreachableMarks
from organizer.telegram import shared_state
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.moderator import TelegramModerator
from organizer.telegram.ratelimit import RateLimiter, RateLimits
from organizer.telegram.ratelimit_redis import RedisRateLimiter
from organizer.telegram.retry import TransientRetry
from organizer.telegram.webhook import WebhookHandler
from organizer.web.calendar_routes import add_calendar_routes
from organizer.web.health import HealthCheck
from organizer.web.server import (
    RouteAdder,
    WebServer,
    build_web_app,
    require_webhook_settings,
    webhook_path,
)
from scheduler.jobs import member_jobs, register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from scheduler.setup import build_scheduler, shutdown_scheduler

log = logging.getLogger(__name__)

Role = Literal["all", "web", "scheduler"]

# chat_member updates come only when asked for by name (and only to admin bots).
ALLOWED_UPDATES = [
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "poll_answer",
    # Reactions to shares count toward their quality (sent only to bots that are admins).
    "message_reaction",
]


def build_bot(settings: Settings) -> Bot:
    session = None
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    bot = Bot(settings.require_bot_token(), session=session)
    bot.session.middleware(TransientRetry())
    return bot


def build_storage(settings: Settings) -> BaseStorage:
    return shared_state.build_storage(settings.redis_url)


def worker_id(role: str) -> str:
    """Unique per process across hosts (claims are fenced by it), within the column's 64 chars."""
    suffix = f"-{os.getpid()}"
    return f"{role}-{socket.gethostname()}"[: 64 - len(suffix)] + suffix


@dataclass
class Application:
    """Everything one bot process runs, in one of three roles:

    - "all": long polling and the scheduler in one process (`organizer run`, the embedded mode);
    - "web": the webhook server (`organizer web`), the scheduler only with `with_scheduler`;
    - "scheduler": due actions and cron jobs, no updates (`organizer scheduler`).

    `start`, then `run_polling` (role "all") or wait (the others), and `stop` at the end.
    """

    settings: Settings
    clock: Clock = field(default_factory=SystemClock)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    registry: ActionRegistry = field(default_factory=lambda: register_jobs(ActionRegistry()))
    role: Role = "all"
    with_scheduler: bool = False  # role "web" only: also run the scheduler in this process
    extra_routes: Sequence[RouteAdder] = ()  # role "web": more routes on the web server
    engine: AsyncEngine = field(init=False)
    session_factory: async_sessionmaker[AsyncSession] = field(init=False)
    bot: Bot = field(init=False)
    dispatcher: Dispatcher = field(init=False)  # not set in role "scheduler"
    messenger: TelegramMessenger = field(init=False)
    limiter: RateLimiter = field(init=False)
    group_changes: GroupChangesBus | None = field(init=False, default=None)
    scheduler: AsyncIOScheduler = field(init=False)
    runner: ActionRunner | None = field(init=False, default=None)
    web: WebServer | None = field(init=False, default=None)
    webhook: WebhookHandler | None = field(init=False, default=None)

    @property
    def handles_updates(self) -> bool:
        return self.role != "scheduler"

    @property
    def runs_scheduler(self) -> bool:
        return self.role != "web" or self.with_scheduler

    async def start(self, *, migrate_first: bool = True) -> None:
        if self.role == "web":
            require_webhook_settings(self.settings)  # fail before touching anything
        self.engine = create_engine(self.settings.database_url)
        if migrate_first:
            await migrate.upgrade(self.engine)
        self.session_factory = create_session_factory(self.engine)
        if self.settings.redis_url:  # several processes: each one's group changes reach all
            self.group_changes = GroupChangesBus(self.settings.redis_url)
            await self.group_changes.start()
        self.catalogue = Catalogue(default=self.settings.default_language)
        self.bot = build_bot(self.settings)
        if not self.settings.bot_username:
            me = await self.bot.me()
            self.settings = self.settings.model_copy(update={"bot_username": me.username})
        self.limiter = self._build_rate_limiter()
        self.unreachable = UnreachableMarks(self.session_factory, self.clock)
        self.messenger = TelegramMessenger(self.bot, self.limiter, on_unreachable=self.unreachable)
        # Jobs have no Bot: the ports through which they act on Telegram are set here.
        joining.set_gate(TelegramJoinGate(self.bot))
        moderation_port.set_moderator(TelegramModerator(self.bot))
        self.scheduler = self._build_scheduler()
        if self.handles_updates:
            await self._start_dispatcher()
        if self.runs_scheduler:
            await self._ensure_recurring_actions()
        self.scheduler.start()
        if self.role == "web":
            await self._serve_webhook()

    def _calendar_routes(self, app: Any) -> None:
        add_calendar_routes(
            app, session_factory=self.session_factory, clock=self.clock, settings=self.settings
        )

    def _build_rate_limiter(self) -> RateLimiter:
        # Shared through Redis by every bot instance and the scheduler process when configured.
        return shared_state.build_rate_limiter(
            self.settings.redis_url, self.rate_limits, bot_id=self.bot.id
        )

    def _build_scheduler(self) -> AsyncIOScheduler:
        """With the due-actions tick when this process runs the scheduler; otherwise bare, for
        the process's own housekeeping jobs (the activity flush)."""
        if not self.runs_scheduler:
            return AsyncIOScheduler(timezone=UTC)
        self.runner = ActionRunner(
            self.session_factory,
            self.registry,
            self.messenger,
            self.clock,
            worker_id=worker_id(self.role),
            lease=timedelta(seconds=self.settings.scheduler_lease_seconds),
            settings=self.settings,
        )
        return build_scheduler(self.runner, tick_seconds=self.settings.scheduler_tick_seconds)

    async def _start_dispatcher(self) -> None:
        deps = HandlerDeps(self.settings, self.catalogue, self.clock, self.messenger)
        # With Redis, FSM state and the per-user event lock are shared by every instance.
        storage, isolation = shared_state.build_fsm(self.settings.redis_url)
        self.dispatcher = setup_dispatcher(
            Dispatcher(storage=storage, events_isolation=isolation), deps, self.session_factory
        )
        await register_commands(self.bot, self.catalogue)
        self._wire_members()

    async def _ensure_recurring_actions(self) -> None:
        # Rows with dedupe keys: every scheduler process may do this at start, harmlessly.
        async with unit_of_work(self.session_factory) as session:
            await sweep.ensure_scheduled(session, now=self.clock.now())
            await digest.ensure_scheduled(session, now=self.clock.now())
            await commendations.ensure_scheduled(session, now=self.clock.now())

    async def _serve_webhook(self) -> None:
        url, secret = require_webhook_settings(self.settings)
        self.webhook = WebhookHandler(self.dispatcher, self.bot, secret)
        health = HealthCheck(self.session_factory, self.clock, redis_url=self.settings.redis_url)
        app = build_web_app(
            health=health,
            webhook=(webhook_path(url), self.webhook.handle),
            extra_routes=[self._calendar_routes, *self.extra_routes],
        )
        self.web = WebServer(app)
        await self.web.start(self.settings.web_host, self.settings.web_port)
        # Listening first, so the first push finds us. Every instance sets the same webhook at
        # start (idempotent) and none deletes it at stop: another instance is still serving.
        await self.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)

    async def _flush_activity(self) -> FlushResult:
        # A coroutine function, not a function returning a coroutine: APScheduler runs the
        # latter in a thread, where the coroutine was made and never awaited (nothing flushed).
        tracker = self.dispatcher[TRACKER_KEY]
        return await member_jobs.flush_activity(
            tracker, self.session_factory, self.messenger, self.catalogue
        )

    def _wire_members(self) -> None:
        # The hot path's in-memory activity, written in one batch every 30 s (and at stop).
        self.scheduler.add_job(
            self._flush_activity, "interval", seconds=30, id="members.activity-flush",
            max_instances=1, coalesce=True, replace_existing=True,
        )  # fmt: skip

    async def run_polling(self, *, handle_signals: bool = True) -> None:
        await self.dispatcher.start_polling(
            self.bot,
            allowed_updates=ALLOWED_UPDATES,
            handle_signals=handle_signals,
            close_bot_session=False,
        )

    async def stop(self) -> None:
        if self.web is not None:
            await self.web.stop()  # no new updates from here on
        if self.webhook is not None:
            await self.webhook.drain()  # acknowledged updates are Telegram's no more: finish them
        # Let a running tick finish, so no action is left claimed until its lease expires.
        await shutdown_scheduler(self.scheduler, self.runner)
        if self.handles_updates:
            await self._flush_activity()
            await self.dispatcher.fsm.close()  # storage and event isolation
        await self.unreachable.drain()
        if self.group_changes is not None:
            await self.group_changes.stop()
        if isinstance(self.limiter, RedisRateLimiter):
            await self.limiter.close()
        await self.bot.session.close()
        await self.engine.dispose()
