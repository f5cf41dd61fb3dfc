"""What handlers need besides the update: settings, texts, the clock and the messenger."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import Chat
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.clock import Clock
from organizer.config import Settings
from organizer.i18n import Catalogue
from organizer.messenger import Messenger
from organizer.services import groups
from organizer.services.groups import GroupInfo


@dataclass(frozen=True)
class HandlerDeps:
    settings: Settings
    catalogue: Catalogue
    clock: Clock
    messenger: Messenger

    def is_org_admin(self, user_id: int) -> bool:
        return user_id in self.settings.org_admin_ids

    async def register_group(self, session: AsyncSession, chat: Chat) -> GroupInfo:
        """The group this update came from, registered (idempotently) with the defaults."""
        return await groups.register(
            session,
            chat_id=chat.id,
            title=chat.title or str(chat.id),
            default_timezone=self.settings.default_timezone,
            default_language=self.settings.default_language,
            now=self.clock.now(),
        )
