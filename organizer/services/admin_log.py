"""Where a group's moderation cards go (charter 五): its own admin log chat, else the
organisation's, else nowhere (the handler then falls back to the admins' private chats).

Stored in `admin_log_chats`, keyed by scope: the group's id, or ORG_SCOPE (0) for the
organisation-wide log. Telegram chat ids are never 0, so the two cannot collide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models.moderation import ORG_SCOPE, AdminLogChat


@dataclass(frozen=True)
class LogDestination:
    group_id: int | None  # None: the organisation-wide setting
    chat_id: int | None  # None: cleared
    previous_chat_id: int | None


def _scope(group_id: int | None) -> int:
    return ORG_SCOPE if group_id is None else group_id


async def set_destination(
    session: AsyncSession,
    *,
    group_id: int | None,
    chat_id: int | None,
    by: int | None,
    now: datetime,
) -> LogDestination:
    """Set (chat_id None: clear) the log chat of a group, or with group_id None of the
    organisation."""
    scope = _scope(group_id)
    row = await lock_one(session, AdminLogChat, AdminLogChat.scope == scope)
    previous = row.chat_id if row else None
    if chat_id is None:
        if row is not None:
            await session.delete(row)
            await session.flush()
        return LogDestination(group_id, None, previous)
    if row is None:
        values = {"scope": scope, "chat_id": chat_id, "set_by": by, "set_at": now}
        await insert_if_absent(session, AdminLogChat, values, key=["scope"])
        # Ours, or a concurrent /setlog's: either way this call's choice is written last.
        row = await lock_one(session, AdminLogChat, AdminLogChat.scope == scope)
        assert row is not None
    row.chat_id, row.set_by, row.set_at = chat_id, by, now
    await session.flush()
    return LogDestination(group_id, chat_id, previous)


async def destination(session: AsyncSession, group_id: int | None) -> int | None:
    """The group's own log chat, else the organisation's, else None."""
    scopes = [ORG_SCOPE] if group_id is None else [group_id, ORG_SCOPE]
    result = await session.execute(
        select(AdminLogChat.scope, AdminLogChat.chat_id).where(AdminLogChat.scope.in_(scopes))
    )
    rows = {int(scope): int(chat) for scope, chat in result}
    for scope in scopes:
        if scope in rows:
            return rows[scope]
    return None
