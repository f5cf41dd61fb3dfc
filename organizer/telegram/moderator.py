"""`ChatModerator` over aiogram: restrict, lift and kick (ban + unban)."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import ChatPermissions

from organizer.moderation_port import ModerationFailed

_SEND_RIGHTS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
)


class TelegramModerator:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def restrict(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        permissions = ChatPermissions(**dict.fromkeys(_SEND_RIGHTS, False))
        try:
            await self.bot.restrict_chat_member(
                chat_id, user_id, permissions=permissions, until_date=until
            )
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise ModerationFailed(chat_id, user_id, error.message) from error

    async def unrestrict(self, chat_id: int, user_id: int) -> None:
        # Telegram lifts a restriction only when every permission is passed as True; the
        # group's own defaults still limit what members may do. Granting only the sending
        # rights would leave them "restricted", and the sweep would not count them as active.
        permissions = ChatPermissions(**dict.fromkeys(ChatPermissions.model_fields, True))
        try:
            await self.bot.restrict_chat_member(chat_id, user_id, permissions=permissions)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise ModerationFailed(chat_id, user_id, error.message) from error

    async def kick(self, chat_id: int, user_id: int) -> None:
        try:
            # A short ban that is lifted at once: removed, but free to come back.
            await self.bot.ban_chat_member(chat_id, user_id, until_date=timedelta(seconds=60))
            await self.bot.unban_chat_member(chat_id, user_id, only_if_banned=True)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise ModerationFailed(chat_id, user_id, error.message) from error

    async def ban(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        try:
            await self.bot.ban_chat_member(chat_id, user_id, until_date=until)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise ModerationFailed(chat_id, user_id, error.message) from error

    async def unban(self, chat_id: int, user_id: int) -> None:
        try:
            await self.bot.unban_chat_member(chat_id, user_id, only_if_banned=True)
        except (TelegramBadRequest, TelegramForbiddenError) as error:
            raise ModerationFailed(chat_id, user_id, error.message) from error

    async def delete_message(self, chat_id: int, message_id: int) -> bool:
        try:
            return await self.bot.delete_message(chat_id, message_id)
        except TelegramBadRequest as error:
            if "not found" in error.message.lower():
                return False
            raise ModerationFailed(chat_id, 0, error.message) from error
        except TelegramForbiddenError as error:
            raise ModerationFailed(chat_id, 0, error.message) from error
