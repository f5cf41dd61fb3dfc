"""The applicant's side: a join request arrives, the bot asks who they are and who vouches.

Answers are stored on the request as they come; the typed ones (department, a @username) are
awaited with a conversation state in the applicant's private chat.
"""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ChatJoinRequest, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.joining.callbacks import AskCallback, ask
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, OutboundText, RecipientUnreachable
from organizer.models import MemberType
from organizer.services import approvers, groups, joining, users
from organizer.services.joining import JoinError, JoinRequestInfo
from organizer.telegram.chat_info import profile

log = logging.getLogger(__name__)
TYPES = (MemberType.EMPLOYEE, MemberType.PARTNER, MemberType.STUDENT)
TEXT_MAX = 200


class JoinStates(StatesGroup):
    department = State()
    voucher = State()


async def _texts(session: AsyncSession, deps: HandlerDeps, user_id: int, group_id: int) -> Texts:
    user = await users.get(session, user_id)
    group = await groups.get(session, group_id)
    fallback = group.language if group else deps.catalogue.default
    return deps.catalogue.for_language(user.language_or(fallback) if user else fallback)


async def _send(deps: HandlerDeps, chat_id: int, text: str, kb: Keyboard | None = None) -> bool:
    try:
        await deps.messenger.send_text(OutboundText(chat_id, text, keyboard=kb))
    except RecipientUnreachable:
        return False
    return True


async def on_join_request(
    event: ChatJoinRequest, bot: Bot, session: AsyncSession, deps: HandlerDeps
) -> None:
    now = deps.clock.now()
    group = await deps.register_group(session, event.chat)
    link = event.invite_link.invite_link if event.invite_link else None
    opened = await joining.open_request(
        session, group.id, profile(event.from_user), invite_link=link, now=now
    )
    texts = await _texts(session, deps, event.from_user.id, group.id)
    if opened.auto_approved:
        try:
            await bot.approve_chat_join_request(group.id, event.from_user.id)
        except TelegramAPIError:
            log.warning("could not approve returning member %s in %s", event.from_user.id, group.id)
        await _send(deps, event.user_chat_id, texts("join-welcome-back", group=group.title))
        return
    request = opened.request
    if request.next_step() != "type":
        return  # the same request again: the questions are already under way
    buttons = tuple(
        (Button(texts(f"join-type-{kind.value}"), ask("type", request.id, kind.value)),)
        for kind in TYPES
    )
    sent = await _send(deps, event.user_chat_id, texts("join-ask-type", group=group.title), buttons)
    if not sent:
        log.info("applicant %s cannot be written to; admins get the request later", request.user_id)


async def _ask_next(
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    request: JoinRequestInfo,
    state: FSMContext,
) -> None:
    step = request.next_step()
    chat_id = request.user_id
    if step == "department":
        await state.set_state(JoinStates.department)
        await state.set_data({"request_id": request.id})
        await _send(deps, chat_id, texts("join-ask-department"))
        return
    await state.clear()
    if step == "voucher":
        rows: list[tuple[Button, ...]] = []
        for approver in await approvers.list_for(session, request.group_id, request.member_type):
            if approver.present:
                label = f"{approver.name} ({approver.label})" if approver.label else approver.name
                rows.append((Button(label, ask("voucher", request.id, approver.user_id)),))
        rows.append((Button(texts("join-button-someone-else"), ask("other", request.id)),))
        await _send(deps, chat_id, texts("join-ask-voucher"), tuple(rows))
        return
    if step == "confirm":
        group = await groups.get(session, request.group_id)
        summary = texts(
            "join-confirm",
            group=group.title if group else "",
            type=texts(f"join-type-{request.member_type}"),
            department=request.department or "-",
            voucher=request.voucher_label or "-",
        )
        keyboard = (
            (
                Button(texts("join-button-confirm"), ask("confirm", request.id)),
                Button(texts("join-button-restart"), ask("restart", request.id)),
            ),
        )
        await _send(deps, chat_id, summary, keyboard)


