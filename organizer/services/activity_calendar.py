"""Activities as calendar entries: the .ics behind "Add to calendar" and the group's feed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.calendar import (
    AgendaItem,
    CalendarActivity,
    activity_ics,
    group_feed_ics,
    ics_filename,
)
from organizer.messenger import Document
from organizer.models import Activity, ActivityStatus
from organizer.services import groups, users
from organizer.services.activities import ActivityInfo, info
from organizer.services.groups import GroupInfo

FEED_HISTORY = timedelta(days=90)


def _agenda_time(activity: ActivityInfo, hhmm: str | None, group: GroupInfo) -> datetime | None:
    if not hhmm:
        return None
    hour, minute = (int(part) for part in hhmm.split(":"))
    local = activity.starts_at.astimezone(group.tz).replace(hour=hour, minute=minute)
    return local.astimezone(activity.starts_at.tzinfo)


def to_calendar(
    activity: ActivityInfo, group: GroupInfo, organizer: str, *, updated_at: datetime
) -> CalendarActivity:
    return CalendarActivity(
        uid=f"activity-{activity.id}@organizer",
        sequence=activity.sequence,
        title=activity.title,
        description=activity.description or None,
        agenda=tuple(
            AgendaItem(_agenda_time(activity, item.time, group), item.topic, item.speaker)
            for item in activity.agenda
        ),
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        timezone=group.timezone,
        location=activity.location,
        url=activity.online_url,
        organizer_name=organizer,
        reminder_minutes=tuple(m for m in activity.reminder_minutes if m <= 24 * 60) or (60,),
        cancelled=activity.status == ActivityStatus.CANCELLED,
        created_at=updated_at,
        updated_at=updated_at,
    )


async def _organizer_name(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    return user.display_name if user else str(user_id)


async def activity_file(session: AsyncSession, activity: ActivityInfo) -> Document:
    group = await groups.get(session, activity.group_id)
    assert group is not None
    row = await session.get(Activity, activity.id)
    assert row is not None
    entry = to_calendar(
        activity,
        group,
        await _organizer_name(session, activity.proposer_id),
        updated_at=row.updated_at,
    )
    data = activity_ics(entry, calendar_name=group.title, language=group.language)
    return Document(ics_filename(activity.title, activity.starts_at, group.timezone), data)


async def group_feed(session: AsyncSession, group: GroupInfo, *, now: datetime) -> Document:
    """Every published (or cancelled, so calendars drop it) activity of the last 90 days on."""
    rows = await session.scalars(
        select(Activity)
        .where(
            Activity.group_id == group.id,
            Activity.status.in_(
                [ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED]
            ),
            Activity.ends_at > now - FEED_HISTORY,
        )
        .order_by(Activity.starts_at)
    )
    entries = [
        to_calendar(
            info(row),
            group,
            await _organizer_name(session, row.proposer_id),
            updated_at=row.updated_at,
        )
        for row in rows
    ]
    data = group_feed_ics(entries, calendar_name=group.title, language=group.language)
    return Document(f"group-{abs(group.id)}.ics", data)
