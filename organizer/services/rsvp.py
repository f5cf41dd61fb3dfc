"""Going / maybe / can't go, with a capacity, a waitlist in press order and promotion.

Every answer starts with `UPDATE activities SET rsvp_version = rsvp_version + 1`: the first write
of the transaction takes SQLite's write lock or PostgreSQL's row lock at once, so answers to one
activity are applied one at a time and a burst never overfills it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Activity, ActivityStatus, Rsvp, RsvpStatus
from organizer.services.activities import ActivityError

CHOICES = (RsvpStatus.GOING, RsvpStatus.MAYBE, RsvpStatus.NO)


@dataclass(frozen=True)
class RsvpCounts:
    going: int = 0
    maybe: int = 0
    no: int = 0
    waitlist: int = 0


@dataclass(frozen=True)
class RsvpOutcome:
    status: RsvpStatus
    previous: RsvpStatus | None
    waitlist_place: int | None  # 1-based place on the waitlist
    promoted: tuple[int, ...]  # members moved from the waitlist to going
    counts: RsvpCounts


@dataclass(frozen=True)
class RsvpEntry:
    user_id: int
    status: RsvpStatus
    needs_reconfirm: bool


async def _lock(session: AsyncSession, activity_id: int) -> Activity:
    version = await session.scalar(
        update(Activity)
        .where(Activity.id == activity_id)
        .values(rsvp_version=Activity.rsvp_version + 1)
        .returning(Activity.rsvp_version)
    )
    if version is None:
        raise ActivityError("activity-not-found")
    activity = await session.get(Activity, activity_id, populate_existing=True)
    assert activity is not None
    return activity


async def answer(
    session: AsyncSession, activity_id: int, user_id: int, choice: RsvpStatus, *, now: datetime
) -> RsvpOutcome:
    if choice not in CHOICES:
        raise ActivityError("rsvp-invalid")
    activity = await _lock(session, activity_id)
    if activity.status != ActivityStatus.PUBLISHED:
        raise ActivityError("rsvp-not-open")
    if now >= (activity.rsvp_deadline or activity.starts_at):
        raise ActivityError("rsvp-closed")
    row = await _row(session, activity_id, user_id)
    previous = RsvpStatus(row.status) if row else None
    status = choice
    if choice == RsvpStatus.GOING and previous in (RsvpStatus.GOING, RsvpStatus.WAITLIST):
        status = previous
    elif choice == RsvpStatus.GOING and not await _has_room(session, activity):
        status = RsvpStatus.WAITLIST
    if row is None:
        row = Rsvp(activity_id=activity_id, user_id=user_id, answered_at=now)
        session.add(row)
    if status != previous:
        row.waitlist_position = activity.rsvp_version if status == RsvpStatus.WAITLIST else None
    row.status = status
    row.needs_reconfirm = False
    row.updated_at = now
    await session.flush()
    promoted: tuple[int, ...] = ()
    if previous == RsvpStatus.GOING and status != RsvpStatus.GOING:
        promoted = await promote_waitlisted(session, activity, now=now)
    place = await _waitlist_place(session, row) if status == RsvpStatus.WAITLIST else None
    return RsvpOutcome(status, previous, place, promoted, await counts(session, activity_id))


async def _row(session: AsyncSession, activity_id: int, user_id: int) -> Rsvp | None:
    return await session.scalar(
        select(Rsvp).where(Rsvp.activity_id == activity_id, Rsvp.user_id == user_id)
    )


async def _going(session: AsyncSession, activity_id: int) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Rsvp)
            .where(Rsvp.activity_id == activity_id, Rsvp.status == RsvpStatus.GOING)
        )
        or 0
    )


async def _has_room(session: AsyncSession, activity: Activity) -> bool:
    return activity.capacity is None or await _going(session, activity.id) < activity.capacity


async def _waitlist_place(session: AsyncSession, row: Rsvp) -> int:
    ahead = await session.scalar(
        select(func.count())
        .select_from(Rsvp)
        .where(
            Rsvp.activity_id == row.activity_id,
            Rsvp.status == RsvpStatus.WAITLIST,
            Rsvp.waitlist_position < row.waitlist_position,
        )
    )
    return int(ahead or 0) + 1


async def promote_waitlisted(
    session: AsyncSession, activity: Activity, *, now: datetime
) -> tuple[int, ...]:
    """Fill free places from the waitlist, first come first served (call with the lock held)."""
    free = (
        None
        if activity.capacity is None
        else activity.capacity - await _going(session, activity.id)
    )
    query = (
        select(Rsvp)
        .where(Rsvp.activity_id == activity.id, Rsvp.status == RsvpStatus.WAITLIST)
        .order_by(Rsvp.waitlist_position)
    )
    if free is not None:
        if free <= 0:
            return ()
        query = query.limit(free)
    promoted = list(await session.scalars(query))
    for row in promoted:
        row.status, row.waitlist_position, row.updated_at = RsvpStatus.GOING, None, now
    await session.flush()
    return tuple(row.user_id for row in promoted)


async def change_capacity(
    session: AsyncSession, activity_id: int, capacity: int | None, *, now: datetime
) -> tuple[int, ...]:
    """A new capacity; a larger one promotes waitlisted members (those already going stay)."""
    if capacity is not None and capacity < 1:
        raise ActivityError("capacity-invalid")
    activity = await _lock(session, activity_id)
    activity.capacity = capacity
    activity.updated_at = now
    return await promote_waitlisted(session, activity, now=now)


async def counts(session: AsyncSession, activity_id: int) -> RsvpCounts:
    rows = await session.execute(
        select(Rsvp.status, func.count())
        .where(Rsvp.activity_id == activity_id)
        .group_by(Rsvp.status)
    )
    return RsvpCounts(**{str(status): int(n) for status, n in rows.all()})


async def entries(session: AsyncSession, activity_id: int) -> list[RsvpEntry]:
    rows = await session.scalars(
        select(Rsvp).where(Rsvp.activity_id == activity_id).order_by(Rsvp.answered_at, Rsvp.id)
    )
    return [RsvpEntry(r.user_id, RsvpStatus(r.status), r.needs_reconfirm) for r in rows]


async def my_answers(session: AsyncSession, user_id: int) -> dict[int, RsvpStatus]:
    rows = await session.execute(
        select(Rsvp.activity_id, Rsvp.status).where(Rsvp.user_id == user_id)
    )
    return {activity_id: RsvpStatus(status) for activity_id, status in rows.all()}
