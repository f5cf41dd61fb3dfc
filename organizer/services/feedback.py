"""Suggestions to a group's admins (charter 五(二)5): stored, answered, marked handled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Feedback, Group, Membership, MemberStatus
from organizer.services.sweep import group_admin_ids

CALLBACK_PREFIX = "v1fb"
MAX_LENGTH = 3000


@dataclass(frozen=True)
class FeedbackInfo:
    id: int
    group_id: int | None
    user_id: int
    text: str
    status: str
    reply: str | None
    handled_by: int | None


def _info(row: Feedback) -> FeedbackInfo:
    return FeedbackInfo(
        row.id, row.group_id, row.user_id, row.text, row.status, row.reply, row.handled_by
    )


async def member_groups(session: AsyncSession, user_id: int) -> list[tuple[int, str]]:
    """The groups (id, title) a member can send a suggestion to."""
    rows = await session.execute(
        select(Group.id, Group.title)
        .join(Membership, Membership.group_id == Group.id)
        .where(
            Membership.user_id == user_id,
            Membership.status.in_([MemberStatus.ACTIVE, MemberStatus.RESTRICTED]),
            Group.bot_is_member.is_(True),
        )
        .order_by(Group.title)
    )
    return [(int(gid), str(title)) for gid, title in rows]


async def submit(
    session: AsyncSession, *, group_id: int, user_id: int, text: str, now: datetime
) -> FeedbackInfo:
    text = text.strip()[:MAX_LENGTH]
    if not text:
        raise ValueError("empty feedback")
    row = Feedback(group_id=group_id, user_id=user_id, text=text, created_at=now)
    session.add(row)
    await session.flush()
    return _info(row)


async def recipients(
    session: AsyncSession, group_id: int | None, org_admin_ids: tuple[int, ...]
) -> list[int]:
    """The group's admins, or the organisation's admins when the group has none."""
    ids = await group_admin_ids(session, group_id) if group_id is not None else []
    return ids or list(org_admin_ids)


async def get(session: AsyncSession, feedback_id: int) -> FeedbackInfo | None:
    row = await session.get(Feedback, feedback_id)
    return _info(row) if row else None


async def mark_handled(
    session: AsyncSession, feedback_id: int, *, admin_id: int, reply: str | None, now: datetime
) -> tuple[FeedbackInfo, bool]:
    """(the feedback, True if this call handled it; False: someone already had)."""
    row = await lock_one(session, Feedback, Feedback.id == feedback_id)
    if row is None:
        raise LookupError(feedback_id)
    if row.status == "handled":
        return _info(row), False
    row.status, row.handled_by, row.handled_at = "handled", admin_id, now
    row.reply = reply.strip()[:MAX_LENGTH] if reply else None
    await session.flush()
    return _info(row), True
