"""Groups that require a join request: someone who walked in by a plain link is shown out.

Only the chat_member report is trusted for this: it says whether the join came through a
request (via_join_request) or which link was used; the service message cannot tell a join by
an approved request from a join by a plain link.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import ChatMemberUpdated
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from organizer.i18n import Markup
from organizer.messenger import MessengerError
from organizer.moderation_port import ModerationFailed
from organizer.services import groups, notify, users, welcome
from organizer.telegram.chat_info import profile
from organizer.telegram.moderator import TelegramModerator

log = logging.getLogger(__name__)


async def turned_away(
    event: ChatMemberUpdated, bot: Bot, session: AsyncSession, deps: HandlerDeps, via: str
) -> bool:
    """True when the member was removed because the group requires a join request."""
    user, chat = event.new_chat_member.user, event.chat
    if via not in ("link", "unknown") or user.is_bot:
        return False
    group = await groups.get(session, chat.id)
    if group is None or not welcome.requires_request(group.settings):
        return False
    now = deps.clock.now()
    await users.remember(session, profile(user), now=now)
    if await welcome.approved_by_request(session, chat.id, user.id):
        return False  # the approval is on record; Telegram just did not say so
    try:
        await TelegramModerator(bot).kick(chat.id, user.id)
    except ModerationFailed as error:
        log.warning("cannot remove %s who joined without a request: %s", user.id, error)
        return False
    welcome_id = await welcome.record_turned_away(session, chat.id, user.id, via=via, now=now)
    if welcome_id:
        try:
            await deps.messenger.delete(chat.id, welcome_id)
        except MessengerError as error:
            log.info("cannot delete welcome %s: %s", welcome_id, error)
    texts = deps.catalogue.for_language(group.language)
    await notify.private_or_mention(
        session, deps.messenger, user_id=user.id, group_id=chat.id, now=now,
        text=texts("welcome-request-required", title=group.title),
        group_text=texts(
            "welcome-request-required-group",
            mention=Markup(notify.mention(user.id, user.full_name)),
        ),
    )  # fmt: skip
    return True
