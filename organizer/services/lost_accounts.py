"""Charter 六(一)2: a member reports a compromised account; the admins of every group that
account is in are alerted and can restrict it everywhere at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import LostAccountReport, MemberRole, Membership, MemberStatus, User

PRESENT = (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)


@dataclass(frozen=True)
class LostReport:
    id: int
    reporter_id: int
    reported_user_id: int
    group_ids: tuple[int, ...]
    restricted_by: int | None


async def resolve_account(session: AsyncSession, text: str) -> int | None:
    """A numeric id, or the id of a @username the bot has seen."""
    text = text.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    name = text.removeprefix("@").lower()
    if not name:
        return None
    return await session.scalar(select(User.id).where(func.lower(User.username) == name))


async def groups_of(session: AsyncSession, user_id: int) -> tuple[int, ...]:
    rows = await session.scalars(
        select(Membership.group_id).where(
            Membership.user_id == user_id, Membership.status.in_(PRESENT)
        )
    )
    return tuple(rows)


async def report(
    session: AsyncSession, *, reporter_id: int, reported_user_id: int, now: datetime
) -> LostReport:
    row = LostAccountReport(
        reporter_id=reporter_id, reported_user_id=reported_user_id, created_at=now
    )
    session.add(row)
    await session.flush()
    groups = await groups_of(session, reported_user_id) or await groups_of(session, reporter_id)
    return LostReport(row.id, reporter_id, reported_user_id, groups, None)


async def admins_of(session: AsyncSession, group_ids: tuple[int, ...]) -> list[int]:
    rows = await session.scalars(
        select(Membership.user_id)
        .where(
            Membership.group_id.in_(group_ids),
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
        .distinct()
    )
    return sorted(rows)


async def get(session: AsyncSession, report_id: int) -> LostReport | None:
    row = await session.get(LostAccountReport, report_id)
    if row is None:
        return None
    groups = await groups_of(session, row.reported_user_id)
    return LostReport(row.id, row.reporter_id, row.reported_user_id, groups, row.restricted_by)


async def mark_restricted(
    session: AsyncSession, report_id: int, *, admin_id: int, now: datetime
) -> int | None:
    """Record who restricted the account; returns who did it first when it already was."""
    row = await lock_one(session, LostAccountReport, LostAccountReport.id == report_id)
    if row is None:
        raise LookupError(report_id)
    if row.restricted_by is not None:
        return row.restricted_by
    row.restricted_by, row.restricted_at = admin_id, now
    await session.flush()
    return None
