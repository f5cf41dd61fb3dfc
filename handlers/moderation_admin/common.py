"""Small helpers the admins' moderation tools share: rights, names, private notices, failures."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from aiogram import Bot
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from organizer.i18n import Texts
from organizer.messenger import MessengerError, OutboundText, RecipientUnreachable
from organizer.moderation_port import ModerationFailed
from organizer.services import admins, users
from organizer.telegram.moderator import TelegramModerator

log = logging.getLogger(__name__)

# Bot API descriptions (lower-cased) meaning the bot itself lacks an admin right.
_NO_RIGHT = (
    "not enough rights",
    "have no rights",
    "need administrator rights",
    "chat_admin_required",
    "can't be deleted",
)
_TARGET_ADMIN = ("administrator", "chat owner", "can't restrict self")
_TARGET_GONE = ("user not found", "participant", "user_id_invalid", "not a member")


def sent_as_group(message: Message) -> bool:
    """An anonymous admin writes as the group itself: Telegram does not say who it is, so
    there is no one to check rights for (or to name in the audit)."""
    return message.sender_chat is not None and message.sender_chat.id == message.chat.id


async def is_admin(session: AsyncSession, deps: HandlerDeps, group_id: int, user_id: int) -> bool:
    """Checked in the database on every command and press: rights can change at any time."""
    return await admins.is_group_admin(
        session, group_id, user_id, org_admin_ids=deps.settings.org_admin_ids
    )


def moderator(bot: Bot) -> TelegramModerator:
    return TelegramModerator(bot)


async def name_of(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    if user is None:
        return str(user_id)
    return f"{user.display_name} (@{user.username})" if user.username else user.display_name


def format_duration(texts: Texts, delta: timedelta) -> str:
    """ "1 天 2 小时" / "1 d 2 h": the largest units, minutes dropped once there are days."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [("d", days), ("h", hours)] + ([] if days else [("m", minutes)])
    shown = [texts(f"modcmd-unit-{unit}", n=value) for unit, value in parts if value]
    return " ".join(shown) or texts("modcmd-unit-m", n=1)


def render(texts: Texts, key: str, params: Mapping[str, Any]) -> str:
    """A text whose durations (timedelta) are written out in that language."""
    shown = {
        name: format_duration(texts, value) if isinstance(value, timedelta) else value
        for name, value in params.items()
    }
    return texts(key, **shown)


def with_reason(texts: Texts, text: str, reason: str | None) -> str:
    return f"{text}\n{texts('modcmd-reason', reason=reason)}" if reason else text


def failure_text(texts: Texts, error: ModerationFailed, *, deleting: bool = False) -> str:
    """Say precisely why Telegram refused: which right the bot lacks, or what is wrong."""
    reason = error.reason.lower()
    if any(marker in reason for marker in _NO_RIGHT):
        return texts("modcmd-missing-delete" if deleting else "modcmd-missing-restrict")
    if any(marker in reason for marker in _TARGET_ADMIN):
        return texts("modcmd-target-admin")
    if any(marker in reason for marker in _TARGET_GONE):
        return texts("modcmd-target-gone")
    return texts("modcmd-failed", reason=error.reason)


async def delete_quietly(bot: Bot, chat_id: int, message_id: int) -> None:
    """Remove a command message to keep the group clean; without the right it simply stays."""
    try:
        await moderator(bot).delete_message(chat_id, message_id)
    except ModerationFailed as error:
        log.info("could not remove command message in %s: %s", chat_id, error.reason)


async def private_texts(
    session: AsyncSession, deps: HandlerDeps, user_id: int, fallback_lang: str
) -> Texts | None:
    """The catalogue in the user's language when the bot may write to them privately."""
    user = await users.get(session, user_id)
    if user is None or not user.can_message_privately:
        return None
    return deps.catalogue.for_language(user.language_or(fallback_lang))


async def send_private(session: AsyncSession, deps: HandlerDeps, user_id: int, text: str) -> bool:
    """Deliver privately; False (and remembered) when the user cannot be reached."""
    try:
        await deps.messenger.send_text(OutboundText(user_id, text))
    except RecipientUnreachable:
        await users.mark_private_unreachable(session, user_id, now=deps.clock.now())
        return False
    except MessengerError:
        log.warning("private notice to %s failed", user_id, exc_info=True)
        return False
    return True


async def tell_member(
    session: AsyncSession,
    deps: HandlerDeps,
    *,
    user_id: int,
    group_id: int,
    group_texts: Texts,
    render: Callable[[Texts], str],
) -> None:
    """An answer meant for one member: privately in their language when possible, else in
    the group (such answers reveal nothing about anyone else)."""
    own = await private_texts(session, deps, user_id, group_texts.lang)
    if own is not None and await send_private(session, deps, user_id, render(own)):
        return
    await deps.messenger.send_text(OutboundText(group_id, render(group_texts)))


async def tell_privately_or_group(
    session: AsyncSession,
    deps: HandlerDeps,
    *,
    user_id: int,
    group_id: int,
    group_texts: Texts,
    key: str,
    **params: Any,
) -> None:
    """`tell_member` with one catalogue text."""
    await tell_member(
        session,
        deps,
        user_id=user_id,
        group_id=group_id,
        group_texts=group_texts,
        render=lambda texts: texts(key, **params),
    )
