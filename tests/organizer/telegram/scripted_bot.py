"""A real aiogram `Bot` over a session that records requests and plays back scripted replies.

Modelled on aiogram's own `tests/mocked_bot.py`: replies go through `BaseSession.check_response`,
so errors arrive as the same aiogram exceptions a live Bot API server would cause.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import AsyncGenerator, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import DeleteMessage
from aiogram.methods.base import TelegramMethod

from organizer.messenger import Priority
from organizer.telegram.messenger import TelegramMessenger

# A scripted step: (HTTP status, JSON body), or a function raising what the HTTP client would.
Step = tuple[int, dict[str, Any]] | Callable[[TelegramMethod[Any]], None]


def error(status: int, description: str, *, retry_after: int | None = None) -> Step:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return (status, body)


def network_failure(method: TelegramMethod[Any]) -> None:
    raise TelegramNetworkError(method=method, message="Request timeout error")


class ScriptedSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.script: deque[Step] = deque()
        self._message_ids = iter(range(500, 10_000))

    def then(self, *steps: Step) -> None:
        self.script.extend(steps)

    def always(self, step: Step, times: int = 100) -> None:
        self.script.extend([step] * times)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109 - BaseSession's signature
    ) -> Any:
        self.requests.append(method)
        step = self.script.popleft() if self.script else (200, self._success(method))
        if callable(step):
            step(method)
            raise AssertionError("a scripted failure must raise")
        status, body = step
        return self.check_response(bot, method, status, json.dumps(body)).result

    def _success(self, method: TelegramMethod[Any]) -> dict[str, Any]:
        if isinstance(method, DeleteMessage):
            return {"ok": True, "result": True}
        chat_id = int(getattr(method, "chat_id"))  # noqa: B009 - every method here has one
        message = {
            "message_id": getattr(method, "message_id", None) or next(self._message_ids),
            "date": 1767225600,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "text": getattr(method, "text", None) or "",
        }
        return {"ok": True, "result": message}

    async def close(self) -> None:
        pass

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""


def scripted_bot() -> tuple[Bot, ScriptedSession]:
    session = ScriptedSession()
    # HTML by default, as the app configures it: PLAIN must override this explicitly.
    bot = Bot("42:TEST", session=session, default=DefaultBotProperties(parse_mode="HTML"))
    return bot, session


class RecordingLimiter:
    """A limiter that never waits and records what it was asked."""

    def __init__(self) -> None:
        self.acquired: list[tuple[int, Priority]] = []
        self.penalties: list[tuple[int, float]] = []

    async def acquire(self, chat_id: int, *, priority: Priority) -> None:
        self.acquired.append((chat_id, priority))

    def penalize(self, chat_id: int, retry_after: float) -> None:
        self.penalties.append((chat_id, retry_after))


class RecordingSleep:
    def __init__(self) -> None:
        self.slept: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.slept.append(seconds)


class MessengerHarness:
    """A TelegramMessenger over a scripted bot, a recording limiter and a recording sleep."""

    def __init__(self, max_retries: int = 5) -> None:
        self.bot, self.session = scripted_bot()
        self.limiter = RecordingLimiter()
        self.sleep = RecordingSleep()
        self.unreachable: list[tuple[int, str]] = []
        self.messenger = TelegramMessenger(
            self.bot,
            self.limiter,
            on_unreachable=self._record_unreachable,
            max_retries=max_retries,
            sleep_func=self.sleep,
        )

    async def _record_unreachable(self, user_id: int, reason: str) -> None:
        self.unreachable.append((user_id, reason))

    @property
    def requests(self) -> list[Any]:
        return self.session.requests

    def wire_value(self, value: object) -> object:
        """What aiogram would put on the wire for a method field (None: the field is left out)."""
        return self.session.prepare_value(value, bot=self.bot, files={})
