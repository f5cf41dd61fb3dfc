"""Inner middlewares: they run only for updates some handler will handle, so a plain group
message that nothing handles costs no database work."""

from __future__ import annotations

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
