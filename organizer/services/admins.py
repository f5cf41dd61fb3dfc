"""Who may administer a group: Telegram admins (synced) and organisation admins (configured)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.models import MemberRole, Membership, MemberStatus
from organizer.services import users
from organizer.services.group_context import group_changed
from organizer.services.users import TelegramProfile

# The rights /setup checks and reports: each one some feature depends on.
REQUIRED_BOT_RIGHTS = (
    "can_delete_messages",
    "can_restrict_members",
    "can_invite_users",
    "can_pin_messages",
)


@dataclass(frozen=True)
class AdminEntry:
    profile: TelegramProfile
    is_owner: bool = False


@dataclass(frozen=True)
class AdminSyncResult:
    admin_ids: frozenset[int]
    promoted: frozenset[int]
    demoted: frozenset[int]


def missing_rights(rights: dict[str, bool] | None) -> list[str]:
    """The required rights the bot lacks; None means the bot is not an admin at all."""
    if rights is None:
        return list(REQUIRED_BOT_RIGHTS)
    return [right for right in REQUIRED_BOT_RIGHTS if not rights.get(right)]


async def ensure_membership(
    session: AsyncSession, group_id: int, user_id: int, *, now: datetime
) -> Membership:
    values = {
        "group_id": group_id,
        "user_id": user_id,
        "role": MemberRole.MEMBER,
        "status": MemberStatus.ACTIVE,
        "joined_at": now,
        "updated_at": now,
    }
    await insert_if_absent(session, Membership, values, key=["group_id", "user_id"])
    membership = await session.scalar(
        select(Membership).where(Membership.group_id == group_id, Membership.user_id == user_id)
    )
    assert membership is not None
    return membership


async def sync_group_admins(
    session: AsyncSession, group_id: int, admins: Iterable[AdminEntry], *, now: datetime
) -> AdminSyncResult:
    """Make the stored admin roles match Telegram's list of administrators for the group."""
    admins = list(admins)
    current = {entry.profile.id: entry for entry in admins}
    stored = await session.scalars(
        select(Membership).where(
            Membership.group_id == group_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
        )
    )
    demoted = set()
    for membership in stored:
        if membership.user_id not in current:
            membership.role = MemberRole.MEMBER
            membership.updated_at = now
            demoted.add(membership.user_id)
    promoted = set()
    for entry in admins:
        await users.remember(session, entry.profile, now=now)
        membership = await ensure_membership(session, group_id, entry.profile.id, now=now)
        role = MemberRole.OWNER if entry.is_owner else MemberRole.ADMIN
        if membership.role != role:
            promoted.add(entry.profile.id)
        membership.role = role
        membership.status = MemberStatus.ACTIVE
        membership.updated_at = now
    await session.flush()
    group_changed(session, group_id)
    return AdminSyncResult(frozenset(current), frozenset(promoted), frozenset(demoted))


async def record_member_status(
    session: AsyncSession,
    group_id: int,
    profile: TelegramProfile,
    *,
    status: MemberStatus,
    role: MemberRole,
    now: datetime,
) -> None:
    """A chat_member update: someone joined, left, was promoted or demoted."""
    await users.remember(session, profile, now=now)
    membership = await ensure_membership(session, group_id, profile.id, now=now)
    was_present = membership.status in (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)
    is_present = status in (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)
    if is_present and not was_present:
        membership.joined_at, membership.left_at = now, None
    if was_present and not is_present:
        membership.left_at = now
    membership.status = status
    membership.role = role
    membership.updated_at = now
    await session.flush()
    group_changed(session, group_id)


async def is_group_admin(
    session: AsyncSession, group_id: int, user_id: int, *, org_admin_ids: Iterable[int] = ()
) -> bool:
    if user_id in set(org_admin_ids):
        return True
    role = await session.scalar(
        select(Membership.role).where(
            Membership.group_id == group_id,
            Membership.user_id == user_id,
            Membership.status == MemberStatus.ACTIVE,
        )
    )
    return role in (MemberRole.ADMIN, MemberRole.OWNER)


async def administered_group_ids(session: AsyncSession, user_id: int) -> list[int]:
    rows = await session.scalars(
        select(Membership.group_id).where(
            Membership.user_id == user_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
    )
    return list(rows)
