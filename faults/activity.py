"""Activities in a stack group for the fault scripts: members made through the emulator (each
pressed /start privately, so the bot may write to them), an activity published through the
services in the stack's database (the approval flow is the same service call), its
announcement posted through the Bot API, and the copies of a reminder counted per chat."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from sqlalchemy import select

from emulator.__main__ import DEMO_TOKEN
from faults.common import Db, Emu, FaultStack, poll
from faults.notices import Copies, wait_registered
from organizer.clock import SystemClock
from organizer.models import Activity, ActivityKind, RsvpStatus
from organizer.models.scheduled_action import ActionStatus, ScheduledAction
from organizer.services import (
    activities,
    activity_lifecycle,
    announcements,
    groups,
    rsvp,
    scheduled_actions,
    users,
)
from organizer.services.activities import ProposalData
from organizer.services.activity_lifecycle import REMINDER, Timing
from organizer.services.users import TelegramProfile
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter
from stack.user import EmulatorUser


@dataclass(frozen=True)
class ActivityGroup:
    chat_id: int
    activity_id: int
    title: str  # unique per run: counting copies by it never sees an earlier run's messages
    members: list[int]


async def started_members(emu: Emu, prefix: str, count: int) -> list[int]:
    """`count` users who pressed /start with the bot (all at once, as a crowd would)."""
    people = [await EmulatorUser.create(emu.http, emu.url, f"{prefix}{i}") for i in range(count)]
    await asyncio.gather(*(person.ask("/start", within=60) for person in people))
    return [person.user_id for person in people]


async def publish(db: Db, owner_id: int, chat_id: int, title: str, capacity: int | None) -> int:
    """A published activity starting in 61 minutes (so a 60-minute reminder is nearly due),
    with no reminder of its own: the scenarios schedule theirs when the answers are in."""
    now = SystemClock().now()
    start = now + timedelta(minutes=61)
    data = ProposalData(
        kind=ActivityKind.SEMINAR, title=title, description="", starts_at=start,
        ends_at=start + timedelta(hours=1), location="Room 3", capacity=capacity,
        reminder_minutes=(),
    )  # fmt: skip
    async with db.sessions() as session, session.begin():
        # The proposer has to be a known user; the owner may not have talked to the bot yet.
        await users.remember(session, TelegramProfile(id=owner_id, first_name="Alice"), now=now)
        proposal = await activities.submit(
            session, proposer_id=owner_id, group_id=chat_id, data=data, now=now
        )
        [published] = await activity_lifecycle.approve(
            session, proposal.id, reviewer_id=None, data=data, timezone="Asia/Shanghai",
            timing=Timing(), now=now,
        )  # fmt: skip
    return published.id


async def activity_group(
    stack: FaultStack,
    emu: Emu,
    db: Db,
    label: str,
    members: int,
    *,
    capacity: int | None = None,
    others: tuple[int, ...] = (),
) -> ActivityGroup:
    """A registered group of `members` started members (and `others`, in the group from the
    start, so no join flow touches them) and one published activity in it."""
    title = f"{label} {secrets.token_hex(3)}"
    member_ids = await started_members(emu, f"{label[:8]}-", members)
    # The group's own title differs: the bot's welcome there must not count as a reminder.
    group_title = f"{label} group {secrets.token_hex(3)}"
    chat_id = await emu.group(group_title, stack.owner_id, [*member_ids, *others])
    await wait_registered(db, [chat_id])
    async with db.sessions() as session, session.begin():
        # Moderation starts once an admin finished /setup; a live group has done so.
        await groups.complete_setup(session, chat_id, now=SystemClock().now())
    activity_id = await publish(db, stack.owner_id, chat_id, title, capacity)
    return ActivityGroup(chat_id, activity_id, title, member_ids)


async def answer_all(db: Db, activity_id: int, user_ids: list[int], choice: RsvpStatus) -> None:
    async with db.sessions() as session, session.begin():
        for user_id in user_ids:
            await rsvp.answer(session, activity_id, user_id, choice, now=SystemClock().now())


async def schedule_reminder(db: Db, activity_id: int) -> str:
    """The activity's 60-minute reminder, due now, under the key publication would give it;
    returns that key."""
    now = SystemClock().now()
    async with db.sessions() as session, session.begin():
        activity = await session.get(Activity, activity_id)
        assert activity is not None
        key = f"{activity_lifecycle.dedupe_prefix(activity_id)}s{activity.sequence}:reminder:60"
        payload = {"activity_id": activity_id, "sequence": activity.sequence, "minutes": 60}
        await scheduled_actions.schedule(
            session, kind=REMINDER, due_at=now, payload=payload, group_id=activity.group_id,
            dedupe_key=key, now=now,
        )  # fmt: skip
    return key


async def wait_action_final(db: Db, dedupe_key: str, within: float) -> str:
    """Until the action is done, failed or cancelled; its status."""
    final = {ActionStatus.DONE, ActionStatus.FAILED, ActionStatus.CANCELLED}
    status = ""

    async def finished() -> bool:
        nonlocal status
        async with db.sessions() as session:
            query = select(ScheduledAction.status).where(ScheduledAction.dedupe_key == dedupe_key)
            status = str(await session.scalar(query))
        return status in final

    await poll(finished, within, f"action {dedupe_key} is not finished")
    return status


async def reminder_copies(emu: Emu, group: ActivityGroup) -> Copies:
    """Copies of the reminder in every member's private chat and in the group (no
    announcement was posted there, so every group message with the title is a reminder)."""
    counts = await emu.copies([*group.members, group.chat_id], group.title)
    return Copies.of(counts)


@asynccontextmanager
async def bot_messenger(emu: Emu) -> AsyncIterator[TelegramMessenger]:
    """The bot's own messenger against the emulator, for what a handler would have posted."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(emu.url))
    bot = Bot(DEMO_TOKEN, session=session)
    try:
        yield TelegramMessenger(bot, InMemoryRateLimiter())
    finally:
        await bot.session.close()


async def post_announcement(emu: Emu, db: Db, activity_id: int) -> int:
    """The announcement with its Going / Maybe / Can't go buttons, as approval posts it."""
    async with bot_messenger(emu) as messenger, db.sessions() as session, session.begin():
        return await announcements.post(session, messenger, activity_id, now=SystemClock().now())


def button_label(message: dict[str, Any], prefix: str) -> str | None:
    """The label of the message's button starting with `prefix` (counts change the rest)."""
    for row in message.get("reply_markup") or []:
        for button in row:
            if str(button.get("text", "")).startswith(prefix):
                return str(button["text"])
    return None
