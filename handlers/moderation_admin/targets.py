"""Who an admin command is about: the author of the replied message, or an @username / user id
given as the first argument (for members who have left, or whose message is gone)."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.moderation_admin.common import name_of
from organizer.clock import Clock
from organizer.services import lost_accounts, users
from organizer.telegram.chat_info import profile


@dataclass(frozen=True)
class Target:
    user_id: int
    name: str
    message: Message | None  # the replied message, when the command was a reply


@dataclass(frozen=True)
class Refusal:
    key: str
    who: str = ""


def replied(message: Message) -> Message | None:
    """The message the command replies to. In a forum topic every message "replies" to the
    topic's first service message: that is not a reply the admin made."""
    reply = message.reply_to_message
    if reply is None or reply.forum_topic_created is not None:
        return None
    return reply


def _looks_like_user(arg: str) -> bool:
    return arg.startswith("@") or arg.lstrip("-").isdigit()


async def find_target(
    session: AsyncSession, clock: Clock, message: Message, args: list[str]
) -> tuple[Target | Refusal, list[str]]:
    """The target and the remaining arguments, or why there is none."""
    reply = replied(message)
    if reply is not None:
        return await _from_reply(session, clock, reply), args
    if not args or not _looks_like_user(args[0]):
        return Refusal("modcmd-no-target"), args
    user_id = await lost_accounts.resolve_account(session, args[0])
    if user_id is None or user_id <= 0:
        return Refusal("modcmd-target-unknown", who=args[0][:64]), args[1:]
    return Target(user_id, await name_of(session, user_id), None), args[1:]


async def _from_reply(session: AsyncSession, clock: Clock, reply: Message) -> Target | Refusal:
    # Sent as a channel or as the group (anonymous admin): there is no member to act on.
    if reply.sender_chat is not None or reply.from_user is None:
        return Refusal("modcmd-target-not-member")
    if reply.from_user.is_bot:
        return Refusal("modcmd-target-bot")
    user = await users.remember(session, profile(reply.from_user), now=clock.now())
    name = f"{user.display_name} (@{user.username})" if user.username else user.display_name
    return Target(user.id, name, reply)
