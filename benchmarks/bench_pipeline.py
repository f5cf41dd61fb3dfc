"""Group-message throughput: the bot's full dispatcher (moderation, tracking, every router and
middleware) against a bare aiogram dispatcher, in the same run, on one core, SQLite.

Plain member messages (mostly clean zh/en chat, no commands) are fed as real Update objects
straight to `Dispatcher.feed_update`; no network is involved (the bot's session refuses every
call, so a message that would make the bot talk shows up as an error). DESIGN.md §4 asks for
at least 40 % of the bare dispatcher's rate. Run: make bench
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Message, Update

from handlers import setup_dispatcher
from handlers.deps import HandlerDeps
from organizer.clock import SystemClock
from organizer.config import Settings
from organizer.database import Base, create_engine, create_session_factory, unit_of_work
from organizer.i18n import Catalogue
from organizer.services import groups

TOKEN = "4242:BENCHTOKEN_abcdefghijklmnopqrstuvwxyz"
GROUP_ID = -1009001
MESSAGES = 5000
TEXTS = (
    "大家好，今天的研讨会几点开始",
    "收到，谢谢老师",
    "这个案例很有参考价值，我们组下周也试试",
    "Thanks, see you at the session tomorrow",
    "I will share the slides after the meeting",
    "好的，我来整理一下会议纪要",
    "明天上午十点在三楼会议室",
    "Great point about the onboarding process",
)


class RefusingSession(BaseSession):
    attempted: list[str] = []

    async def make_request(self, bot: Bot, method: Any, timeout: int | None = None) -> Any:  # noqa: ASYNC109
        self.attempted.append(type(method).__name__)
        raise RuntimeError(f"the benchmark's bot must not call {type(method).__name__}")

    async def stream_content(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover
        raise NotImplementedError
        yield b""

    async def close(self) -> None:
        pass


def updates(bot: Bot, count: int, *, first_user: int = 1000) -> list[Update]:
    """One message per member (5,000 members): the flood guard sees no one flooding, as in a
    real group; each text differs, so nothing is a repeat either."""
    ids = itertools.count(1)
    made = []
    for i in range(count):
        user = first_user + i
        made.append(Update.model_validate({
            "update_id": next(ids),
            "message": {
                "message_id": i + 1, "date": 1767225600,
                "chat": {"id": GROUP_ID, "type": "supergroup", "title": "项目一组"},
                "from": {"id": user, "is_bot": False, "first_name": f"M{user}"},
                "text": f"{TEXTS[i % len(TEXTS)]}（{i}）",
            },
        }, context={"bot": bot}))  # fmt: skip
    return made


async def rate(dispatcher: Dispatcher, bot: Bot, batch: list[Update]) -> float:
    started = time.perf_counter()
    for update in batch:
        await dispatcher.feed_update(bot, update)
    return len(batch) / (time.perf_counter() - started)


def bare_dispatcher() -> Dispatcher:
    dispatcher = Dispatcher(storage=MemoryStorage())

    @dispatcher.message()
    async def plain(message: Message) -> None:  # a bot that reads and does nothing
        return None

    return dispatcher


async def full_dispatcher(url: str) -> tuple[Dispatcher, Any]:
    settings = Settings(bot_token=TOKEN, database_url=url)
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    factory = create_session_factory(engine)
    clock = SystemClock()
    async with unit_of_work(factory) as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        await groups.complete_setup(session, GROUP_ID, now=clock.now())
    deps = HandlerDeps(settings, Catalogue(), clock, _NoMessenger())
    return setup_dispatcher(Dispatcher(storage=MemoryStorage()), deps, factory), engine


class _NoMessenger:
    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(f"the benchmark's bot must not send ({name})")


def line(name: str, value: float, unit: str, op: str, target: float) -> str:
    ok = value >= target if op == ">=" else value <= target
    return f"bench: {name} = {value:.2f} {unit} (target {op} {target:g}) {'ok' if ok else 'short'}"


class ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def main() -> int:
    errors = ErrorCount()
    logging.getLogger().handlers[:] = [errors]  # count failures instead of printing them
    bot = Bot(TOKEN, session=RefusingSession())
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        full, engine = await full_dispatcher(url)
        bare = bare_dispatcher()
        warm = updates(bot, 300, first_user=500_000)
        await rate(full, bot, warm)
        await rate(bare, bot, warm)
        # Alternate the two so machine noise hits both alike; keep each one's best run. Each
        # run has members of its own, so nobody posts the same text twice.
        full_rates, bare_rates = [], []
        for run in range(3):
            batch = updates(bot, MESSAGES, first_user=1000 + run * MESSAGES)
            bare_rates.append(await rate(bare, bot, batch))
            full_rates.append(await rate(full, bot, batch))
        # Proof that the pipeline ran: a banned message makes the bot try to delete it.
        banned = updates(bot, 1, first_user=900_000)[0]
        assert banned.message is not None
        await full.feed_update(bot, banned.model_copy(update={"message": banned.message.model_copy(
            update={"text": "加我微信 abc12345，代开发票"})}))  # fmt: skip
        checked = "DeleteMessage" in RefusingSession.attempted
        await engine.dispose()
    print(line("pipeline_took_down_the_banned_message", float(checked), "bool", ">=", 1))
    errors.count -= 1 if checked else 0  # that one fails on purpose: the bot has no network
    best_full, best_bare = max(full_rates), max(bare_rates)
    print(line("pipeline_messages", best_full, "msg/s", ">=", 0))
    print(line("bare_aiogram_messages", best_bare, "msg/s", ">=", 0))
    ratio = best_full / best_bare
    print(line("pipeline_vs_bare_aiogram", ratio, "ratio", ">=", 0.40))
    print(line("pipeline_errors", errors.count, "errors", "<=", 0))
    return 0 if ratio >= 0.40 and errors.count == 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
