"""Shared set-up for the activity-flow tests: a group, members, a published activity, answers,
check-ins and survey responses, written through the services where one exists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.database import unit_of_work
from organizer.models import (
    Activity,
    ActivityKind,
    Attendance,
    Group,
    RsvpStatus,
    SurveyResponse,
)
from organizer.services import activities, activity_lifecycle, groups, rsvp, users
from organizer.services.activities import ProposalData
from organizer.services.activity_lifecycle import Timing
from organizer.services.users import TelegramProfile

GROUP = -1009001  # the handler harness's group id
ORGANIZER = 800
ANNA, BORIS, CHEN, DANA, EVA = 801, 802, 803, 804, 805
NAMES = {ORGANIZER: "Olga", ANNA: "Anna", BORIS: "Boris", CHEN: "Chen", DANA: "Dana", EVA: "Eva"}
# 19:30 in Asia/Shanghai on Wednesday 4 March 2026, two days after the tests' clock starts.
START = datetime(2026, 3, 4, 11, 30, tzinfo=UTC)
END = START + timedelta(hours=2)


@dataclass(frozen=True)
class Member:
    user_id: int
    started: bool = True  # has started the bot: private messages reach them
    language: str | None = None


async def add_group(session: AsyncSession, now: datetime, **settings: Any) -> None:
    await groups.register(
        session, chat_id=GROUP, title="项目一组", default_timezone="Asia/Shanghai",
        default_language="zh", now=now,
    )  # fmt: skip
    if settings:
        await session.execute(update(Group).where(Group.id == GROUP).values(settings=settings))


async def add_member(session: AsyncSession, member: Member, now: datetime) -> None:
    profile = TelegramProfile(id=member.user_id, first_name=NAMES[member.user_id])
    if member.started:
        await users.mark_started(session, profile, now=now)
    else:
        await users.remember(session, profile, now=now)
    if member.language:
        await users.set_language(session, member.user_id, member.language, now=now)


async def publish(
    session: AsyncSession,
    now: datetime,
    *,
    start: datetime = START,
    end: datetime = END,
    kind: ActivityKind = ActivityKind.SEMINAR,
    location: str | None = "Room 3",
    online_url: str | None = None,
    reminders: tuple[int, ...] = (24 * 60, 60),
    title: str = "Course design review",
) -> int:
    data = ProposalData(
        kind=kind, title=title, description="", starts_at=start, ends_at=end,
        location=location, online_url=online_url, reminder_minutes=reminders,
    )  # fmt: skip
    proposal = await activities.submit(
        session, proposer_id=ORGANIZER, group_id=GROUP, data=data, now=now
    )
    [published] = await activity_lifecycle.approve(
        session, proposal.id, reviewer_id=None, data=data, timezone="Asia/Shanghai",
        timing=Timing(), now=now,
    )  # fmt: skip
    return published.id


async def world(
    session_factory: async_sessionmaker[AsyncSession],
    now: datetime,
    members: list[Member],
    **publish_options: Any,
) -> int:
    """A group with the organizer and `members`, and one published activity; its id."""
    async with unit_of_work(session_factory) as session:
        await add_group(session, now)
        await add_member(session, Member(ORGANIZER), now)
        for member in members:
            await add_member(session, member, now)
        return await publish(session, now, **publish_options)


async def answer(
    session_factory: async_sessionmaker[AsyncSession],
    activity_id: int,
    choices: dict[int, RsvpStatus],
    now: datetime,
) -> None:
    async with unit_of_work(session_factory) as session:
        for user_id, choice in choices.items():
            await rsvp.answer(session, activity_id, user_id, choice, now=now)


async def attend(
    session_factory: async_sessionmaker[AsyncSession],
    activity_id: int,
    user_id: int,
    at: datetime,
    *,
    present: bool = True,
    late: bool = False,
) -> None:
    async with unit_of_work(session_factory) as session:
        session.add(
            Attendance(
                activity_id=activity_id,
                user_id=user_id,
                present=present,
                checked_in_at=at,
                late=late,
                method="button",
                updated_at=at,
            )  # fmt: skip
        )


async def respond(
    session_factory: async_sessionmaker[AsyncSession],
    activity_id: int,
    user_id: int,
    at: datetime,
    **answers: Any,
) -> None:
    complete = all(answers.get(q) is not None for q in ("overall", "content", "organisation"))
    complete = complete and "good" in answers and "improve" in answers
    async with unit_of_work(session_factory) as session:
        session.add(
            SurveyResponse(
                activity_id=activity_id,
                user_id=user_id,
                updated_at=at,
                completed_at=at if complete else None,
                **answers,
            )  # fmt: skip
        )


async def activity_row(
    session_factory: async_sessionmaker[AsyncSession], activity_id: int
) -> Activity:
    async with session_factory() as session:
        row = await session.get(Activity, activity_id)
        assert row is not None
        return row


async def attendance_rows(
    session_factory: async_sessionmaker[AsyncSession], activity_id: int
) -> dict[int, Attendance]:
    async with session_factory() as session:
        rows = await session.scalars(
            select(Attendance).where(Attendance.activity_id == activity_id)
        )
        return {row.user_id: row for row in rows}


async def set_activity(
    session_factory: async_sessionmaker[AsyncSession], activity_id: int, **values: Any
) -> None:
    async with unit_of_work(session_factory) as session:
        await session.execute(update(Activity).where(Activity.id == activity_id).values(**values))
