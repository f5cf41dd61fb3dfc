"""Listing notices: what is scheduled on a day (the composer shows it), and /notices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models.notices import Notice, NoticeDelivery, NoticeStatus
from organizer.services import admins
from organizer.services.notices_delivery import group_ids_of
from organizer.services.notices_types import NoticeInfo, info


async def _visible_to(session: AsyncSession, user_id: int, org_admin_ids: Iterable[int]) -> Any:
    """A filter on Notice: theirs, or delivered to (or due in) a group they administer."""
    if user_id in set(org_admin_ids):
        return None
    administered = await admins.administered_group_ids(session, user_id)
    in_their_groups = select(NoticeDelivery.notice_id).where(
        NoticeDelivery.group_id.in_(administered)
    )
    return or_(Notice.author_id == user_id, Notice.id.in_(in_their_groups))


async def _infos(session: AsyncSession, query: Any) -> list[NoticeInfo]:
    rows = list(await session.scalars(query))
    return [info(row, await group_ids_of(session, row.id, row.occurrence)) for row in rows]


async def scheduled_on(
    session: AsyncSession,
    author_id: int,
    day_start_utc: datetime,
    day_end_utc: datetime,
    *,
    org_admin_ids: Iterable[int] = (),
) -> list[NoticeInfo]:
    """Notices due in [start, end) that the author can see (theirs and their groups')."""
    query = select(Notice).where(
        Notice.status.in_([NoticeStatus.SCHEDULED, NoticeStatus.SENDING]),
        Notice.send_at >= day_start_utc,
        Notice.send_at < day_end_utc,
    )
    visible = await _visible_to(session, author_id, org_admin_ids)
    if visible is not None:
        query = query.where(visible)
    return await _infos(session, query.order_by(Notice.send_at, Notice.id))


async def list_for(
    session: AsyncSession, user_id: int, *, org_admin_ids: Iterable[int], limit: int = 20
) -> list[NoticeInfo]:
    """Scheduled notices first (soonest first), then the most recent others."""
    visible = await _visible_to(session, user_id, org_admin_ids)
    base = select(Notice) if visible is None else select(Notice).where(visible)
    upcoming = base.where(Notice.status.in_([NoticeStatus.SCHEDULED, NoticeStatus.SENDING]))
    found = await _infos(session, upcoming.order_by(Notice.send_at, Notice.id).limit(limit))
    if len(found) < limit:
        recent = base.where(Notice.status.in_([NoticeStatus.SENT, NoticeStatus.CANCELLED]))
        query = recent.order_by(Notice.send_at.desc(), Notice.id.desc())
        found += await _infos(session, query.limit(limit - len(found)))
    return found
