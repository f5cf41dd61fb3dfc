"""A small database helper the content services share."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import Base


async def insert_new(
    session: AsyncSession, model: type[Base], values: dict[str, Any], key: list[str]
) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new row's id, or None when a row with
    the same `key` exists. Atomic on both databases, so a message Telegram delivers twice (or
    two updates handled at once) is recorded once, without a select-then-insert race."""
    await session.flush()  # the caller's pending rows (e.g. the group) must exist first
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=key)
        .returning(model.__table__.c.id)
    )
    new_id = (await session.execute(statement)).scalar_one_or_none()
    return None if new_id is None else int(new_id)
