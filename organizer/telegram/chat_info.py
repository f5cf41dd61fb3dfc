"""Reads from Telegram turned into domain values (admins, the bot's own rights, profiles)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import ChatMemberAdministrator, ChatMemberOwner
from aiogram.types import User as TgUser

from organizer.models import MemberRole, MemberStatus
from organizer.services.admins import REQUIRED_BOT_RIGHTS, AdminEntry
from organizer.services.users import TelegramProfile

# Telegram's placeholder for "an anonymous admin of this group".
ANONYMOUS_ADMIN_BOT_ID = 1087968824


def profile(user: TgUser) -> TelegramProfile:
    return TelegramProfile(
        id=user.id,
        first_name=user.first_name,
        username=user.username,
        last_name=user.last_name,
        language_code=user.language_code,
    )


async def fetch_admins(bot: Bot, chat_id: int) -> list[AdminEntry]:
    members = await bot.get_chat_administrators(chat_id)
    return [
        AdminEntry(profile(member.user), is_owner=isinstance(member, ChatMemberOwner))
        for member in members
        if not member.user.is_bot
    ]


async def bot_rights(bot: Bot, chat_id: int) -> dict[str, bool] | None:
    """The bot's admin rights in the chat, or None when it is not an admin there."""
    member = await bot.get_chat_member(chat_id, bot.id)
    if isinstance(member, ChatMemberOwner):
        return dict.fromkeys(REQUIRED_BOT_RIGHTS, True)
    if not isinstance(member, ChatMemberAdministrator):
        return None
    return {right: bool(getattr(member, right, False)) for right in REQUIRED_BOT_RIGHTS}


def member_state(status: str) -> tuple[MemberStatus, MemberRole]:
    """Map a Telegram ChatMember status onto the stored status and role."""
    return {
        "creator": (MemberStatus.ACTIVE, MemberRole.OWNER),
        "administrator": (MemberStatus.ACTIVE, MemberRole.ADMIN),
        "member": (MemberStatus.ACTIVE, MemberRole.MEMBER),
        "restricted": (MemberStatus.RESTRICTED, MemberRole.MEMBER),
        "left": (MemberStatus.LEFT, MemberRole.MEMBER),
        "kicked": (MemberStatus.BANNED, MemberRole.MEMBER),
    }[status]
