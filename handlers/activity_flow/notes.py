"""The organizer's notes (minutes, materials) for the summary, before or after it is posted:

- in private: `/notes [text]`, pick the activity, then type the notes if not given already;
- in the group: `/notes <text>` as a reply to the activity's announcement.

Once the summary is out, saving notes posts the summary again with them (that is where the
group reads notes). Only the organizer of the activity and group admins may write them.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activity_flow.attendance import list_keyboard, managed_or_explain
from handlers.activity_flow.callbacks import AttendanceActivityCallback, NotesActivityCallback
from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard
from organizer.models import Activity
from organizer.services import activities, attendance, groups, summaries
from organizer.services.activities import ActivityError, ActivityInfo, info

TEXT_KEY, ACTIVITY_KEY = "flow_notes_text", "flow_notes_activity"


class NotesStates(StatesGroup):
    typing = State()


def _as_notes_buttons(keyboard: Keyboard) -> Keyboard:
    """The /attendance list, each button re-aimed at the notes."""
    rows = []
    for (button,) in keyboard:
        assert button.callback_data is not None
        activity_id = AttendanceActivityCallback.unpack(button.callback_data).activity_id
        data = NotesActivityCallback(activity_id=activity_id).pack()
        rows.append((Button(button.text, data),))
    return tuple(rows)


async def notes_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    items = await managed_or_explain(message, session, deps, texts)
    if not items:
        return
    await _forget(state)
    await state.update_data({TEXT_KEY: (command.args or "").strip()})
    keyboard = _as_notes_buttons(await list_keyboard(session, items, texts))
    await reply(deps, message, texts("flow-notes-choose"), keyboard=keyboard)


async def pick_activity(
    query: CallbackQuery,
    callback_data: NotesActivityCallback,
    state: FSMContext,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert query.message is not None
    activity = await _managed(session, deps, callback_data.activity_id, query.from_user.id)
    if activity is None:
        await query.answer(texts("flow-attendance-not-allowed"), show_alert=True)
        return
    await query.answer()
    given = str((await state.get_data()).get(TEXT_KEY) or "")
    if given:
        await _save(session, deps, activity, given, query.message.chat.id, texts)
        await _forget(state)
        return
    await state.set_state(NotesStates.typing)
    await state.update_data({ACTIVITY_KEY: activity.id})
    await send(deps, query.message.chat.id, texts("flow-notes-ask", title=activity.title))


async def typed_notes(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None and message.text is not None
    activity_id = int((await state.get_data()).get(ACTIVITY_KEY) or 0)
    activity = await _managed(session, deps, activity_id, message.from_user.id)
    await _forget(state)
    if activity is None:
        await reply(deps, message, texts("flow-attendance-not-allowed"))
        return
    await _save(session, deps, activity, message.text, message.chat.id, texts)


async def notes_in_group(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    replied = message.reply_to_message
    activity = await _announced(session, message.chat.id, replied.message_id if replied else None)
    if activity is None or not command.args:
        await reply(deps, message, texts("flow-notes-group-usage"))
        return
    if await _managed(session, deps, activity.id, message.from_user.id) is None:
        await reply(deps, message, texts("flow-attendance-not-allowed"))
        return
    await _save(session, deps, activity, command.args, message.chat.id, texts)


async def cancel_typing(
    message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts
) -> None:
    await _forget(state)
    await reply(deps, message, texts("flow-cancelled"))


async def _managed(
    session: AsyncSession, deps: HandlerDeps, activity_id: int, user_id: int
) -> ActivityInfo | None:
    activity = await activities.get(session, activity_id)
    if activity is None or not await attendance.can_manage(
        session, activity, user_id, org_admin_ids=deps.settings.org_admin_ids
    ):
        return None
    return activity


async def _announced(
    session: AsyncSession, group_id: int, message_id: int | None
) -> ActivityInfo | None:
    if message_id is None:
        return None
    row = await session.scalar(
        select(Activity).where(
            Activity.group_id == group_id, Activity.announcement_message_id == message_id
        )
    )
    return info(row) if row else None


async def _save(
    session: AsyncSession,
    deps: HandlerDeps,
    activity: ActivityInfo,
    text: str,
    chat_id: int,
    texts: Texts,
) -> None:
    try:
        saved = await summaries.set_notes(session, activity.id, text, now=deps.clock.now())
    except ActivityError as error:
        await send(deps, chat_id, texts(error.code, **error.params))
        return
    if saved.summary_posted_at is None:
        await send(deps, chat_id, texts("flow-notes-saved", title=saved.title))
        return
    group = await groups.get(session, saved.group_id)
    assert group is not None
    report = await summaries.build(session, saved, group)
    await send(deps, group.id, summaries.summary_text(report, deps.catalogue, group.language))
    if chat_id != group.id:
        await send(deps, chat_id, texts("flow-notes-saved-posted", title=saved.title))


async def _forget(state: FSMContext) -> None:
    """Clear what the notes flow keeps, leaving any other data in the chat's state alone."""
    data: dict[str, Any] = await state.get_data()
    if await state.get_state() == NotesStates.typing.state:
        await state.set_state(None)
    await state.set_data({k: v for k, v in data.items() if k not in (TEXT_KEY, ACTIVITY_KEY)})


def build_router() -> Router:
    router = Router(name="activity_flow.notes")
    private = F.chat.type == "private"
    router.message.register(notes_command, Command("notes"), private, F.from_user)
    router.message.register(notes_in_group, Command("notes"), ~private, F.from_user)
    router.callback_query.register(pick_activity, NotesActivityCallback.filter())
    typing = StateFilter(NotesStates.typing)
    router.message.register(cancel_typing, typing, Command("cancel"), private)
    typed = F.text & ~F.text.startswith("/")
    router.message.register(typed_notes, typing, private, typed, F.from_user)
    return router
