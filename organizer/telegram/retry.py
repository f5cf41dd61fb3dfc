"""Transient Bot API failures (5xx, a dropped connection, a timeout) retried where that is safe.

A read (getChatAdministrators, getChatMember, getMe...) or an idempotent change (ban, restrict,
delete, answerCallbackQuery, pin) gives the same result when repeated, so a short retry hides a
blip from the handler that made the call. A send is not retried here: if its answer was lost
the message may already be in the chat, so repeating it is the messenger's decision (it owns
delivery, with its own retry and rate limits).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramNetworkError, TelegramServerError

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

log = logging.getLogger(__name__)

# Methods whose repetition could show a user something twice.
NOT_REPEATABLE_PREFIXES = ("send", "copy", "forward", "createchatinvitelink", "stoppoll")
DEFAULT_DELAYS = (0.2, 0.5, 1.0)


def repeatable(method_name: str) -> bool:
    return not method_name.lower().startswith(NOT_REPEATABLE_PREFIXES)


class TransientRetry(BaseRequestMiddleware):
    def __init__(
        self,
        delays: Sequence[float] = DEFAULT_DELAYS,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.delays = tuple(delays)
        self._sleep = sleep

    async def __call__(
        self,
        make_request: Callable[[Bot, TelegramMethod[Any]], Awaitable[Response[Any]]],
        bot: Bot,
        method: TelegramMethod[Any],
    ) -> Response[Any]:
        name = type(method).__name__
        if not repeatable(name):
            return await make_request(bot, method)
        for delay in self.delays:
            try:
                return await make_request(bot, method)
            except (TelegramServerError, TelegramNetworkError) as error:
                log.info("%s failed (%s); again in %.1f s", name, error, delay)
                await self._sleep(delay)
        return await make_request(bot, method)
