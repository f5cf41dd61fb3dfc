"""The activities component of a member's score (charter 七, 八(二)): activities attended
(checked in), no-shows, surveys completed and activities organised, per member, from grouped
queries. An activity counts in the period its end falls in; cancelled ones count for nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Activity, ActivityStatus, Attendance, Rsvp, RsvpStatus, SurveyResponse

_HELD = (ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED)


async def counts(session: AsyncSession, statement: Any) -> dict[int, int]:
    """{user id: count} from a (user id, count) query; rows without a user are dropped."""
    return {int(user): int(count) for user, count in await session.execute(statement) if user}


async def indicators(
    session: AsyncSession, group_id: int, since: datetime, until: datetime, now: datetime | None
) -> dict[str, dict[int, int]]:
    in_period = and_(
        Activity.group_id == group_id, Activity.status.in_(_HELD),
        Activity.ends_at >= since, Activity.ends_at < until,
    )  # fmt: skip
    ended = in_period if now is None else and_(in_period, Activity.ends_at <= now)
    result: dict[str, dict[int, int]] = {}
    result["attended"] = await counts(
        session,
        select(Attendance.user_id, func.count(distinct(Attendance.activity_id)))
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(in_period, Attendance.present.is_(True))
        .group_by(Attendance.user_id),
    )
    result["no_shows"] = await counts(
        session,
        select(Rsvp.user_id, func.count())
        .join(Activity, Activity.id == Rsvp.activity_id)
        .outerjoin(
            Attendance,
            and_(Attendance.activity_id == Rsvp.activity_id, Attendance.user_id == Rsvp.user_id),
        )
        .where(
            ended, Rsvp.status == RsvpStatus.GOING,
            or_(Attendance.id.is_(None), Attendance.present.is_(False)),
        )
        .group_by(Rsvp.user_id),
    )  # fmt: skip
    result["surveys"] = await counts(
        session,
        select(SurveyResponse.user_id, func.count())
        .join(Activity, Activity.id == SurveyResponse.activity_id)
        .where(
            Activity.group_id == group_id, SurveyResponse.completed_at.is_not(None),
            SurveyResponse.completed_at >= since, SurveyResponse.completed_at < until,
        )
        .group_by(SurveyResponse.user_id),
    )  # fmt: skip
    result["organised"] = await counts(
        session,
        select(Activity.proposer_id, func.count()).where(in_period).group_by(Activity.proposer_id),
    )
    return result
