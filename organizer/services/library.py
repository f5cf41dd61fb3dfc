"""The material library (charter 三(一), 四(一)3): files and categorised posts, searchable with
/materials, and counted as shares for the assessment (charter 八(二))."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.content.categories import strip_hashtags
from organizer.content.rows import insert_new
from organizer.models.content import LibraryItem

TITLE_MAX = 200
SEARCH_LIMIT_MAX = 50
_URL = re.compile(r"https?://|www\.|t\.me/", re.IGNORECASE)


@dataclass(frozen=True)
class LibraryEntry:
    id: int
    group_id: int
    message_id: int
    author_id: int
    tag: str | None
    title: str
    kind: str
    file_name: str | None
    created_at: datetime


def _entry(row: LibraryItem) -> LibraryEntry:
    return LibraryEntry(
        row.id, row.group_id, row.message_id, row.author_id, row.tag, row.title, row.kind,
        row.file_name, row.created_at,
    )  # fmt: skip


def title_for(text: str, file_name: str | None) -> str:
    """What a library entry is called: the file's name, else the post's first line that says
    something besides hashtags. Empty when there is nothing to call it."""
    if file_name and file_name.strip():
        return file_name.strip()[:TITLE_MAX]
    for line in text.splitlines():
        line = " ".join(strip_hashtags(line).split())
        if line:
            return line[:TITLE_MAX]
    return ""


def kind_for(text: str, *, file_name: str | None, has_media: bool) -> str:
    if file_name:
        return "document"
    if has_media:
        return "media"
    return "link" if _URL.search(text) else "post"


async def catalogue(
    session: AsyncSession,
    *,
    group_id: int,
    message_id: int,
    author_id: int,
    tag: str | None,
    title: str,
    kind: str,
    file_name: str | None,
    now: datetime,
) -> int | None:
    """Add a message to the library; its new id, or None when it is already catalogued (a
    redelivered update) or has no title, so a share is never credited twice."""
    title = title.strip()[:TITLE_MAX]
    if not title:
        return None
    values = {
        "group_id": group_id, "message_id": message_id, "author_id": author_id, "tag": tag,
        "title": title, "kind": kind[:16], "file_name": file_name[:255] if file_name else None,
        "created_at": now,
    }  # fmt: skip
    return await insert_new(session, LibraryItem, values, ["group_id", "message_id"])


async def search(
    session: AsyncSession,
    group_id: int,
    *,
    tag: str | None = None,
    words: Sequence[str] = (),
    limit: int = 10,
) -> list[LibraryEntry]:
    """The newest entries of the group with `tag` (if given) whose title contains every word,
    ignoring case."""
    query = select(LibraryItem).where(LibraryItem.group_id == group_id)
    if tag is not None:
        query = query.where(LibraryItem.tag == tag)
    for word in words:
        if word.strip():
            # lower() on both sides: SQLite's LIKE folds ASCII only, PostgreSQL's not at all.
            query = query.where(
                func.lower(LibraryItem.title).contains(word.strip().lower(), autoescape=True)
            )
    limit = max(1, min(limit, SEARCH_LIMIT_MAX))
    query = query.order_by(LibraryItem.created_at.desc(), LibraryItem.id.desc()).limit(limit)
    return [_entry(row) for row in await session.scalars(query)]


async def share_counts(
    session: AsyncSession, group_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    """How many library entries each member added in [since, until)."""
    rows = await session.execute(
        select(LibraryItem.author_id, func.count())
        .where(
            LibraryItem.group_id == group_id,
            LibraryItem.created_at >= since,
            LibraryItem.created_at < until,
        )
        .group_by(LibraryItem.author_id)
    )
    return {int(author): int(count) for author, count in rows}


def message_link(chat_id: int, message_id: int, username: str | None = None) -> str:
    """A link that opens the message: t.me/<username>/<id> for a public group, else the
    members-only t.me/c/<internal id>/<id> (the chat id without its -100 prefix)."""
    if username:
        return f"https://t.me/{username.lstrip('@')}/{message_id}"
    internal = -chat_id - 1_000_000_000_000 if chat_id <= -1_000_000_000_000 else abs(chat_id)
    return f"https://t.me/c/{internal}/{message_id}"
