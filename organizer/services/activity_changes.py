"""Changing or cancelling a published activity (charter 七(二)2: handle changes in time):
the announcement is updated, the timed steps move, and everyone who answered is told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Activity, ActivityStatus, Rsvp, RsvpStatus
from organizer.services import rsvp, scheduled_actions
from organizer.services.activities import ActivityError, ActivityInfo, info, load_for_update
from organizer.services.activity_lifecycle import Timing, dedupe_prefix, schedule_steps


@dataclass(frozen=True)
class ChangeOutcome:
    activity: ActivityInfo
    answered: tuple[int, ...]  # everyone with an answer, to be told
    reconfirm: tuple[int, ...]  # those going, asked to confirm again after a time change
    promoted: tuple[int, ...]  # moved from the waitlist by a larger capacity


async def _editable(session: AsyncSession, activity_id: int, now: datetime) -> Activity:
    activity = await load_for_update(session, activity_id)
    if activity.status != ActivityStatus.PUBLISHED:
        raise ActivityError("activity-not-editable")
    if activity.ends_at <= now:
        raise ActivityError("activity-already-over")
    return activity


async def _answered(session: AsyncSession, activity_id: int) -> tuple[int, ...]:
    rows = await session.scalars(
        select(Rsvp.user_id).where(Rsvp.activity_id == activity_id).order_by(Rsvp.id)
    )
    return tuple(rows)


async def change_time(
    session: AsyncSession,
    activity_id: int,
    *,
    starts_at: datetime,
    ends_at: datetime,
    timing: Timing,
    now: datetime,
) -> ChangeOutcome:
    if starts_at <= now:
        raise ActivityError("change-start-in-past")
    if ends_at <= starts_at:
        raise ActivityError("change-end-before-start")
    activity = await _editable(session, activity_id, now)
    shift = starts_at - activity.starts_at
    activity.starts_at, activity.ends_at = starts_at, ends_at
    if activity.rsvp_deadline is not None:
        activity.rsvp_deadline = min(activity.rsvp_deadline + shift, starts_at)
    activity.sequence += 1
    activity.updated_at = now
    await session.execute(
        update(Rsvp)
        .where(Rsvp.activity_id == activity_id, Rsvp.status == RsvpStatus.GOING)
        .values(needs_reconfirm=True, updated_at=now)
    )
    going = await session.scalars(
        select(Rsvp.user_id).where(Rsvp.activity_id == activity_id, Rsvp.status == RsvpStatus.GOING)
    )
    reconfirm = tuple(going)
    await schedule_steps(session, activity, timing=timing, now=now)
    await session.flush()
    return ChangeOutcome(info(activity), await _answered(session, activity_id), reconfirm, ())


async def change_place(
    session: AsyncSession,
    activity_id: int,
    *,
    location: str | None,
    online_url: str | None,
    now: datetime,
) -> ChangeOutcome:
    if not location and not online_url:
        raise ActivityError("change-place-empty")
    activity = await _editable(session, activity_id, now)
    activity.location, activity.online_url = location, online_url
    activity.sequence += 1
    activity.updated_at = now
    await session.flush()
    return ChangeOutcome(info(activity), await _answered(session, activity_id), (), ())


async def change_capacity(
    session: AsyncSession, activity_id: int, *, capacity: int | None, now: datetime
) -> ChangeOutcome:
    await _editable(session, activity_id, now)
    promoted = await rsvp.change_capacity(session, activity_id, capacity, now=now)
    activity = await load_for_update(session, activity_id)
    return ChangeOutcome(info(activity), await _answered(session, activity_id), (), promoted)


async def cancel(session: AsyncSession, activity_id: int, *, now: datetime) -> ChangeOutcome:
    activity = await _editable(session, activity_id, now)
    activity.status = ActivityStatus.CANCELLED
    activity.sequence += 1
    activity.updated_at = now
    await scheduled_actions.cancel(session, dedupe_prefix=dedupe_prefix(activity_id))
    await session.flush()
    return ChangeOutcome(info(activity), await _answered(session, activity_id), (), ())


async def reconfirm(
    session: AsyncSession, activity_id: int, user_id: int, *, keep: bool, now: datetime
) -> rsvp.RsvpOutcome:
    """A member going before a time change answers whether they still come."""
    choice = RsvpStatus.GOING if keep else RsvpStatus.NO
    row = await session.scalar(
        select(Rsvp).where(Rsvp.activity_id == activity_id, Rsvp.user_id == user_id)
    )
    if row is None or not row.needs_reconfirm:
        raise ActivityError("reconfirm-not-needed")
    return await rsvp.answer(session, activity_id, user_id, choice, now=now)