async def on_ask_press(
    query: CallbackQuery,
    callback_data: AskCallback,
    state: FSMContext,
    session: AsyncSession,
    deps: HandlerDeps,
) -> None:
    now = deps.clock.now()
    request = await joining.get(session, callback_data.request_id)
    if request is None or request.user_id != query.from_user.id:
        await query.answer(deps.catalogue.text(deps.catalogue.default, "join-error-not-yours"),
                           show_alert=True)  # fmt: skip
        return
    texts = await _texts(session, deps, query.from_user.id, request.group_id)
    try:
        answered = await _apply_press(session, deps, texts, request, callback_data, state)
    except JoinError as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    await query.answer()
    if answered is None:
        return
    if callback_data.action == "confirm":
        await route(session, deps, answered, texts, now=now)
        return
    await _ask_next(session, deps, texts, answered, state)


async def _apply_press(
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    request: JoinRequestInfo,
    data: AskCallback,
    state: FSMContext,
) -> JoinRequestInfo | None:
    """Store what the press says; None when the press was fully answered here."""
    now, user_id = deps.clock.now(), request.user_id
    if data.action in ("type", "restart"):
        value = data.value if data.action == "type" else ""
        if data.action == "type" and value not in {kind.value for kind in TYPES}:
            raise JoinError("join-error-stale")
        if not value:
            await state.clear()
            await joining.answer(session, request.id, user_id, now=now, reset=True)
            buttons = tuple(
                (Button(texts(f"join-type-{t.value}"), ask("type", request.id, t.value)),)
                for t in TYPES
            )
            group = await groups.get(session, request.group_id)
            await _send(deps, user_id, texts("join-ask-type", group=group.title if group else ""),
                        buttons)  # fmt: skip
            return None
        return await joining.answer(
            session, request.id, user_id, now=now, member_type=MemberType(value)
        )
    if data.action == "voucher":
        if not data.value.isdigit() or not await approvers.is_approver(
            session, request.group_id, request.member_type, int(data.value)
        ):
            raise JoinError("join-error-stale")
        voucher = await users.get(session, int(data.value))
        label = voucher.display_name if voucher else data.value
        return await joining.answer(
            session, request.id, user_id, now=now, voucher_id=int(data.value), voucher_text=label
        )
    if data.action == "other":
        await state.set_state(JoinStates.voucher)
        await state.set_data({"request_id": request.id})
        await _send(deps, user_id, texts("join-ask-voucher-username"))
        return None
    if data.action == "confirm":
        return await joining.answer(session, request.id, user_id, now=now, confirm=True)
    raise JoinError("join-error-stale")


async def on_typed(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps
) -> None:
    assert message.from_user is not None
    saved = await state.get_data()
    request = await joining.get(session, int(saved.get("request_id", 0)))
    if request is None:
        await state.clear()
        return
    texts = await _texts(session, deps, message.from_user.id, request.group_id)
    value = (message.text or "").strip()
    if not value or len(value) > TEXT_MAX:
        await _send(deps, message.chat.id, texts("join-error-text-length", max=str(TEXT_MAX)))
        return
    now = deps.clock.now()
    try:
        if await state.get_state() == JoinStates.department.state:
            request = await joining.answer(
                session, request.id, request.user_id, now=now, department=value
            )
        else:
            request = await _typed_voucher(session, deps, texts, request, value)
    except JoinError as error:
        await state.clear()
        await _send(deps, message.chat.id, texts(error.code, **error.params))
        return
    if request is not None:
        await _ask_next(session, deps, texts, request, state)


async def _typed_voucher(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, request: JoinRequestInfo, value: str
) -> JoinRequestInfo | None:
    if not value.startswith("@") or len(value) < 2 or " " in value:
        await _send(deps, request.user_id, texts("join-error-username-format"))
        return None
    voucher_id = None
    try:
        known = await approvers.find_by_username(session, value)
        if await approvers.is_present(session, request.group_id, known.id):
            voucher_id = known.id
    except approvers.ApproverError:
        pass  # not seen by the bot: the admins decide, with the name the applicant typed
    return await joining.answer(
        session, request.id, request.user_id, now=deps.clock.now(), voucher_id=voucher_id,
        voucher_text=value,
    )  # fmt: skip


async def route(
    session: AsyncSession,
    deps: HandlerDeps,
    request: JoinRequestInfo,
    texts: Texts,
    *,
    now: datetime,
) -> None:
    routing = await approvers.route_card(session, deps.messenger, deps.catalogue, request, now=now)
    await joining.set_routed(session, request.id, routing.routed_to, now=now)
    if routing.routed_to is not None:
        name = request.voucher_label or ""
        await _send(deps, request.user_id, texts("join-sent-to-approver", name=name))
    else:
        await _send(deps, request.user_id, texts("join-sent-to-admins"))
