"""Telegram's side of join requests: approving and declining, and the session for the update.

`TelegramJoinGate` is what scheduled jobs use (registered with `joining.set_gate`).
`JoinRequestSession` opens the per-update session for `chat_join_request` updates with the
dispatcher's own session middleware when the dispatcher does not already do so.
"""

from __future__ import annotations

from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject

from handlers.middlewares import DatabaseSessionMiddleware, Handler


class TelegramJoinGate:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def approve_join_request(self, chat_id: int, user_id: int) -> None:
        await self.bot.approve_chat_join_request(chat_id, user_id)

    async def decline_join_request(self, chat_id: int, user_id: int) -> None:
        await self.bot.decline_chat_join_request(chat_id, user_id)


class JoinRequestSession(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if "session" in data:
            return await handler(event, data)
        dispatcher = data.get("dispatcher")
        if dispatcher is not None:
            for middleware in dispatcher.message.middleware:
                if isinstance(middleware, DatabaseSessionMiddleware):
                    return await middleware(handler, event, data)
        raise RuntimeError("no database session middleware to open a session with")
