"""The approval card's buttons: Approve, Reject (with a reason), Ask for changes (with a note).

Every press re-checks in the database that the presser administers the proposal's group and
that the proposal is still waiting; the decision itself runs under the activity's row lock, so
two admins deciding at once are served in turn and the second is told who decided what.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.propose import approval
from handlers.propose.callbacks import ReviewCallback
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.models import ActivityStatus
from organizer.services import activities, activity_lifecycle, admins, groups, users
from organizer.services.activities import ActivityError, ActivityInfo
from organizer.services.groups import GroupInfo
from organizer.timeparse import format_local

NOTE_MAX = 1000  # the lifecycle keeps the first 1000 characters of a review note
DECISIONS = ("approve", "reject", "changes")


class ReviewStates(StatesGroup):
    note = State()  # an admin typing a reason (reject) or a note (changes) in private


async def _may_decide(
    session: AsyncSession, deps: HandlerDeps, activity_id: int, user_id: int, texts: Texts
) -> tuple[ActivityInfo, GroupInfo] | str:
    """The activity and its group if `user_id` may decide it now, else the polite refusal."""
    activity = await activities.get(session, activity_id)
    group = await groups.get(session, activity.group_id) if activity else None
    if activity is None or group is None:
        return texts("activity-not-found")
    if not await admins.is_group_admin(
        session, group.id, user_id, org_admin_ids=deps.settings.org_admin_ids
    ):
        return texts("error-admins-only")
    try:
        state = await activities.lock_for_review(session, activity_id)
    except ActivityError as error:
        return texts(error.code, **error.params)
    if state.status == ActivityStatus.PENDING_APPROVAL:
        return activity, group
    outcome = texts(f"propose-status-{state.status.value}")
    reviewer = await users.get(session, state.reviewed_by) if state.reviewed_by else None
    if reviewer is None or state.reviewed_at is None:
        return texts("activity-already-reviewed", status=outcome)
    when = format_local(state.reviewed_at, group.timezone, texts.lang)
    return texts(
        "activity-already-reviewed-by", name=reviewer.display_name, when=when, outcome=outcome
    )


async def on_review_press(
    query: CallbackQuery,
    callback_data: ReviewCallback,
    bot: Bot,
    fsm_storage: BaseStorage,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    known = callback_data.decision in DECISIONS and 0 < callback_data.activity_id < 2**63
    if not known or query.message is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    found = await _may_decide(session, deps, callback_data.activity_id, query.from_user.id, texts)
    if isinstance(found, str):
        await query.answer(found, show_alert=True)
        return
    activity, group = found
    card = (query.message.chat.id, query.message.message_id)
    if callback_data.decision == "approve":
        await _approve(query, session, deps, texts, activity, group, card)
        return
    admin = await users.get(session, query.from_user.id)
    if admin is None or not admin.can_message_privately:
        await query.answer(texts("review-need-private"), show_alert=True)
        return
    # The reason is typed in the admin's private chat, whichever chat the card is in.
    key = StorageKey(bot_id=bot.id, chat_id=admin.id, user_id=admin.id)
    note_state = FSMContext(storage=fsm_storage, key=key)
    await note_state.set_state(ReviewStates.note)
    await note_state.set_data(
        {"activity_id": activity.id, "decision": callback_data.decision, "card": list(card)}
    )
    private_texts = deps.catalogue.for_language(admin.language_or(group.language))
    ask = "review-ask-reason" if callback_data.decision == "reject" else "review-ask-note"
    await send(deps, admin.id, private_texts(ask, title=activity.title))
    await query.answer(texts("review-note-asked"))


async def _approve(
    query: CallbackQuery,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    activity: ActivityInfo,
    group: GroupInfo,
    card: tuple[int, int],
) -> None:
    now = deps.clock.now()
    published = await approval.publish(
        session, deps, activity.id, group, reviewer_id=query.from_user.id, now=now
    )
    name = await _name(session, query.from_user.id)
    line = texts("review-card-approved", name=name, note="")
    await _close_card(session, deps, texts, activity.id, group, card, line)
    await query.answer(texts("review-done-approved"))
    await approval.tell_published(session, deps, published, group, now)


async def _name(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    return user.display_name if user else str(user_id)


async def _close_card(
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    activity_id: int,
    group: GroupInfo,
    card: tuple[int, int],
    outcome_line: str,
) -> None:
    """The card as it is now, without its buttons, ending with who decided what."""
    current = await activities.get(session, activity_id)
    assert current is not None
    text = await approval.card_text(session, deps, current, group, texts)
    await deps.messenger.edit_text(card[0], card[1], f"{text}\n\n{outcome_line}", keyboard=None)


async def on_note(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None and message.text is not None
    saved = await state.get_data()
    note = message.text.strip()
    if not note or len(note) > NOTE_MAX:
        await reply(deps, message, texts("review-note-length", length=len(note), max=NOTE_MAX))
        return
    found = await _may_decide(session, deps, int(saved["activity_id"]), message.from_user.id, texts)
    await state.clear()
    if isinstance(found, str):
        await reply(deps, message, found)
        return
    activity, group = found
    now, reviewer = deps.clock.now(), message.from_user.id
    if saved["decision"] == "reject":
        decided = await activity_lifecycle.reject(
            session, activity.id, reviewer_id=reviewer, reason=note, now=now
        )
        outcome, key, revise = "rejected", "propose-outcome-rejected", False
    else:
        decided = await activity_lifecycle.request_changes(
            session, activity.id, reviewer_id=reviewer, note=note, now=now
        )
        outcome, key, revise = "changes", "propose-outcome-changes", True
    card_chat, card_message = saved["card"]
    # A card in the group speaks the group's language; a private one, the admin's.
    in_private = card_chat == message.chat.id
    card_texts = texts if in_private else deps.catalogue.for_language(group.language)
    name = await _name(session, reviewer)
    line = card_texts(f"review-card-{outcome}", name=name, note=note)
    await _close_card(
        session, deps, card_texts, activity.id, group, (card_chat, card_message), line
    )
    await reply(deps, message, texts(f"review-done-{outcome}"))
    await approval.tell_proposer(
        session, deps, decided, group, key, now=now, revise=revise, note=decided.review_note or ""
    )


async def on_note_cancel(
    message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts
) -> None:
    await state.clear()
    await reply(deps, message, texts("review-note-cancelled"))
