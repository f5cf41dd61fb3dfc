"""Activities from proposal to publication (charter 七(一)): submit, review, query."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    MemberRole,
    Membership,
    MemberStatus,
)

DEFAULT_REMINDER_MINUTES = (24 * 60, 60)
MAX_OCCURRENCES = 26  # half a year of weekly sessions per series


class ActivityError(Exception):
    """A request that the activity's state does not allow; `code` is a catalogue key."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class AgendaEntry:
    time: str | None  # "19:30" in the group's timezone
    topic: str
    speaker: str | None = None


@dataclass(frozen=True)
class Recurrence:
    interval_weeks: int
    until: datetime  # last possible start, aware


@dataclass(frozen=True)
class ProposalData:
    kind: ActivityKind
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    location: str | None = None
    online_url: str | None = None
    capacity: int | None = None
    rsvp_deadline: datetime | None = None
    coordinator: str | None = None
    agenda: tuple[AgendaEntry, ...] = ()
    recurrence: Recurrence | None = None
    reminder_minutes: tuple[int, ...] = DEFAULT_REMINDER_MINUTES


@dataclass(frozen=True)
class ActivityInfo:
    id: int
    group_id: int
    proposer_id: int
    series_id: int | None
    kind: ActivityKind
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    location: str | None
    online_url: str | None
    capacity: int | None
    rsvp_deadline: datetime | None
    coordinator: str | None
    agenda: tuple[AgendaEntry, ...]
    reminder_minutes: tuple[int, ...]
    status: ActivityStatus
    review_note: str | None
    announcement_message_id: int | None
    sequence: int
    checkin_code: str | None
    organizer_notes: str | None
    survey_closes_at: datetime | None
    summary_posted_at: datetime | None

    @property
    def in_person(self) -> bool:
        return bool(self.location) and not self.online_url

    def rsvp_open(self, now: datetime) -> bool:
        deadline = self.rsvp_deadline or self.starts_at
        return self.status == ActivityStatus.PUBLISHED and now < deadline


def info(activity: Activity) -> ActivityInfo:
    return ActivityInfo(
        id=activity.id,
        group_id=activity.group_id,
        proposer_id=activity.proposer_id,
        series_id=activity.series_id,
        kind=ActivityKind(activity.kind),
        title=activity.title,
        description=activity.description,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        location=activity.location,
        online_url=activity.online_url,
        capacity=activity.capacity,
        rsvp_deadline=activity.rsvp_deadline,
        coordinator=activity.coordinator,
        agenda=tuple(AgendaEntry(**item) for item in activity.agenda or []),
        reminder_minutes=tuple(activity.reminder_minutes or ()),
        status=ActivityStatus(activity.status),
        review_note=activity.review_note,
        announcement_message_id=activity.announcement_message_id,
        sequence=activity.sequence,
        checkin_code=activity.checkin_code,
        organizer_notes=activity.organizer_notes,
        survey_closes_at=activity.survey_closes_at,
        summary_posted_at=activity.summary_posted_at,
    )


def _row(proposer_id: int, group_id: int, data: ProposalData, now: datetime) -> Activity:
    return Activity(
        group_id=group_id,
        proposer_id=proposer_id,
        kind=data.kind.value,
        title=data.title,
        description=data.description,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        location=data.location,
        online_url=data.online_url,
        capacity=data.capacity,
        rsvp_deadline=data.rsvp_deadline,
        coordinator=data.coordinator,
        agenda=[vars(item) for item in data.agenda],
        reminder_minutes=list(data.reminder_minutes),
        recurrence=(
            {
                "interval_weeks": data.recurrence.interval_weeks,
                "until": data.recurrence.until.isoformat(),
            }
            if data.recurrence
            else None
        ),
        status=ActivityStatus.PENDING_APPROVAL,
        sequence=0,
        rsvp_version=0,
        created_at=now,
        updated_at=now,
    )


def occurrence_starts(data: ProposalData, timezone: str) -> list[datetime]:
    """The start of every occurrence. Weeks are added to the group's local wall-clock time, so
    a weekly 19:30 stays 19:30 across a daylight-saving change."""
    if data.recurrence is None:
        return [data.starts_at]
    zone = ZoneInfo(timezone)
    local_first = data.starts_at.astimezone(zone).replace(tzinfo=None)
    starts = []
    for index in range(MAX_OCCURRENCES):
        local = local_first + timedelta(weeks=index * data.recurrence.interval_weeks)
        start = local.replace(tzinfo=zone).astimezone(UTC)
        if start > data.recurrence.until:
            break
        starts.append(start)
    return starts


async def submit(
    session: AsyncSession, *, proposer_id: int, group_id: int, data: ProposalData, now: datetime
) -> ActivityInfo:
    """Store a proposal waiting for approval (a recurring one as a single row until published)."""
    activity = _row(proposer_id, group_id, data, now)
    session.add(activity)
    await session.flush()
    return info(activity)


