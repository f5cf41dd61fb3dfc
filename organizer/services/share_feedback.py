"""How shares were received (charter 八(二) "share quality"): replies and reactions from other
members, and the admins' featured mark (/feature).

A response counts once per person and kind on a share (`ShareResponse`), and at most
`PER_SHARE_CAP` of each kind count per share, so one popular post or a friend's repeated 👍
cannot outweigh steady good sharing. Responses count in the period they were given; a featured
mark in the period it was set.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models.content import LibraryItem, ShareResponse, ShareResponseKind
from organizer.services import library

PER_SHARE_CAP = 10


class FeatureStatus(enum.StrEnum):
    FEATURED = "featured"
    ALREADY = "already"
    UNFEATURED = "unfeatured"
    NOT_FEATURED = "not_featured"  # /unfeature on a share that carries no mark
    OWN = "own"  # an admin's own share: the mark is for others' work
    NOTHING = "nothing"  # no text or file to keep in the library


@dataclass(frozen=True)
class FeatureResult:
    status: FeatureStatus
    item_id: int | None = None
    author_id: int | None = None
    title: str = ""


async def _item(session: AsyncSession, group_id: int, message_id: int) -> LibraryItem | None:
    item: LibraryItem | None = await session.scalar(
        select(LibraryItem).where(
            LibraryItem.group_id == group_id, LibraryItem.message_id == message_id
        )
    )
    return item


async def respond(
    session: AsyncSession, *, group_id: int, message_id: int, user_id: int,
    kind: ShareResponseKind, now: datetime,
) -> bool:  # fmt: skip
    """Record a reply or reaction to the message if it is someone else's share; True if so."""
    item = await _item(session, group_id, message_id)
    if item is None or item.author_id == user_id:
        return False
    values = {"item_id": item.id, "user_id": user_id, "kind": kind.value, "created_at": now}
    await insert_if_absent(session, ShareResponse, values, ["item_id", "user_id", "kind"])
    return True


async def withdraw_reaction(
    session: AsyncSession, *, group_id: int, message_id: int, user_id: int
) -> bool:
    """The member took all their reactions back: the share no longer counts theirs."""
    item = await _item(session, group_id, message_id)
    if item is None:
        return False
    result = await session.execute(
        delete(ShareResponse).where(
            ShareResponse.item_id == item.id, ShareResponse.user_id == user_id,
            ShareResponse.kind == ShareResponseKind.REACTION.value,
        )
    )  # fmt: skip
    return bool(getattr(result, "rowcount", 0))


async def feature(
    session: AsyncSession, *, group_id: int, message_id: int, author_id: int, text: str,
    file_name: str | None, has_media: bool, by: int, now: datetime,
) -> FeatureResult:  # fmt: skip
    """Mark the message as a featured share, adding it to the library first if it is not
    there (an untagged but valuable post). The caller checks that `by` is a group admin."""
    if author_id == by:
        return FeatureResult(FeatureStatus.OWN)
    if await _item(session, group_id, message_id) is None:
        await library.catalogue(
            session, group_id=group_id, message_id=message_id, author_id=author_id, tag=None,
            title=library.title_for(text, file_name),
            kind=library.kind_for(text, file_name=file_name, has_media=has_media),
            file_name=file_name, now=now,
        )  # fmt: skip
    item = await lock_one(
        session, LibraryItem, LibraryItem.group_id == group_id, LibraryItem.message_id == message_id
    )
    if item is None:
        return FeatureResult(FeatureStatus.NOTHING)
    status = FeatureStatus.ALREADY if item.featured_at is not None else FeatureStatus.FEATURED
    if status is FeatureStatus.FEATURED:
        item.featured_at, item.featured_by = now, by
        await session.flush()
    return FeatureResult(status, item.id, item.author_id, item.title)


async def unfeature(session: AsyncSession, *, group_id: int, message_id: int) -> FeatureResult:
    item = await lock_one(
        session, LibraryItem, LibraryItem.group_id == group_id, LibraryItem.message_id == message_id
    )
    if item is None or item.featured_at is None:
        return FeatureResult(FeatureStatus.NOT_FEATURED)
    item.featured_at = item.featured_by = None
    await session.flush()
    return FeatureResult(FeatureStatus.UNFEATURED, item.id, item.author_id, item.title)


async def indicators(
    session: AsyncSession, group_id: int, since: datetime, until: datetime
) -> dict[str, dict[int, int]]:
    """share_replies, share_reactions and featured per author, for scores."""
    result = {
        "share_replies": await _responses(session, group_id, ShareResponseKind.REPLY, since, until),
        "share_reactions": await _responses(
            session, group_id, ShareResponseKind.REACTION, since, until
        ),
    }
    rows = await session.execute(
        select(LibraryItem.author_id, func.count())
        .where(
            LibraryItem.group_id == group_id,
            LibraryItem.featured_at >= since, LibraryItem.featured_at < until,
        )
        .group_by(LibraryItem.author_id)
    )  # fmt: skip
    result["featured"] = {int(author): int(count) for author, count in rows}
    return result


async def _responses(
    session: AsyncSession, group_id: int, kind: ShareResponseKind, since: datetime,
    until: datetime,
) -> dict[int, int]:  # fmt: skip
    per_share = (
        select(LibraryItem.author_id.label("author"), func.count().label("n"))
        .join(ShareResponse, ShareResponse.item_id == LibraryItem.id)
        .where(
            LibraryItem.group_id == group_id,
            and_(ShareResponse.kind == kind.value, ShareResponse.created_at >= since,
                 ShareResponse.created_at < until),
        )
        .group_by(LibraryItem.id, LibraryItem.author_id)
        .subquery()
    )  # fmt: skip
    capped = case((per_share.c.n > PER_SHARE_CAP, PER_SHARE_CAP), else_=per_share.c.n)
    rows = await session.execute(
        select(per_share.c.author, func.sum(capped)).group_by(per_share.c.author)
    )
    return {int(author): int(total or 0) for author, total in rows}
