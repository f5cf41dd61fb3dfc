"""Check-in and attendance (charter 七(二)): a member's own check-in (the announcement's button,
or the code the organizer reads out in the room), the organizer's corrections, and who may make
them.

Attendance is what the survey, the summary and the assessment use. A row with present=True is
an attendee; an organizer's "absent" keeps the row (and the original check-in time) with
present=False, so a second correction can restore it.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.models import (
    Activity,
    ActivityStatus,
    Attendance,
    Membership,
    MemberStatus,
    Rsvp,
    RsvpStatus,
    User,
)
from organizer.services import admins, groups
from organizer.services.activities import ActivityError, ActivityInfo, get, info
from organizer.services.activity_lifecycle import Timing
from organizer.services.announcements import checkin_is_open

# Wrong check-in codes: this many within the window block further tries until the oldest of
# them leaves the window. A 4-digit code then takes days of guessing, not seconds.
MAX_CODE_FAILURES = 5
CODE_FAILURE_WINDOW = timedelta(minutes=15)
CODE_LENGTH = 4
RECENT_DAYS = 30


class Method(enum.StrEnum):
    BUTTON = "button"
    CODE = "code"
    ADMIN = "admin"


class CheckInResult(enum.StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    CLOSED = "closed"


@dataclass(frozen=True)
class CheckInOutcome:
    result: CheckInResult
    activity: ActivityInfo
    checked_in_at: datetime | None
    late: bool


@dataclass(frozen=True)
class RosterEntry:
    user_id: int
    name: str
    rsvp: RsvpStatus | None
    present: bool
    late: bool
    method: str | None


async def timing_for(session: AsyncSession, group_id: int) -> Timing:
    group = await groups.get(session, group_id)
    return Timing.from_settings(group.settings if group else {})


async def _row(session: AsyncSession, activity_id: int, user_id: int) -> Attendance | None:
    return await session.scalar(
        select(Attendance)
        .where(Attendance.activity_id == activity_id, Attendance.user_id == user_id)
        .execution_options(populate_existing=True)
    )


async def check_in(
    session: AsyncSession, activity_id: int, user_id: int, *, method: Method, now: datetime
) -> CheckInOutcome:
    """The member checks in themselves; once only, and only while check-in is open.

    The user must already be stored (users.remember): attendances point at users.
    """
    activity = await get(session, activity_id)
    if activity is None:
        raise ActivityError("activity-not-found")
    row = await _row(session, activity_id, user_id)
    if row is not None and row.present and row.checked_in_at is not None:
        return CheckInOutcome(CheckInResult.ALREADY, activity, row.checked_in_at, row.late)
    timing = await timing_for(session, activity.group_id)
    if not checkin_is_open(activity, timing, now):
        return CheckInOutcome(CheckInResult.CLOSED, activity, None, False)
    late = now > activity.starts_at + timedelta(minutes=timing.late_minutes)
    values = {
        "present": True,
        "checked_in_at": now,
        "late": late,
        "method": method.value,
        "marked_by": None,
        "updated_at": now,
    }
    if row is None:
        # Two quick presses arrive as two concurrent updates: the unique index keeps one row.
        keys = {"activity_id": activity_id, "user_id": user_id}
        await insert_if_absent(session, Attendance, {**keys, **values}, key=list(keys))
        row = await _row(session, activity_id, user_id)
        assert row is not None
    else:  # marked absent by the organizer, and now here after all
        for name, value in values.items():
            setattr(row, name, value)
    await session.flush()
    return CheckInOutcome(CheckInResult.CHECKED_IN, activity, row.checked_in_at, row.late)


# --- check-in by code --------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeCandidate:
    """An in-person activity open for check-in now; `known_member`: the database already shows
    the user in its group (membership or an RSVP), otherwise the caller must ask Telegram."""

    activity: ActivityInfo
    known_member: bool


def normalize_code(text: str) -> str | None:
    """The digits of a typed code ("０４２７" and " 0427 " too), or None if it is not one."""
    code = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    return code if len(code) == CODE_LENGTH and code.isascii() and code.isdigit() else None


async def open_for_code(
    session: AsyncSession, user_id: int, *, now: datetime
) -> list[CodeCandidate]:
    # Windows are per group but never span days, so this bounds the rows to look at.
    rows = await session.scalars(
        select(Activity).where(
            Activity.status == ActivityStatus.PUBLISHED,
            Activity.starts_at > now - timedelta(days=1),
            Activity.starts_at < now + timedelta(days=1),
            Activity.checkin_code.is_not(None),
        )
    )
    candidates = []
    for row in rows:
        activity = info(row)
        timing = await timing_for(session, activity.group_id)
        if activity.in_person and checkin_is_open(activity, timing, now):
            known = await _known_member(session, activity, user_id)
            candidates.append(CodeCandidate(activity, known))
    return candidates


async def _known_member(session: AsyncSession, activity: ActivityInfo, user_id: int) -> bool:
    member = await session.scalar(
        select(Membership.id).where(
            Membership.group_id == activity.group_id,
            Membership.user_id == user_id,
            Membership.status.in_([MemberStatus.ACTIVE, MemberStatus.RESTRICTED]),
        )
    )
    answered = await session.scalar(
        select(Rsvp.id).where(Rsvp.activity_id == activity.id, Rsvp.user_id == user_id)
    )
    return member is not None or answered is not None


def recent_failures(stamps: Iterable[datetime], now: datetime) -> list[datetime]:
    return sorted(stamp for stamp in stamps if now - stamp < CODE_FAILURE_WINDOW)


def blocked_until(stamps: Sequence[datetime], now: datetime) -> datetime | None:
    """When a user with these wrong-code times may try again, or None if they may now."""
    recent = recent_failures(stamps, now)
    if len(recent) < MAX_CODE_FAILURES:
        return None
    return recent[-MAX_CODE_FAILURES] + CODE_FAILURE_WINDOW


def attempts_left(stamps: Sequence[datetime], now: datetime) -> int:
    return max(MAX_CODE_FAILURES - len(recent_failures(stamps, now)), 0)


# --- the organizer's view and corrections ------------------------------------------------------


async def can_manage(
    session: AsyncSession, activity: ActivityInfo, user_id: int, *, org_admin_ids: Iterable[int]
) -> bool:
    """The activity's organizer, the group's admins and organisation admins."""
    if activity.proposer_id == user_id:
        return True
    return await admins.is_group_admin(
        session, activity.group_id, user_id, org_admin_ids=org_admin_ids
    )


async def managed_recent(
    session: AsyncSession,
    user_id: int,
    *,
    org_admin_ids: Iterable[int],
    now: datetime,
    limit: int = 10,
) -> list[ActivityInfo]:
    """Published or completed activities of the last and next 30 days this user may manage,
    most recent start first."""
    query = select(Activity).where(
        Activity.status.in_([ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED]),
        Activity.starts_at > now - timedelta(days=RECENT_DAYS),
        Activity.starts_at < now + timedelta(days=RECENT_DAYS),
    )
    if user_id not in set(org_admin_ids):
        group_ids = await admins.administered_group_ids(session, user_id)
        query = query.where(or_(Activity.proposer_id == user_id, Activity.group_id.in_(group_ids)))
    rows = await session.scalars(query.order_by(Activity.starts_at.desc()).limit(limit))
    return [info(row) for row in rows]


async def roster(session: AsyncSession, activity_id: int) -> list[RosterEntry]:
    """Everyone who answered the RSVP or has an attendance row, in answer order."""
    answers = {
        row.user_id: row
        for row in await session.scalars(
            select(Rsvp).where(Rsvp.activity_id == activity_id).order_by(Rsvp.answered_at, Rsvp.id)
        )
    }
    marks = {
        row.user_id: row
        for row in await session.scalars(
            select(Attendance)
            .where(Attendance.activity_id == activity_id)
            .order_by(Attendance.checked_in_at, Attendance.id)
        )
    }
    user_ids = list(answers) + [user_id for user_id in marks if user_id not in answers]
    names = await display_names(session, user_ids)
    entries = []
    for user_id in user_ids:
        answer, mark = answers.get(user_id), marks.get(user_id)
        entries.append(
            RosterEntry(
                user_id=user_id,
                name=names.get(user_id, str(user_id)),
                rsvp=RsvpStatus(answer.status) if answer else None,
                present=bool(mark and mark.present),
                late=bool(mark and mark.present and mark.late),
                method=mark.method if mark else None,
            )
        )
    return entries


async def display_names(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = await session.scalars(select(User).where(User.id.in_(list(user_ids))))
    return {
        user.id: " ".join(p for p in (user.first_name, user.last_name) if p) or str(user.id)
        for user in rows
    }


async def mark(
    session: AsyncSession,
    activity_id: int,
    user_id: int,
    *,
    present: bool,
    marked_by: int,
    now: datetime,
) -> RosterEntry:
    """The organizer's correction. Only members on the roster can be marked, so forged button
    data cannot add strangers to an activity."""
    entry = next((e for e in await roster(session, activity_id) if e.user_id == user_id), None)
    activity = await get(session, activity_id)
    if entry is None or activity is None:
        raise ActivityError("flow-attendance-not-on-roster")
    row = await _row(session, activity_id, user_id)
    if row is None:
        row = Attendance(activity_id=activity_id, user_id=user_id, late=False)
        session.add(row)
    row.present = present
    if present and row.checked_in_at is None:
        # Marked present without a check-in: counted as on time, at the start.
        row.checked_in_at = activity.starts_at
    row.method, row.marked_by, row.updated_at = Method.ADMIN.value, marked_by, now
    await session.flush()
    late = present and row.late
    return RosterEntry(user_id, entry.name, entry.rsvp, present, late, row.method)


async def going_members(session: AsyncSession, activity_id: int) -> list[int]:
    rows = await session.scalars(
        select(Rsvp.user_id)
        .where(Rsvp.activity_id == activity_id, Rsvp.status == RsvpStatus.GOING)
        .order_by(Rsvp.answered_at, Rsvp.id)
    )
    return list(rows)
