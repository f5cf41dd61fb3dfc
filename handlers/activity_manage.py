"""/manage in private: organizers and admins change an activity's time, place or capacity, or
cancel it. Everyone who answered is told; those going confirm again after a time change."""

from __future__ import annotations

from collections.abc import Awaitable

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activity_notices import announce_change
from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer import callbacks
from organizer.i18n import Texts
from organizer.messenger import Button, keyboard
from organizer.services import activities, activity_changes, admins, groups
from organizer.services.activities import ActivityError, ActivityInfo
from organizer.services.activity_changes import ChangeOutcome
from organizer.services.activity_lifecycle import Timing
from organizer.services.groups import GroupInfo
from organizer.timeparse import ParseError, parse_datetime

ACTIONS = ("time", "place", "capacity", "cancel", "confirm_cancel")


class ManageCallback(CallbackData, prefix="v1mg"):
    activity_id: int
    action: str  # "menu" or one of ACTIONS


class ReconfirmCallback(CallbackData, prefix=callbacks.RECONFIRM_PREFIX):
    activity_id: int
    keep: int


class ManageStates(StatesGroup):
    time = State()
    place = State()
    capacity = State()


async def may_manage(
    session: AsyncSession, deps: HandlerDeps, item: ActivityInfo, user_id: int
) -> bool:
    return item.proposer_id == user_id or await admins.is_group_admin(
        session, item.group_id, user_id, org_admin_ids=deps.settings.org_admin_ids
    )


