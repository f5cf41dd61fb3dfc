"""Acknowledgements of notices: the "Received" button, who has and has not pressed it, and the
counts the assessment uses (charter 八(二): participation)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Membership, MemberStatus, User
from organizer.models.notices import DeliveryStatus, Notice, NoticeAck, NoticeDelivery
from organizer.services.notices_types import (
    AckOutcome,
    AckPerson,
    AckStatus,
    NoticeError,
    info,
)


def _insert(session: AsyncSession) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


async def delivered_group_ids(session: AsyncSession, notice_id: int) -> list[int]:
    """Every chat the notice reached, in any occurrence."""
    rows = await session.scalars(
        select(NoticeDelivery.group_id)
        .where(
            NoticeDelivery.notice_id == notice_id,
            NoticeDelivery.status == DeliveryStatus.DELIVERED,
        )
        .distinct()
        .order_by(NoticeDelivery.group_id)
    )
    return [int(group_id) for group_id in rows]


async def _member_group(session: AsyncSession, user_id: int, group_ids: list[int]) -> int | None:
    found = await session.scalar(
        select(Membership.group_id)
        .where(
            Membership.user_id == user_id,
            Membership.group_id.in_(group_ids),
            Membership.status.in_([MemberStatus.ACTIVE, MemberStatus.RESTRICTED]),
        )
        .order_by(Membership.group_id)
        .limit(1)
    )
    return None if found is None else int(found)


async def acknowledge(
    session: AsyncSession, notice_id: int, user_id: int, group_id: int, now: datetime
) -> AckOutcome:
    """Record that the user received the notice; `first` is False for a repeated press.

    `group_id` is the chat the button was pressed in; pressed in private (a reminder), the ack
    counts for a group the notice reached where the user is a member."""
    notice = await session.get(Notice, notice_id)
    if notice is None:
        raise NoticeError("notices-error-not-found")
    if not notice.ack_required:
        raise NoticeError("notices-error-no-ack")
    reached = await delivered_group_ids(session, notice_id)
    if group_id not in reached:
        member_of = await _member_group(session, user_id, reached)
        if member_of is None:
            raise NoticeError("notices-error-not-recipient")
        group_id = member_of
    values = {"notice_id": notice_id, "user_id": user_id, "group_id": group_id, "acked_at": now}
    inserted = await session.execute(
        _insert(session)(NoticeAck)
        .values(values)
        .on_conflict_do_nothing(index_elements=["notice_id", "user_id"])
        .returning(NoticeAck.id)
    )
    first = inserted.first() is not None
    return AckOutcome(first=first, notice=info(notice))


async def _names(session: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = await session.scalars(select(User).where(User.id.in_(user_ids)))
    names = {}
    for user in rows:
        name = " ".join(part for part in (user.first_name, user.last_name) if part)
        names[user.id] = name or (f"@{user.username}" if user.username else str(user.id))
    return {user_id: names.get(user_id, str(user_id)) for user_id in user_ids}


async def pending_by_group(session: AsyncSession, notice_id: int) -> dict[int, list[int]]:
    """Who has not acknowledged, per reached chat (a member of several in the first only):
    active members, not bots, not the author."""
    notice = await session.get(Notice, notice_id)
    if notice is None:
        return {}
    reached = await delivered_group_ids(session, notice_id)
    if not reached:
        return {}
    acked = select(NoticeAck.user_id).where(NoticeAck.notice_id == notice_id)
    rows = await session.execute(
        select(Membership.group_id, Membership.user_id, User.username)
        .outerjoin(User, User.id == Membership.user_id)
        .where(
            Membership.group_id.in_(reached),
            Membership.status == MemberStatus.ACTIVE,
            Membership.user_id != notice.author_id,
            Membership.user_id.not_in(acked),
        )
        .order_by(Membership.group_id, Membership.user_id)
    )
    seen: set[int] = set()
    pending: dict[int, list[int]] = {}
    for group_id, user_id, username in rows:
        # Telegram requires a bot's username to end in "bot"; people cannot press buttons.
        if user_id in seen or (username or "").lower().endswith("bot"):
            continue
        seen.add(user_id)
        pending.setdefault(int(group_id), []).append(int(user_id))
    return pending


async def ack_status(session: AsyncSession, notice_id: int) -> AckStatus:
    """Who has acknowledged (in order) and who of the reached chats' members has not."""
    acked_ids = [
        int(user_id)
        for user_id in await session.scalars(
            select(NoticeAck.user_id)
            .where(NoticeAck.notice_id == notice_id)
            .order_by(NoticeAck.acked_at, NoticeAck.id)
        )
    ]
    by_group = await pending_by_group(session, notice_id)
    pending_ids = [user_id for ids in by_group.values() for user_id in ids]
    names = await _names(session, acked_ids + pending_ids)
    pending = sorted((AckPerson(uid, names[uid]) for uid in pending_ids), key=lambda p: p.name)
    return AckStatus(acked=[AckPerson(uid, names[uid]) for uid in acked_ids], pending=pending)


async def ack_counts(
    session: AsyncSession, group_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    """Acknowledgements per member in a group in [since, until), for the assessment."""
    rows = await session.execute(
        select(NoticeAck.user_id, func.count())
        .where(
            NoticeAck.group_id == group_id,
            NoticeAck.acked_at >= since,
            NoticeAck.acked_at < until,
        )
        .group_by(NoticeAck.user_id)
    )
    return {int(user_id): int(count) for user_id, count in rows}
