"""The moderation audit trail (charter 五): every moderation action, automatic or by an admin,
one row each, so "who removed my message and why" always has an answer.

Actions are short strings: "delete", "warn", "unwarn", "mute", "unmute", "kick", "ban",
"unban", "undo", "report.<resolution>", "setlog", "blockword.add", "blockword.remove", ...
`details` is a small JSON object (the rule hit, a duration, the log chat set, ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models.moderation import AuditEntry

MAX_ACTION = 32


@dataclass(frozen=True)
class AuditInfo:
    id: int
    group_id: int | None  # None: an organisation-wide action
    actor_id: int | None  # None: the bot
    action: str
    target_user_id: int | None
    violation_id: int | None
    details: Mapping[str, Any]
    created_at: datetime


async def log(
    session: AsyncSession,
    *,
    group_id: int | None,
    actor_id: int | None,
    action: str,
    target_user_id: int | None = None,
    violation_id: int | None = None,
    details: Mapping[str, Any] | None = None,
    now: datetime,
) -> int:
    """Write one entry; returns its id. `details` must be JSON-serialisable."""
    if not action or len(action) > MAX_ACTION:
        raise ValueError(f"audit action must be 1-{MAX_ACTION} characters: {action!r}")
    row = AuditEntry(
        group_id=group_id,
        actor_id=actor_id,
        action=action,
        target_user_id=target_user_id,
        violation_id=violation_id,
        details=dict(details or {}),
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return row.id


async def recent(session: AsyncSession, group_id: int | None, limit: int = 20) -> list[AuditInfo]:
    """The latest entries of a group (None: the organisation-wide ones), newest first."""
    where = AuditEntry.group_id.is_(None) if group_id is None else AuditEntry.group_id == group_id
    rows = await session.scalars(
        select(AuditEntry)
        .where(where)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        AuditInfo(
            row.id,
            row.group_id,
            row.actor_id,
            row.action,
            row.target_user_id,
            row.violation_id,
            dict(row.details or {}),
            row.created_at,
        )
        for row in rows
    ]
