"""The admin log: where every moderation card goes, automatic or by an admin (charter 五).

`post_to_admin_log` is shared with the automatic moderation pipeline (handlers/moderation/):
a card goes to the group's log chat (or the organisation's); without one, privately to each
of the group's admins who started the bot. Delivery problems are logged, never raised: a
moderation action must not fail because its card could not be posted.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.callbacks import UndoViolation
from organizer.i18n import Texts
from organizer.messenger import (
    Button,
    Keyboard,
    MessengerError,
    OutboundText,
    RecipientUnreachable,
    keyboard,
)
from organizer.services import admin_log, feedback, users

log = logging.getLogger(__name__)

__all__ = ["UndoViolation", "post_to_admin_log", "undo_keyboard"]


def undo_keyboard(texts: Texts, violation_id: int) -> Keyboard:
    data = UndoViolation(violation_id=violation_id).pack()
    return keyboard([Button(texts("modcmd-undo-button"), data)])


async def _send(
    session: AsyncSession, deps: HandlerDeps, chat_id: int, text: str, buttons: Keyboard | None
) -> tuple[int, int] | None:
    try:
        sent = await deps.messenger.send_text(OutboundText(chat_id, text, keyboard=buttons))
    except RecipientUnreachable as error:
        log.warning("admin-log card to %s not delivered: %s", chat_id, error)
        if chat_id > 0:  # a person who blocked the bot: later cards skip them
            await users.mark_private_unreachable(session, chat_id, now=deps.clock.now())
        return None
    except MessengerError as error:
        log.warning("admin-log card to %s not delivered: %s", chat_id, error)
        return None
    return sent.chat_id, sent.message_id


async def _to_admins_privately(
    session: AsyncSession, deps: HandlerDeps, group_id: int, text: str, buttons: Keyboard | None
) -> list[tuple[int, int]]:
    cards = []
    # The group's admins, or the organisation's when the bot knows no admin of the group.
    for admin_id in await feedback.recipients(session, group_id, deps.settings.org_admin_ids):
        admin = await users.get(session, admin_id)
        if admin is None or not admin.can_message_privately:
            continue
        card = await _send(session, deps, admin_id, text, buttons)
        if card is not None:
            cards.append(card)
    return cards


async def post_to_admin_log(
    session: AsyncSession,
    deps: HandlerDeps,
    group_id: int,
    text: str,
    keyboard: Keyboard | None,
) -> list[tuple[int, int]]:
    """Post a card (HTML `text`) about `group_id`; returns (chat_id, message_id) of every card."""
    chat_id = await admin_log.destination(session, group_id)
    if chat_id is not None:
        card = await _send(session, deps, chat_id, text, keyboard)
        if card is not None:
            return [card]
        # The log chat is gone (bot removed?): the admins still need to see the card.
    return await _to_admins_privately(session, deps, group_id, text, keyboard)