async def list_manageable(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    user_id, now = message.from_user.id, deps.clock.now()
    group_ids = set(await admins.administered_group_ids(session, user_id))
    rows = []
    for group in await groups.list_active(session):
        for item in await activities.upcoming(session, group.id, now=now, limit=20):
            if item.proposer_id == user_id or group.id in group_ids or deps.is_org_admin(user_id):
                label = f"{item.title} · {item.starts_at.astimezone(group.tz):%m-%d %H:%M}"
                rows.append(
                    [Button(label, ManageCallback(activity_id=item.id, action="menu").pack())]
                )
    if not rows:
        await reply(deps, message, texts("manage-none"))
        return
    await reply(deps, message, texts("manage-choose"), keyboard=keyboard(*rows))


async def on_manage_press(
    query: CallbackQuery, callback_data: ManageCallback, state: FSMContext,
    session: AsyncSession, deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    item = await activities.get(session, callback_data.activity_id)
    if item is None or callback_data.action not in (*ACTIONS, "menu"):
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    if not await may_manage(session, deps, item, query.from_user.id):
        await query.answer(texts("manage-not-allowed"), show_alert=True)
        return
    await query.answer()
    action, chat_id = callback_data.action, query.from_user.id
    if action == "menu":
        await send(
            deps, chat_id, texts("manage-menu", title=item.title), keyboard=_menu(item.id, texts)
        )
    elif action == "cancel":
        confirm = ManageCallback(activity_id=item.id, action="confirm_cancel").pack()
        await send(deps, chat_id, texts("manage-cancel-confirm", title=item.title),
                   keyboard=keyboard([Button(texts("manage-cancel-yes"), confirm)]))  # fmt: skip
    elif action == "confirm_cancel":
        await _apply(session, deps, texts, chat_id, "cancelled",
                     activity_changes.cancel(session, item.id, now=deps.clock.now()))  # fmt: skip
    else:
        await state.set_state(getattr(ManageStates, action))
        await state.update_data(activity_id=item.id)
        await send(deps, chat_id, texts(f"manage-ask-{action}"))


def _menu(activity_id: int, texts: Texts) -> tuple[tuple[Button, ...], ...]:
    def button(action: str) -> Button:
        return Button(
            texts(f"manage-action-{action}"),
            ManageCallback(activity_id=activity_id, action=action).pack(),
        )

    return keyboard([button("time"), button("place")], [button("capacity"), button("cancel")])


async def _apply(
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    chat_id: int,
    what: str,
    change: Awaitable[ChangeOutcome],
) -> bool:
    try:
        outcome = await change
    except ActivityError as error:
        await send(deps, chat_id, texts(error.code, **error.params))
        return False
    await announce_change(session, deps, outcome, what)
    await send(deps, chat_id, texts("manage-done", title=outcome.activity.title))
    return True


async def _target(
    state: FSMContext, session: AsyncSession, deps: HandlerDeps, message: Message, texts: Texts
) -> tuple[ActivityInfo, GroupInfo] | None:
    data = await state.get_data()
    item = await activities.get(session, int(data.get("activity_id", 0)))
    assert message.from_user is not None
    if item is None or not await may_manage(session, deps, item, message.from_user.id):
        await state.clear()
        await reply(deps, message, texts("manage-not-allowed"))
        return None
    group = await groups.get(session, item.group_id)
    assert group is not None
    return item, group


async def typed_time(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    target = await _target(state, session, deps, message, texts)
    if target is None:
        return
    item, group = target
    try:
        start = parse_datetime(message.text or "", now=deps.clock.now(), tz=group.timezone)
    except ParseError as error:
        await reply(deps, message, texts(error.code, **error.params))
        return
    change = activity_changes.change_time(
        session, item.id, starts_at=start, ends_at=start + (item.ends_at - item.starts_at),
        timing=Timing.from_settings(group.settings), now=deps.clock.now(),
    )  # fmt: skip
    if await _apply(session, deps, texts, message.chat.id, "time", change):
        await state.clear()


async def typed_place(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    target = await _target(state, session, deps, message, texts)
    if target is None:
        return
    text = (message.text or "").strip()
    is_link = text.startswith(("http://", "https://")) and " " not in text
    change = activity_changes.change_place(
        session, target[0].id, location=None if is_link else text[:300] or None,
        online_url=text[:500] if is_link else None, now=deps.clock.now(),
    )  # fmt: skip
    if await _apply(session, deps, texts, message.chat.id, "place", change):
        await state.clear()


async def typed_capacity(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    target = await _target(state, session, deps, message, texts)
    if target is None:
        return
    text = (message.text or "").strip().lower()
    unlimited = text in {"0", "不限", "无", "none", "unlimited"}
    if not unlimited and not (text.isdigit() and 0 < int(text) <= 10_000):
        await reply(deps, message, texts("manage-capacity-invalid", value=text[:20]))
        return
    change = activity_changes.change_capacity(
        session, target[0].id, capacity=None if unlimited else int(text), now=deps.clock.now()
    )
    if await _apply(session, deps, texts, message.chat.id, "capacity", change):
        await state.clear()


async def cancel_typing(
    message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts
) -> None:
    await state.clear()
    await reply(deps, message, texts("manage-input-cancelled"))


async def on_reconfirm(
    query: CallbackQuery, callback_data: ReconfirmCallback, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    try:
        outcome = await activity_changes.reconfirm(
            session, callback_data.activity_id, query.from_user.id,
            keep=bool(callback_data.keep), now=deps.clock.now(),
        )  # fmt: skip
    except ActivityError as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    await query.answer(texts(f"reconfirm-{outcome.status.value}"))


def build_router() -> Router:
    router = Router(name="activity_manage")
    private = F.chat.type == "private"
    router.message.register(list_manageable, Command("manage"), private, F.from_user)
    router.callback_query.register(on_manage_press, ManageCallback.filter())
    router.callback_query.register(on_reconfirm, ReconfirmCallback.filter())
    router.message.register(cancel_typing, StateFilter(ManageStates), Command("cancel"), private)
    router.message.register(typed_time, StateFilter(ManageStates.time), F.text, private)
    router.message.register(typed_place, StateFilter(ManageStates.place), F.text, private)
    router.message.register(typed_capacity, StateFilter(ManageStates.capacity), F.text, private)
    return router
