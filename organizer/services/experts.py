"""A group's experts: members unanswered questions are raised to, besides the admins
(charter 四(二)). Kept in their own table (not Group.settings) so that adding one is a single
idempotent insert that cannot race with other writers of the settings dict."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.content.rows import insert_new
from organizer.models.content import GroupExpert
from organizer.services.sweep import group_admin_ids


async def list_ids(session: AsyncSession, group_id: int) -> list[int]:
    rows = await session.scalars(
        select(GroupExpert.user_id)
        .where(GroupExpert.group_id == group_id)
        .order_by(GroupExpert.created_at, GroupExpert.id)
    )
    return list(rows)


async def add(
    session: AsyncSession, group_id: int, user_id: int, *, added_by: int | None, now: datetime
) -> bool:
    """True when `user_id` became an expert; False when they already were one. The user must
    be known (users.remember) first."""
    values = {"group_id": group_id, "user_id": user_id, "added_by": added_by, "created_at": now}
    return await insert_new(session, GroupExpert, values, ["group_id", "user_id"]) is not None


async def remove(session: AsyncSession, group_id: int, user_id: int) -> bool:
    removed = await session.execute(
        delete(GroupExpert)
        .where(GroupExpert.group_id == group_id, GroupExpert.user_id == user_id)
        .returning(GroupExpert.id)
    )
    return removed.first() is not None


async def responders(
    session: AsyncSession, group_id: int, *, exclude: int | None = None
) -> list[int]:
    """Who an unanswered question goes to: the group's admins and experts, each once, in that
    order, without the asker."""
    found = [*await group_admin_ids(session, group_id), *await list_ids(session, group_id)]
    return [user_id for user_id in dict.fromkeys(found) if user_id != exclude]
