"""Read a membership row for changing it, one writer at a time.

Telegram reports one join several ways (chat_member, the service message) and aiogram handles
updates concurrently, so two transactions may change the same membership at once. A plain
read-then-write lets the later commit silently undo the earlier one. Touching the row with an
UPDATE first (database.lock_one) takes the write lock before anything is read, so the second
writer reads what the first wrote.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Membership


async def lock(session: AsyncSession, group_id: int, user_id: int) -> Membership | None:
    return await lock_one(
        session, Membership, Membership.group_id == group_id, Membership.user_id == user_id
    )
