"""Inner middlewares: they run only for updates some handler will handle, so a plain group
message that nothing handles costs no database work."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Chat, TelegramObject
from aiogram.types import User as TgUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.i18n import Catalogue, normalize_language
from organizer.services import groups, users

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class DatabaseSessionMiddleware(BaseMiddleware):
    """One session (unit of work) per update: committed if the handler succeeds."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self.session_factory = session_factory

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.session_factory() as session:
            data["session"] = session
            try:
                result = await handler(event, data)
            except BaseException:
                await session.rollback()
                raise
            await session.commit()
            return result


class LanguageMiddleware(BaseMiddleware):
    """Picks the language to answer in: the group's in a group, the user's in private."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        session: AsyncSession = data["session"]
        chat: Chat | None = data.get("event_chat")
        user: TgUser | None = data.get("event_from_user")
        if isinstance(event, CallbackQuery) and event.message is not None:
            chat = event.message.chat
        lang = await self._language(session, chat, user)
        data["lang"] = lang
        data["texts"] = self.catalogue.for_language(lang)
        return await handler(event, data)

    async def _language(self, session: AsyncSession, chat: Chat | None, user: TgUser | None) -> str:
        default = self.catalogue.default
        if chat is not None and chat.type != "private":
            group = await groups.get(session, chat.id)
            return group.language if group else default
        if user is None:
            return default
        stored = await users.get(session, user.id)
        if stored is not None:
            return stored.language_or(default)
        return normalize_language(user.language_code, default)


class OneAtATimePerSender(BaseMiddleware):
    """Updates from one person in one chat are handled in the order Telegram sent them.

    Polling hands updates to concurrent tasks. A reply is visible before its transaction
    commits, so someone who answers a form step quickly (or Telegram's two reports of one join)
    could reach the next handler while the previous one's changes are still uncommitted.
    Different people, and one person in different chats, still run concurrently."""

    def __init__(self) -> None:
        self._locks: dict[tuple[int, int], tuple[asyncio.Lock, int]] = {}
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def wait_idle(self) -> None:
        """Until no update is being handled (end-to-end tests: every reply's work committed)."""
        await self._idle.wait()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        self._in_flight += 1
        self._idle.clear()
        try:
            return await self._in_order(handler, event, data)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def _in_order(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        chat: Chat | None = data.get("event_chat")
        user: TgUser | None = data.get("event_from_user")
        if chat is None and user is None:
            return await handler(event, data)
        key = (chat.id if chat else 0, user.id if user else 0)
        lock, users_of_lock = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users_of_lock + 1)
        try:
            async with lock:
                return await handler(event, data)
        finally:
            lock, users_of_lock = self._locks[key]
            if users_of_lock <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users_of_lock - 1)
