"""The Undo button of an admin-log card: take back a violation and lift what it caused.

False positives are the top complaint about moderation bots, so every automatic action and
every /warn carries this button. A press re-checks the presser's rights in the violation's
group; a second press is told who undid it.
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.callbacks import UndoViolation
from handlers.moderation_admin.common import (
    failure_text,
    is_admin,
    moderator,
    name_of,
    private_texts,
    send_private,
)
from organizer.i18n import Texts
from organizer.messenger import MessengerError
from organizer.moderation_port import ModerationFailed
from organizer.services import audit, groups, violations
from organizer.services.groups import GroupInfo
from organizer.services.violations import UndoOutcome


async def _lift(bot: Bot, outcome: UndoOutcome) -> None:
    if outcome.lift == "unmute":
        await moderator(bot).unrestrict(outcome.group_id, outcome.user_id)
    elif outcome.lift == "unban":
        await moderator(bot).unban(outcome.group_id, outcome.user_id)


async def _mark_card(deps: HandlerDeps, query: CallbackQuery, line: str) -> None:
    """Append the outcome to the pressed card and drop its button."""
    card = query.message
    with contextlib.suppress(MessengerError):
        if isinstance(card, Message):
            text = f"{card.html_text}\n\n{line}"
            await deps.messenger.edit_text(card.chat.id, card.message_id, text, keyboard=None)
        elif card is not None:  # too old to read back: at least the button goes
            await deps.messenger.edit_keyboard(card.chat.id, card.message_id, None)


async def on_undo(
    query: CallbackQuery, callback_data: UndoViolation, bot: Bot, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    found = await violations.get(session, callback_data.violation_id)
    presser = query.from_user.id
    if found is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    if not await is_admin(session, deps, found.group_id, presser):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    now = deps.clock.now()
    group = await groups.get(session, found.group_id)
    # The card speaks the group's language (as it was posted); alerts the presser's chat's.
    card_texts = deps.catalogue.for_language(group.language) if group else texts
    outcome = await violations.undo(session, found.id, by_user_id=presser, now=now)
    if outcome.already_undone_by is not None:
        earlier = await name_of(session, outcome.already_undone_by)
        await _mark_card(deps, query, card_texts("modcmd-undone", admin=earlier))
        await query.answer(texts("modcmd-undone", admin=earlier), show_alert=True)
        return
    try:
        await _lift(bot, outcome)
    except ModerationFailed as error:
        # Keep the violation in force: an undo that cannot lift the mute would lie.
        await session.rollback()
        await query.answer(failure_text(texts, error), show_alert=True)
        return
    await audit.log(
        session, group_id=found.group_id, actor_id=presser, action="undo",
        target_user_id=found.user_id, violation_id=found.id,
        details={"lifted": outcome.lift, "rule": found.rule}, now=now,
    )  # fmt: skip
    if group is not None:
        await _tell_member(session, deps, group, found.user_id, outcome.lift)
    line = card_texts("modcmd-undone", admin=await name_of(session, presser))
    await _mark_card(deps, query, line)
    await query.answer(texts("modcmd-undo-done"))


async def _tell_member(
    session: AsyncSession, deps: HandlerDeps, group: GroupInfo, user_id: int, lift: str | None
) -> None:
    """The member learns the record was withdrawn (and the mute or ban lifted)."""
    own = await private_texts(session, deps, user_id, group.language)
    if own is not None:
        key = f"modcmd-notice-undo-{lift}" if lift else "modcmd-notice-undo"
        await send_private(session, deps, user_id, own(key, group=group.title))


def build_router() -> Router:
    router = Router(name="moderation_admin.undo")
    router.callback_query.register(on_undo, UndoViolation.filter(), F.from_user)
    return router
