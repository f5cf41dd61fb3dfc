"""/attendance in private (the organizer of an activity, the group's admins): pick one of my
recent activities, then mark each member who answered or checked in present or absent; the
summary, chart and exports of a finished activity on request. Rights are re-checked on every
press: the buttons carry ids only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activity_flow.callbacks import (
    AttendanceActivityCallback,
    AttendanceMarkCallback,
    ExportsCallback,
)
from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, Priority
from organizer.services import activities, attendance, groups, summaries, users
from organizer.services.activities import ActivityError, ActivityInfo
from organizer.services.announcements import when_text
from organizer.telegram.chat_info import profile

MAX_ROSTER_BUTTONS = 90  # Telegram allows 100 buttons; two rows are ours
BACK = 0


async def list_keyboard(session: AsyncSession, items: list[ActivityInfo], texts: Texts) -> Keyboard:
    rows = []
    for item in items:
        group = await groups.get(session, item.group_id)
        start = item.starts_at.astimezone(group.tz if group else None)
        # Button labels are plain text: the title goes in as it is, not through the
        # (HTML-escaping) catalogue.
        label = f"{start:%m-%d %H:%M} · {item.title}"
        rows.append((Button(label, AttendanceActivityCallback(activity_id=item.id).pack()),))
    return tuple(rows)


async def managed_or_explain(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> list[ActivityInfo]:
    """The recent activities the sender may manage; an explanation when there are none."""
    assert message.from_user is not None
    now = deps.clock.now()
    await users.mark_started(session, profile(message.from_user), now=now)
    items = await attendance.managed_recent(
        session, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids, now=now
    )
    if not items:
        await reply(deps, message, texts("flow-attendance-none"))
    return items


async def attendance_command(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    items = await managed_or_explain(message, session, deps, texts)
    if not items:
        return
    keyboard = await list_keyboard(session, items, texts)
    await reply(deps, message, texts("flow-attendance-choose"), keyboard=keyboard)


async def managed_activity(
    query: CallbackQuery, session: AsyncSession, deps: HandlerDeps, texts: Texts, activity_id: int
) -> ActivityInfo | None:
    """The activity if this presser may manage it now; otherwise they are told, and None."""
    activity = await activities.get(session, activity_id)
    if activity is None:
        await query.answer(texts("flow-stale-button"), show_alert=True)
        return None
    if not await attendance.can_manage(
        session, activity, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await query.answer(texts("flow-attendance-not-allowed"), show_alert=True)
        return None
    return activity


async def roster_view(
    session: AsyncSession, activity: ActivityInfo, texts: Texts, now: datetime
) -> tuple[str, Keyboard]:
    group = await groups.get(session, activity.group_id)
    assert group is not None
    entries = await attendance.roster(session, activity.id)
    when = when_text(activity, replace(group, language=texts.lang))
    lines = [
        texts(
            "flow-attendance-header",
            title=activity.title,
            when=when,
            present=sum(e.present for e in entries),
            total=len(entries),
            late=sum(e.late for e in entries),
        )
    ]
    if activity.in_person and activity.checkin_code:
        lines.append(texts("flow-attendance-code", code=activity.checkin_code))
    if not entries:
        lines.append(texts("flow-attendance-empty"))
    else:
        lines.append(texts("flow-attendance-hint"))
    if len(entries) > MAX_ROSTER_BUTTONS:
        lines.append(texts("flow-attendance-more", count=len(entries) - MAX_ROSTER_BUTTONS))
    rows: list[tuple[Button, ...]] = []
    for entry in entries[:MAX_ROSTER_BUTTONS]:
        label = f"{'✅' if entry.present else '⬜'} {entry.name}"
        if entry.late:
            label += f" {texts('flow-attendance-late-mark')}"
        data = AttendanceMarkCallback(
            activity_id=activity.id, user_id=entry.user_id, present=0 if entry.present else 1
        )
        rows.append((Button(label, data.pack()),))
    if now >= activity.ends_at:
        rows.append((Button(texts("flow-attendance-exports"), _exports(activity.id)),))
    rows.append((Button(texts("flow-attendance-back"), _back()),))
    return "\n".join(lines), tuple(rows)


def _exports(activity_id: int) -> str:
    return ExportsCallback(activity_id=activity_id).pack()


def _back() -> str:
    return AttendanceActivityCallback(activity_id=BACK).pack()


async def open_roster(
    query: CallbackQuery,
    callback_data: AttendanceActivityCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert query.message is not None
    chat_id, message_id, now = query.message.chat.id, query.message.message_id, deps.clock.now()
    if callback_data.activity_id == BACK:
        items = await attendance.managed_recent(
            session, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids, now=now
        )
        text = texts("flow-attendance-choose" if items else "flow-attendance-none")
        keyboard = await list_keyboard(session, items, texts)
        await deps.messenger.edit_text(chat_id, message_id, text, keyboard=keyboard or None)
        await query.answer()
        return
    activity = await managed_activity(query, session, deps, texts, callback_data.activity_id)
    if activity is None:
        return
    text, keyboard = await roster_view(session, activity, texts, now)
    await deps.messenger.edit_text(chat_id, message_id, text, keyboard=keyboard)
    await query.answer()


async def set_mark(
    query: CallbackQuery,
    callback_data: AttendanceMarkCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert query.message is not None
    activity = await managed_activity(query, session, deps, texts, callback_data.activity_id)
    if activity is None:
        return
    if callback_data.present not in (0, 1):
        await query.answer(texts("flow-stale-button"), show_alert=True)
        return
    now = deps.clock.now()
    try:
        await attendance.mark(
            session, activity.id, callback_data.user_id, present=bool(callback_data.present),
            marked_by=query.from_user.id, now=now,
        )  # fmt: skip
    except ActivityError as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    text, keyboard = await roster_view(session, activity, texts, now)
    await deps.messenger.edit_text(
        query.message.chat.id, query.message.message_id, text, keyboard=keyboard
    )
    key = (
        "flow-attendance-saved-present" if callback_data.present else "flow-attendance-saved-absent"
    )
    await query.answer(texts(key))


async def send_exports(
    query: CallbackQuery,
    callback_data: ExportsCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    activity = await managed_activity(query, session, deps, texts, callback_data.activity_id)
    if activity is None:
        return
    if deps.clock.now() < activity.ends_at:
        await query.answer(texts("flow-attendance-exports-not-yet"), show_alert=True)
        return
    group = await groups.get(session, activity.group_id)
    assert group is not None
    await query.answer(texts("flow-attendance-exports-coming"))
    report = await summaries.build(session, activity, group)
    files = summaries.organizer_files(report, deps.catalogue, language=texts.lang)
    await summaries.send_files(
        deps.messenger, query.from_user.id, files, priority=Priority.INTERACTIVE
    )


async def attendance_in_group(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    await reply(deps, message, texts("flow-attendance-in-private"))


def build_router() -> Router:
    router = Router(name="activity_flow.attendance")
    private = F.chat.type == "private"
    router.message.register(attendance_command, Command("attendance"), private, F.from_user)
    router.message.register(attendance_in_group, Command("attendance"), ~private)
    router.callback_query.register(open_roster, AttendanceActivityCallback.filter())
    router.callback_query.register(set_mark, AttendanceMarkCallback.filter())
    router.callback_query.register(send_exports, ExportsCallback.filter())
    return router
