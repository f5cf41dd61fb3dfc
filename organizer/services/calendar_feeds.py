"""Calendar subscription links: issue, show again, revoke and resolve the secret tokens behind
`/calendar/{token}.ics`, and build the member's "my activities" feed.

A group feed belongs to a member of that group: it stops working when they leave, so a link
cannot outlive the membership that justified it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.calendar import CalendarActivity, group_feed_ics
from organizer.database import insert_if_absent
from organizer.i18n import normalize_language
from organizer.models import Activity, ActivityStatus, Membership, MemberStatus, Rsvp, RsvpStatus
from organizer.models.calendar_feeds import CalendarFeedToken, FeedKind
from organizer.services import groups, users
from organizer.services.activities import info
from organizer.services.activity_calendar import FEED_HISTORY, to_calendar
from organizer.services.groups import GroupInfo

__all__ = ["FeedKind", "FeedLink", "FeedTarget", "NotAMember"]

PRESENT = (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)
IN_CALENDAR = (ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)
TOKEN_BYTES = 32  # 256 bits: far beyond guessing, 43 URL-safe characters
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")
USE_RECORD_INTERVAL = timedelta(hours=1)
# The feed's own name is part of the file's content (like ics.LABELS), not a bot message.
MEMBER_FEED_NAME = {"zh": "我的活动", "en": "My activities"}


class NotAMember(Exception):
    """A group feed was asked for by someone who is not (or no longer) in the group."""


@dataclass(frozen=True)
class FeedLink:
    id: int
    token: str
    kind: FeedKind
    user_id: int
    group_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class FeedTarget:
    """What a valid token serves."""

    kind: FeedKind
    user_id: int
    group_id: int | None


def feed_url(base_url: str, token: str) -> str:
    return f"{base_url}/calendar/{token}.ics"


def webcal_url(base_url: str, token: str) -> str:
    """The same feed as webcal://, which calendar apps open as "subscribe" rather than import."""
    return "webcal://" + feed_url(base_url, token).split("://", 1)[1]


def _active_key(kind: FeedKind, user_id: int, group_id: int | None) -> str:
    if kind == FeedKind.MEMBER:
        if group_id is not None:
            raise ValueError("a member feed has no group")
        return f"member:{user_id}"
    if group_id is None:
        raise ValueError("a group feed needs a group")
    return f"group:{group_id}:{user_id}"


def _link(row: CalendarFeedToken) -> FeedLink:
    return FeedLink(
        id=row.id, token=row.token, kind=FeedKind(row.kind), user_id=row.user_id,
        group_id=row.group_id, created_at=row.created_at,
    )  # fmt: skip


async def is_member(session: AsyncSession, user_id: int, group_id: int) -> bool:
    status = await session.scalar(
        select(Membership.status).where(
            Membership.group_id == group_id, Membership.user_id == user_id
        )
    )
    return status in PRESENT


async def member_groups(session: AsyncSession, user_id: int) -> list[GroupInfo]:
    """The groups the member is in (and the bot still serves), by title."""
    ids = await session.scalars(
        select(Membership.group_id).where(
            Membership.user_id == user_id, Membership.status.in_(PRESENT)
        )
    )
    found = [await groups.get(session, group_id) for group_id in ids]
    return sorted((g for g in found if g and g.bot_is_member), key=lambda g: g.title)


async def link_for(
    session: AsyncSession, *, user_id: int, kind: FeedKind, group_id: int | None = None,
    now: datetime,
) -> FeedLink:  # fmt: skip
    """The active link for this feed, issued on first request. Raises NotAMember."""
    key = _active_key(kind, user_id, group_id)
    if group_id is not None and not await is_member(session, user_id, group_id):
        raise NotAMember(group_id)
    row = await _active(session, key)
    if row is None:
        # Two concurrent requests insert once: the unique active_key turns the second into a no-op.
        values = {
            "token": secrets.token_urlsafe(TOKEN_BYTES), "kind": kind.value, "user_id": user_id,
            "group_id": group_id, "active_key": key, "created_at": now,
        }  # fmt: skip
        await insert_if_absent(session, CalendarFeedToken, values, ["active_key"])
        row = await _active(session, key)
        assert row is not None
    return _link(row)


async def _active(session: AsyncSession, key: str) -> CalendarFeedToken | None:
    row: CalendarFeedToken | None = await session.scalar(
        select(CalendarFeedToken)
        .where(CalendarFeedToken.active_key == key)
        .execution_options(populate_existing=True)
    )
    return row


async def revoke(
    session: AsyncSession, *, user_id: int, kind: FeedKind, group_id: int | None = None,
    now: datetime,
) -> bool:  # fmt: skip
    """Stop the active link of this feed; the next request issues a new one."""
    result = await session.execute(
        update(CalendarFeedToken)
        .where(CalendarFeedToken.active_key == _active_key(kind, user_id, group_id))
        .values(active_key=None, revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def renew(session: AsyncSession, *, link_id: int, user_id: int, now: datetime) -> FeedLink:
    """Revoke the link `link_id` of `user_id` and issue its successor.

    Raises LookupError when the link is not theirs or no longer active (a stale button), and
    NotAMember when they have left the group since.
    """
    row = await session.get(CalendarFeedToken, link_id)
    if row is None or row.user_id != user_id or row.active_key is None:
        raise LookupError(link_id)
    kind, group_id = FeedKind(row.kind), row.group_id
    await revoke(session, user_id=user_id, kind=kind, group_id=group_id, now=now)
    return await link_for(session, user_id=user_id, kind=kind, group_id=group_id, now=now)


async def resolve(session: AsyncSession, token: str, now: datetime) -> FeedTarget | None:
    """What the token serves, or None if it is unknown, revoked or its owner left the group."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    row = await session.scalar(
        select(CalendarFeedToken).where(
            CalendarFeedToken.token == token, CalendarFeedToken.active_key.is_not(None)
        )
    )
    if row is None:
        return None
    if row.group_id is not None and not await is_member(session, row.user_id, row.group_id):
        return None
    if row.last_used_at is None or now - row.last_used_at >= USE_RECORD_INTERVAL:
        row.last_used_at = now
        await session.flush()
    return FeedTarget(FeedKind(row.kind), row.user_id, row.group_id)


async def member_feed(
    session: AsyncSession, user_id: int, now: datetime, *, default_language: str = "zh"
) -> bytes:
    """.ics of what the member goes to or organises, in every group, from 90 days ago on."""
    going = select(Rsvp.activity_id).where(Rsvp.user_id == user_id, Rsvp.status == RsvpStatus.GOING)
    rows = await session.scalars(
        select(Activity)
        .where(
            or_(Activity.id.in_(going), Activity.proposer_id == user_id),
            Activity.status.in_(IN_CALENDAR),
            Activity.ends_at > now - FEED_HISTORY,
        )
        .order_by(Activity.starts_at, Activity.id)
    )
    entries = [await _entry(session, row) for row in rows]
    user = await users.get(session, user_id)
    language = normalize_language(user.language_or(default_language) if user else None)
    return group_feed_ics(
        [entry for entry in entries if entry is not None],
        calendar_name=MEMBER_FEED_NAME[language],
        language=language,
    )


async def _entry(session: AsyncSession, row: Activity) -> CalendarActivity | None:
    group = await groups.get(session, row.group_id)
    if group is None:
        return None
    organizer = await users.get(session, row.proposer_id)
    name = organizer.display_name if organizer else str(row.proposer_id)
    return to_calendar(info(row), group, name, updated_at=row.updated_at)
