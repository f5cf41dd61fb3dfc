"""A group's changes to the banned-content lexicon (charter 四(三)).

The default terms live with the moderation pipeline; a group only stores its changes, one row
per (category, term): mode "add" puts a term in, "remove" takes a default term out. The group's
lexicon is therefore (defaults ∪ added) − removed, per category, built from `extras()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models.moderation import BlockWord

CATEGORIES = ("porn", "violence", "gambling", "fraud", "subversion", "abuse")
MAX_TERM = 50
ADD, REMOVE = "add", "remove"


class BlockWordError(ValueError):
    """Bad input for a block word; `key` is a catalogue key (moderation_admin.ftl), `params`
    its arguments: `texts(error.key, **error.params)`."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class BlockWordChange:
    group_id: int
    category: str
    term: str
    mode: str | None  # "add" | "remove" | None: the group's own change was deleted
    changed: bool  # False: it already was so


def validate(category: str, term: str) -> tuple[str, str]:
    """The category and term as stored; raises BlockWordError."""
    category = category.strip().lower()
    if category not in CATEGORIES:
        raise BlockWordError(
            "moderation-admin-blockword-bad-category",
            category=category,
            categories=", ".join(CATEGORIES),
        )
    term = term.strip()
    if not 1 <= len(term) <= MAX_TERM:
        raise BlockWordError("moderation-admin-blockword-bad-term", max=str(MAX_TERM))
    return category, term


async def _set_mode(
    session: AsyncSession,
    group_id: int,
    category: str,
    term: str,
    mode: str,
    by: int | None,
    now: datetime,
) -> BlockWordChange:
    where = (BlockWord.group_id == group_id, BlockWord.category == category, BlockWord.term == term)
    row = await lock_one(session, BlockWord, *where)
    if row is None:
        # Nothing to lock yet; a concurrent twin inserting the same row wins harmlessly.
        values = {
            "group_id": group_id,
            "category": category,
            "term": term,
            "mode": mode,
            "added_by": by,
            "created_at": now,
        }
        await insert_if_absent(session, BlockWord, values, key=["group_id", "category", "term"])
        return BlockWordChange(group_id, category, term, mode, True)
    if row.mode == mode:
        return BlockWordChange(group_id, category, term, mode, False)
    row.mode, row.added_by, row.created_at = mode, by, now
    await session.flush()
    return BlockWordChange(group_id, category, term, mode, True)


async def add(
    session: AsyncSession, group_id: int, category: str, term: str, by: int | None, now: datetime
) -> BlockWordChange:
    """Block a term in the group (also undoes an earlier removal of a default term)."""
    category, term = validate(category, term)
    return await _set_mode(session, group_id, category, term, ADD, by, now)


async def remove(
    session: AsyncSession,
    group_id: int,
    category: str,
    term: str,
    by: int | None,
    now: datetime,
    *,
    is_default: bool,
) -> BlockWordChange:
    """Unblock a term. A default term (`is_default`, the caller knows the default lexicon)
    gets a "remove" row; a term the group added itself simply loses its "add" row."""
    category, term = validate(category, term)
    if is_default:
        return await _set_mode(session, group_id, category, term, REMOVE, by, now)
    where = (BlockWord.group_id == group_id, BlockWord.category == category, BlockWord.term == term)
    row = await lock_one(session, BlockWord, *where)
    if row is None or row.mode != ADD:
        return BlockWordChange(group_id, category, term, row.mode if row else None, False)
    await session.delete(row)
    await session.flush()
    return BlockWordChange(group_id, category, term, None, True)


async def _rows(session: AsyncSession, group_id: int) -> list[BlockWord]:
    rows = await session.scalars(
        select(BlockWord)
        .where(BlockWord.group_id == group_id)
        .order_by(BlockWord.category, BlockWord.term)
    )
    return list(rows)


async def extras(
    session: AsyncSession, group_id: int
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(added, removed): category → sorted terms, only categories that have any."""
    added: dict[str, list[str]] = {}
    removed: dict[str, list[str]] = {}
    for row in await _rows(session, group_id):
        (added if row.mode == ADD else removed).setdefault(row.category, []).append(row.term)
    return added, removed


async def list_for(session: AsyncSession, group_id: int) -> dict[str, dict[str, list[str]]]:
    """category → {"added": [...], "removed": [...]}, only categories the group changed."""
    added, removed = await extras(session, group_id)
    return {
        category: {"added": added.get(category, []), "removed": removed.get(category, [])}
        for category in CATEGORIES
        if category in added or category in removed
    }
