"""Review and publication, and the timed steps every published activity gets (charter 七(二)):
reminders, check-in window, survey, survey reminder and close. Each step is a scheduled action
written in the same transaction as the change that causes it and moved with it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Activity, ActivityStatus
from organizer.services import scheduled_actions
from organizer.services.activities import (
    ActivityError,
    ActivityInfo,
    ProposalData,
    info,
    load_for_update,
    occurrence_starts,
    with_occurrence,
)

REMINDER = "activity.reminder"
CHECKIN_OPEN = "activity.checkin_open"
CHECKIN_CLOSE = "activity.checkin_close"
SURVEY_SEND = "activity.survey_send"
SURVEY_REMIND = "activity.survey_remind"
SURVEY_CLOSE = "activity.survey_close"
REFRESH = "activity.refresh"


@dataclass(frozen=True)
class Timing:
    """Per-group settings (group.settings) with the defaults of the issue."""

    checkin_open_minutes: int = 15
    checkin_close_minutes: int = 30
    late_minutes: int = 10
    survey_hours: int = 48
    survey_reminder_hours: int = 24

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Timing:
        known = {k: int(v) for k, v in settings.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def dedupe_prefix(activity_id: int) -> str:
    return f"activity:{activity_id}:"


async def _ensure_pending(activity: Activity) -> None:
    if activity.status != ActivityStatus.PENDING_APPROVAL:
        raise ActivityError("activity-already-reviewed", status=activity.status)


async def approve(
    session: AsyncSession,
    activity_id: int,
    *,
    reviewer_id: int | None,
    data: ProposalData,
    timezone: str,
    timing: Timing,
    now: datetime,
) -> list[ActivityInfo]:
    """Publish a pending proposal: one row per occurrence, each with its timed steps."""
    activity = await load_for_update(session, activity_id)
    await _ensure_pending(activity)
    activity.reviewed_by, activity.reviewed_at = reviewer_id, now
    starts = [s for s in occurrence_starts(data, timezone) if s > now] or [data.starts_at]
    rows = [activity]
    for start in starts[1:]:
        copy = with_occurrence(data, start)
        rows.append(_occurrence(activity, copy, now))
    session.add_all(rows[1:])
    await session.flush()
    for row in rows:
        row.series_id = activity.id if len(rows) > 1 else None
        await publish(session, row, timing=timing, now=now)
    return [info(row) for row in rows]


def _occurrence(first: Activity, data: ProposalData, now: datetime) -> Activity:
    columns = {c.key: getattr(first, c.key) for c in Activity.__table__.columns if c.key != "id"}
    row = Activity(**columns)
    row.starts_at, row.ends_at, row.rsvp_deadline = data.starts_at, data.ends_at, data.rsvp_deadline
    row.created_at = row.updated_at = now
    return row


async def publish(
    session: AsyncSession, activity: Activity, *, timing: Timing, now: datetime
) -> None:
    activity.status = ActivityStatus.PUBLISHED
    activity.checkin_code = activity.checkin_code or f"{secrets.randbelow(10_000):04d}"
    activity.survey_closes_at = activity.ends_at + timedelta(hours=timing.survey_hours)
    activity.updated_at = now
    await schedule_steps(session, activity, timing=timing, now=now)


async def schedule_steps(
    session: AsyncSession, activity: Activity, *, timing: Timing, now: datetime
) -> None:
    """(Re)write every timed step of the activity; steps whose time has passed are skipped."""
    await scheduled_actions.cancel(session, dedupe_prefix=dedupe_prefix(activity.id))
    start, end = activity.starts_at, activity.ends_at
    steps: list[tuple[str, str, datetime, dict[str, Any]]] = [
        (REMINDER, f"reminder:{m}", start - timedelta(minutes=m), {"minutes": m})
        for m in activity.reminder_minutes or ()
    ]
    steps += [
        (CHECKIN_OPEN, "checkin_open", start - timedelta(minutes=timing.checkin_open_minutes), {}),
        (
            CHECKIN_CLOSE,
            "checkin_close",
            start + timedelta(minutes=timing.checkin_close_minutes),
            {},
        ),
        (SURVEY_SEND, "survey_send", end, {}),
        (SURVEY_REMIND, "survey_remind", end + timedelta(hours=timing.survey_reminder_hours), {}),
        (SURVEY_CLOSE, "survey_close", end + timedelta(hours=timing.survey_hours), {}),
    ]
    # The sequence is in the key: after a time change the steps run again for the new time,
    # while the old keys (done or cancelled) stay as they were.
    prefix = f"{dedupe_prefix(activity.id)}s{activity.sequence}:"
    for kind, name, due_at, extra in steps:
        if due_at <= now and kind == REMINDER:
            continue  # a reminder whose time passed at publication is skipped
        await scheduled_actions.schedule(
            session,
            kind=kind,
            due_at=max(due_at, now),
            payload={"activity_id": activity.id, "sequence": activity.sequence, **extra},
            group_id=activity.group_id,
            dedupe_key=prefix + name,
            now=now,
        )


async def reject(
    session: AsyncSession, activity_id: int, *, reviewer_id: int, reason: str, now: datetime
) -> ActivityInfo:
    return await _decide(session, activity_id, ActivityStatus.REJECTED, reviewer_id, reason, now)


async def request_changes(
    session: AsyncSession, activity_id: int, *, reviewer_id: int, note: str, now: datetime
) -> ActivityInfo:
    return await _decide(
        session, activity_id, ActivityStatus.CHANGES_REQUESTED, reviewer_id, note, now
    )


async def _decide(
    session: AsyncSession,
    activity_id: int,
    status: ActivityStatus,
    reviewer_id: int,
    note: str,
    now: datetime,
) -> ActivityInfo:
    activity = await load_for_update(session, activity_id)
    await _ensure_pending(activity)
    activity.status, activity.review_note = status, note.strip()[:1000]
    activity.reviewed_by, activity.reviewed_at, activity.updated_at = reviewer_id, now, now
    await session.flush()
    return info(activity)


async def request_refresh(session: AsyncSession, activity_id: int, *, now: datetime) -> None:
    """Ask for the announcement to be re-rendered soon. While one refresh is pending, more
    presses add nothing, so a burst costs one edit (Telegram throttles edits too)."""
    prefix = f"{dedupe_prefix(activity_id)}refresh:"
    if await scheduled_actions.pending(session, dedupe_prefix=prefix, limit=1):
        return
    await scheduled_actions.schedule(
        session,
        kind=REFRESH,
        due_at=now + timedelta(seconds=2),
        payload={"activity_id": activity_id},
        dedupe_key=f"{prefix}{now.timestamp():.6f}",
        now=now,
    )