async def get(session: AsyncSession, activity_id: int) -> ActivityInfo | None:
    activity = await session.get(Activity, activity_id)
    return info(activity) if activity else None


async def load_for_update(session: AsyncSession, activity_id: int) -> Activity:
    activity = await session.get(Activity, activity_id)
    if activity is None:
        raise ActivityError("activity-not-found")
    return activity


async def upcoming(
    session: AsyncSession, group_id: int, *, now: datetime, limit: int = 10
) -> list[ActivityInfo]:
    rows = await session.scalars(
        select(Activity)
        .where(
            Activity.group_id == group_id,
            Activity.status == ActivityStatus.PUBLISHED,
            Activity.ends_at > now,
        )
        .order_by(Activity.starts_at)
        .limit(limit)
    )
    return [info(row) for row in rows]


async def pending_review(session: AsyncSession, group_id: int) -> list[ActivityInfo]:
    rows = await session.scalars(
        select(Activity)
        .where(Activity.group_id == group_id, Activity.status == ActivityStatus.PENDING_APPROVAL)
        .order_by(Activity.created_at)
    )
    return [info(row) for row in rows]


def with_occurrence(data: ProposalData, start: datetime) -> ProposalData:
    """The same proposal moved to another occurrence's start (deadline shifted alike)."""
    shift = start - data.starts_at
    deadline = data.rsvp_deadline + shift if data.rsvp_deadline else None
    return replace(data, starts_at=start, ends_at=data.ends_at + shift, rsvp_deadline=deadline)


# --- Review of proposals (the proposal form and the approval cards, handlers/propose) ---------


@dataclass(frozen=True)
class ReviewState:
    status: ActivityStatus
    reviewed_by: int | None
    reviewed_at: datetime | None
    review_note: str | None


async def lock_for_review(session: AsyncSession, activity_id: int) -> ReviewState:
    """Take the activity's row lock, then read where its review stands.

    The lock is a no-op UPDATE, the first write of the transaction (as in rsvp): two admins
    deciding at once are served one after the other, and the second sees the first's decision.
    """
    found = await session.scalar(
        update(Activity)
        .where(Activity.id == activity_id)
        .values(sequence=Activity.sequence)
        .returning(Activity.id)
    )
    if found is None:
        raise ActivityError("activity-not-found")
    activity = await session.get(Activity, activity_id, populate_existing=True)
    assert activity is not None
    return ReviewState(
        status=ActivityStatus(activity.status),
        reviewed_by=activity.reviewed_by,
        reviewed_at=activity.reviewed_at,
        review_note=activity.review_note,
    )


async def proposal_of(session: AsyncSession, activity_id: int) -> ProposalData:
    """What was proposed, recurrence included (ActivityInfo does not carry it)."""
    activity = await load_for_update(session, activity_id)
    current = info(activity)
    recurrence = None
    if activity.recurrence:
        recurrence = Recurrence(
            interval_weeks=int(activity.recurrence["interval_weeks"]),
            until=datetime.fromisoformat(activity.recurrence["until"]),
        )
    return ProposalData(
        kind=current.kind,
        title=current.title,
        description=current.description,
        starts_at=current.starts_at,
        ends_at=current.ends_at,
        location=current.location,
        online_url=current.online_url,
        capacity=current.capacity,
        rsvp_deadline=current.rsvp_deadline,
        coordinator=current.coordinator,
        agenda=current.agenda,
        recurrence=recurrence,
        reminder_minutes=current.reminder_minutes,
    )


async def resubmit(
    session: AsyncSession, activity_id: int, *, proposer_id: int, data: ProposalData, now: datetime
) -> ActivityInfo:
    """The proposer's revision after "ask for changes": the same activity, pending again."""
    activity = await load_for_update(session, activity_id)
    if activity.proposer_id != proposer_id:
        raise ActivityError("activity-not-found")
    if activity.status != ActivityStatus.CHANGES_REQUESTED:
        raise ActivityError("activity-already-reviewed", status=activity.status)
    revised = _row(proposer_id, activity.group_id, data, now)
    for column in ("kind", "title", "description", "starts_at", "ends_at", "location"):
        setattr(activity, column, getattr(revised, column))
    for column in ("online_url", "capacity", "rsvp_deadline", "coordinator", "agenda"):
        setattr(activity, column, getattr(revised, column))
    activity.reminder_minutes, activity.recurrence = revised.reminder_minutes, revised.recurrence
    activity.status = ActivityStatus.PENDING_APPROVAL
    activity.reviewed_by = activity.reviewed_at = None
    activity.updated_at = now
    await session.flush()
    return info(activity)


async def reviewer_ids(session: AsyncSession, group_id: int) -> list[int]:
    """Who reviews the group's proposals: its present admins and owner (as last synced)."""
    rows = await session.scalars(
        select(Membership.user_id)
        .where(
            Membership.group_id == group_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
        .order_by(Membership.user_id)
    )
    return list(rows)
