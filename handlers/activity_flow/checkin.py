"""Check-in (charter 七(二)): the Check in button on the group announcement while the window is
open, and for in-person activities `/checkin <code>` in private (or /checkin, then the code).

Wrong codes are limited per activity and user (attendance.MAX_CODE_FAILURES within
CODE_FAILURE_WINDOW); the times of wrong tries are kept in the FSM storage under a key of their
own, so a form elsewhere clearing its state does not reset them.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activity_flow.callbacks import CheckInCallback
from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Markup, Texts
from organizer.services import activities, attendance, groups, users
from organizer.services.attendance import CheckInOutcome, CheckInResult, CodeCandidate, Method
from organizer.telegram.chat_info import profile

ATTEMPTS_DESTINY = "checkin_attempts"
MEMBER_STATUSES = {"creator", "administrator", "member"}


class CheckInStates(StatesGroup):
    typing_code = State()


async def outcome_text(
    session: AsyncSession, outcome: CheckInOutcome, texts: Texts, *, alert: bool
) -> str:
    """What the member is told, times in the group's timezone. An alert is plain text, so the
    title must not be HTML-escaped there (Markup keeps the catalogue from doing it)."""
    activity = outcome.activity
    title = Markup(activity.title) if alert else activity.title
    group = await groups.get(session, activity.group_id)
    tz = group.tz if group else None
    if outcome.result == CheckInResult.CLOSED:
        return texts("flow-checkin-closed", title=title)
    assert outcome.checked_in_at is not None
    at = outcome.checked_in_at.astimezone(tz).strftime("%H:%M")
    if outcome.result == CheckInResult.ALREADY:
        return texts("flow-checkin-already", title=title, time=at)
    if outcome.late:
        start = activity.starts_at.astimezone(tz).strftime("%H:%M")
        return texts("flow-checkin-done-late", title=title, time=at, start=start)
    return texts("flow-checkin-done", title=title, time=at)


async def press_check_in(
    query: CallbackQuery,
    callback_data: CheckInCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    activity = await activities.get(session, callback_data.activity_id)
    # Only the announcement's own group: forged data naming another group's activity is refused.
    if activity is None or query.message is None or activity.group_id != query.message.chat.id:
        await query.answer(texts("flow-stale-button"), show_alert=True)
        return
    now = deps.clock.now()
    await users.remember(session, profile(query.from_user), now=now)
    outcome = await attendance.check_in(
        session, activity.id, query.from_user.id, method=Method.BUTTON, now=now
    )
    await query.answer(await outcome_text(session, outcome, texts, alert=True), show_alert=True)


async def checkin_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert message.from_user is not None
    await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    if command.args:
        if await try_code(message, command.args, state, bot, session, deps, texts):
            await state.set_state(None)
        return
    await state.set_state(CheckInStates.typing_code)
    await reply(deps, message, texts("flow-checkin-ask-code"))


async def typed_code(
    message: Message,
    state: FSMContext,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert message.text is not None
    if await try_code(message, message.text, state, bot, session, deps, texts):
        await state.set_state(None)


async def checkin_in_group(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    # Typed in the group, the code would be there for everyone to copy.
    await reply(deps, message, texts("flow-checkin-in-private"))


async def cancel_code(message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts) -> None:
    await state.set_state(None)
    await reply(deps, message, texts("flow-cancelled"))


async def try_code(
    message: Message,
    typed: str,
    state: FSMContext,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> bool:
    """Check the user in by code; True when there is nothing more to type."""
    assert message.from_user is not None
    user_id, now = message.from_user.id, deps.clock.now()
    code = attendance.normalize_code(typed)
    if code is None:  # not a code at all: no guess, so it does not count as one
        await reply(deps, message, texts("flow-checkin-code-format", length=attendance.CODE_LENGTH))
        return False
    candidates = await open_to_member(bot, session, user_id, now)
    if not candidates:
        await reply(deps, message, texts("flow-checkin-nothing-open"))
        return True
    tries = Attempts(state)
    failures = {c.activity.id: await tries.of(c.activity.id, now) for c in candidates}
    allowed = [
        c for c in candidates if attendance.blocked_until(failures[c.activity.id], now) is None
    ]
    if not allowed:
        await reply(deps, message, _too_many(texts, candidates, failures, now))
        return True
    match = next((c for c in allowed if c.activity.checkin_code == code), None)
    if match is not None:
        outcome = await attendance.check_in(
            session, match.activity.id, user_id, method=Method.CODE, now=now
        )
        await reply(deps, message, await outcome_text(session, outcome, texts, alert=False))
        return True
    for candidate in allowed:
        failures[candidate.activity.id] = await tries.add(candidate.activity.id, now)
    left = min(attendance.attempts_left(failures[c.activity.id], now) for c in allowed)
    if left == 0:
        await reply(deps, message, _too_many(texts, allowed, failures, now))
        return True
    await reply(deps, message, texts("flow-checkin-wrong-code", code=code, left=left))
    return False


async def open_to_member(
    bot: Bot, session: AsyncSession, user_id: int, now: datetime
) -> list[CodeCandidate]:
    """In-person activities open for check-in now in groups this user belongs to."""
    return [
        c
        for c in await attendance.open_for_code(session, user_id, now=now)
        if c.known_member or await member_on_telegram(bot, c.activity.group_id, user_id)
    ]


def _too_many(
    texts: Texts,
    candidates: list[CodeCandidate],
    failures: dict[int, list[datetime]],
    now: datetime,
) -> str:
    until = [attendance.blocked_until(failures[c.activity.id], now) for c in candidates]
    soonest = min(moment for moment in until if moment is not None)
    minutes = max(math.ceil((soonest - now).total_seconds() / 60), 1)
    return texts("flow-checkin-too-many", minutes=minutes)


class Attempts:
    """The times of a user's wrong codes per activity, in a storage key of their own."""

    def __init__(self, state: FSMContext) -> None:
        key = replace(state.key, destiny=ATTEMPTS_DESTINY)
        self.context = FSMContext(storage=state.storage, key=key)

    async def of(self, activity_id: int, now: datetime) -> list[datetime]:
        data = await self.context.get_data()
        stamps = [datetime.fromisoformat(s) for s in data.get(str(activity_id), [])]
        return attendance.recent_failures(stamps, now)

    async def add(self, activity_id: int, now: datetime) -> list[datetime]:
        stamps = [*await self.of(activity_id, now), now]
        await self.context.update_data({str(activity_id): [s.isoformat() for s in stamps]})
        return stamps


async def member_on_telegram(bot: Bot, group_id: int, user_id: int) -> bool:
    """Members who joined before the bot are not in the database: ask Telegram."""
    try:
        member = await bot.get_chat_member(group_id, user_id)
    except TelegramAPIError:
        return False
    return member.status in MEMBER_STATUSES or bool(getattr(member, "is_member", False))


def build_router() -> Router:
    router = Router(name="activity_flow.checkin")
    router.callback_query.register(press_check_in, CheckInCallback.filter())
    private = F.chat.type == "private"
    router.message.register(checkin_command, Command("checkin"), private, F.from_user)
    typing = StateFilter(CheckInStates.typing_code)
    router.message.register(cancel_code, typing, Command("cancel"), private)
    typed = F.text & ~F.text.startswith("/")
    router.message.register(typed_code, typing, private, typed, F.from_user)
    router.message.register(checkin_in_group, Command("checkin"), F.chat.type != "private")
    return router
