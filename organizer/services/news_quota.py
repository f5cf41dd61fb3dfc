"""The daily industry-news quota (charter 三(三)2): at most N news posts per group and day.

Every decision is made with the group's row locked (`lock_one`), so two news posts arriving
together cannot both take the last slot. A post over the quota is not lost: its text is
deferred to the next free slot, which is reserved at once (see `NewsPost`) and posted by the
`news.post_deferred` job, "on behalf of" its author.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group
from organizer.models.content import NewsPost
from organizer.services import scheduled_actions

DEFERRED_KIND = "news.post_deferred"
DEFAULT_QUOTA = 3
SLOT_START = time(9, 0)  # deferred posts start at 09:00 in the group's timezone …
SLOT_GAP = timedelta(minutes=30)  # … and are spread out, so they do not arrive as a burst
MAX_DAYS_AHEAD = 60


@dataclass(frozen=True)
class QuotaOutcome:
    allowed: bool
    used: int  # the day's slots taken, including this post when allowed
    next_slot: datetime | None  # when refused: when a deferred post would go out (UTC)


async def _locked_group(session: AsyncSession, group_id: int) -> Group:
    group = await lock_one(session, Group, Group.id == group_id)
    if group is None:
        raise LookupError(group_id)
    return group


async def _used(session: AsyncSession, group_id: int, day: date) -> int:
    count = await session.scalar(
        select(func.count()).where(NewsPost.group_id == group_id, NewsPost.day == day)
    )
    return int(count or 0)


async def claim(
    session: AsyncSession,
    *,
    group_id: int,
    author_id: int,
    message_id: int,
    day: date,
    quota: int,
    now: datetime,
) -> QuotaOutcome:
    """Take one of the day's `quota` slots for this post, or say when the next one is free.
    The same message claimed again (a redelivered update) keeps its slot."""
    if quota < 1:
        raise ValueError("a quota below 1 means no cap: do not claim")
    group = await _locked_group(session, group_id)
    used = await _used(session, group_id, day)
    taken = await session.scalar(
        select(NewsPost.id).where(NewsPost.group_id == group_id, NewsPost.message_id == message_id)
    )
    if taken is not None:
        return QuotaOutcome(True, used, None)
    if used >= quota:
        return QuotaOutcome(False, used, await next_slot(session, group, day, quota))
    session.add(
        NewsPost(group_id=group_id, day=day, author_id=author_id, message_id=message_id,
                 deferred=False, posted_at=now)
    )  # fmt: skip
    await session.flush()
    return QuotaOutcome(True, used + 1, None)


async def next_slot(session: AsyncSession, group: Group, day: date, quota: int) -> datetime:
    """The first free slot after `day`: 09:00 local on the first later day with room, plus
    half an hour for each slot of that day already taken."""
    rows = await session.execute(
        select(NewsPost.day, func.count())
        .where(NewsPost.group_id == group.id, NewsPost.day > day)
        .group_by(NewsPost.day)
    )
    taken = {row_day: int(count) for row_day, count in rows}
    candidate = day + timedelta(days=1)
    while taken.get(candidate, 0) >= quota and candidate < day + timedelta(days=MAX_DAYS_AHEAD):
        candidate += timedelta(days=1)
    local = datetime.combine(candidate, SLOT_START, tzinfo=ZoneInfo(group.timezone))
    return (local + SLOT_GAP * taken.get(candidate, 0)).astimezone(ZoneInfo("UTC"))


async def defer(
    session: AsyncSession,
    *,
    group_id: int,
    author_id: int,
    text: str,
    slot: datetime,
    now: datetime,
    author_name: str = "",
    tag: str | None = None,
) -> int:
    """Reserve `slot` for a refused post and schedule the bot to post `text` then; returns the
    scheduled action's id. The slot counts against the quota of its own day."""
    group = await _locked_group(session, group_id)
    day = slot.astimezone(ZoneInfo(group.timezone)).date()
    reservation = NewsPost(
        group_id=group_id, day=day, author_id=author_id, deferred=True, posted_at=slot
    )
    session.add(reservation)
    await session.flush()
    payload: dict[str, Any] = {
        "group_id": group_id, "author_id": author_id, "author_name": author_name,
        "text": text, "tag": tag, "news_post_id": reservation.id,
    }  # fmt: skip
    return await scheduled_actions.schedule(
        session, kind=DEFERRED_KIND, due_at=slot, payload=payload, group_id=group_id,
        dedupe_key=f"news:{reservation.id}", now=now,
    )  # fmt: skip


async def mark_posted(
    session: AsyncSession, news_post_id: int, *, message_id: int, now: datetime
) -> None:
    """The deferred post is in the group: its reservation becomes an ordinary counted post."""
    await session.execute(
        update(NewsPost)
        .where(NewsPost.id == news_post_id)
        .values(message_id=message_id, posted_at=now)
        .execution_options(synchronize_session=False)
    )
