"""The approval card's buttons: Approve, or Decline with a reason typed privately (/cancel).

Every press re-checks in the database that the presser is the routed approver, an approver of
the group for the applicant's type, a group admin or an organisation admin, and that the
request is still pending (else: who decided what, and when).
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.joining.callbacks import DecideCallback
from handlers.replies import send
from organizer.i18n import Texts
from organizer.services import approvers, groups, joining, users
from organizer.services.joining import JoinError, JoinRequestInfo
from organizer.timeparse import format_local

log = logging.getLogger(__name__)
REASON_MAX = 1000


class DeclineStates(StatesGroup):
    reason = State()


async def _refusal(
    session: AsyncSession, deps: HandlerDeps, request_id: int, user_id: int, texts: Texts
) -> JoinRequestInfo | str:
    """The request, locked, if `user_id` may decide it now; else the polite refusal."""
    request = await joining.get(session, request_id)
    if request is None:
        return texts("join-error-not-found")
    if not await joining.may_decide(
        session, request, user_id, org_admin_ids=deps.settings.org_admin_ids
    ):
        return texts("join-error-not-approver")
    locked = await joining.lock(session, request_id)
    assert locked is not None
    if locked.is_pending:
        return locked
    return await already_decided(session, texts, locked)


async def already_decided(session: AsyncSession, texts: Texts, request: JoinRequestInfo) -> str:
    group = await groups.get(session, request.group_id)
    outcome = texts(f"join-status-{request.status.value}")
    decider = await users.get(session, request.decided_by) if request.decided_by else None
    when = (
        format_local(request.decided_at, group.timezone if group else "UTC", texts.lang)
        if request.decided_at
        else "-"
    )
    name = decider.display_name if decider else texts("join-decider-system")
    return texts("join-already-decided", name=name, when=when, outcome=outcome)


async def on_decide_press(
    query: CallbackQuery,
    callback_data: DecideCallback,
    bot: Bot,
    fsm_storage: BaseStorage,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    valid = callback_data.decision in ("approve", "decline") and callback_data.request_id > 0
    if not valid or query.message is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    found = await _refusal(session, deps, callback_data.request_id, query.from_user.id, texts)
    if isinstance(found, str):
        await query.answer(found, show_alert=True)
        return
    card = (query.message.chat.id, query.message.message_id)
    if callback_data.decision == "approve":
        await _finish(session, deps, bot, found, query.from_user.id, None, card, texts)
        await query.answer(texts("join-done-approved"))
        return
    presser = await users.get(session, query.from_user.id)
    if presser is None or not presser.can_message_privately:
        await query.answer(texts("join-need-private"), show_alert=True)
        return
    key = StorageKey(bot_id=bot.id, chat_id=presser.id, user_id=presser.id)
    reason_state = FSMContext(storage=fsm_storage, key=key)
    await reason_state.set_state(DeclineStates.reason)
    await reason_state.set_data({"request_id": found.id, "card": list(card)})
    applicant = await users.get(session, found.user_id)
    name = applicant.display_name if applicant else str(found.user_id)
    await send(deps, presser.id, texts("join-ask-reason", name=name))
    await query.answer(texts("join-reason-asked"))


async def _finish(
    session: AsyncSession,
    deps: HandlerDeps,
    bot: Bot,
    request: JoinRequestInfo,
    by: int,
    reason: str | None,
    card: tuple[int, int] | None,
    texts: Texts,
) -> JoinRequestInfo:
    now, approve = deps.clock.now(), reason is None
    try:
        if approve:
            await bot.approve_chat_join_request(request.group_id, request.user_id)
        else:
            await bot.decline_chat_join_request(request.group_id, request.user_id)
    except TelegramAPIError as error:  # withdrawn, or handled in Telegram already
        log.warning("join request %s: Telegram refused: %s", request.id, error)
    decided = await joining.decide(session, request.id, approve=approve, by=by, reason=reason,
                                   now=now)  # fmt: skip
    if card is not None:
        decider = await users.get(session, by)
        line = texts(
            "join-card-decided",
            name=decider.display_name if decider else str(by),
            outcome=texts(f"join-status-{decided.status.value}"),
            reason=reason or "-",
        )
        await deps.messenger.edit_text(card[0], card[1], line, keyboard=None)
    key = "join-outcome-approved" if approve else "join-outcome-declined"
    await approvers.tell_applicant(
        session, deps.messenger, deps.catalogue, decided, key, now=now, reason=reason or "-"
    )
    return decided


async def on_reason(
    message: Message, state: FSMContext, bot: Bot, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    reason = (message.text or "").strip()
    if reason.startswith("/cancel"):
        await state.clear()
        await send(deps, message.chat.id, texts("join-decline-cancelled"))
        return
    if not reason or len(reason) > REASON_MAX:
        await send(deps, message.chat.id, texts("join-error-text-length", max=str(REASON_MAX)))
        return
    saved = await state.get_data()
    await state.clear()
    found = await _refusal(session, deps, int(saved["request_id"]), message.from_user.id, texts)
    if isinstance(found, str):
        await send(deps, message.chat.id, found)
        return
    card = saved.get("card")
    where = (int(card[0]), int(card[1])) if card else None
    try:
        await _finish(session, deps, bot, found, message.from_user.id, reason, where, texts)
    except JoinError as error:
        await send(deps, message.chat.id, texts(error.code, **error.params))
        return
    await send(deps, message.chat.id, texts("join-done-declined"))
