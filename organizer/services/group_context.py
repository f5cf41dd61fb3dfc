"""What the hot path needs to know about a group, read once and kept in memory.

Every group message runs through moderation, which needs the group's kind, settings, admins and
blocked words. Reading them per message would put the database on the hot path, so they are
cached per group and dropped when something changes them (`group_changed`, called by the
services that change settings, admins or word lists) and, because other processes may change
them too (several bot instances in production), after a short time-to-live as well.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session

from organizer.models import Group, MemberRole, Membership, MemberStatus
from organizer.services import blockwords

DEFAULT_TTL_SECONDS = 60.0

# Weak references: a cache that is gone (a finished test's dispatcher) stops listening.
_listeners: list[weakref.WeakMethod[Callable[[int | None], None]]] = []
_PENDING = "organizer.changed_groups"


def subscribe(listener: Callable[[int | None], None]) -> Callable[[], None]:
    """Call the bound method `listener(group_id)` whenever a group's cached facts change;
    returns an unsubscribe."""
    ref = weakref.WeakMethod(listener)
    _listeners.append(ref)
    return lambda: _listeners.remove(ref) if ref in _listeners else None


def group_changed(session: AsyncSession, group_id: int | None = None) -> None:
    """A group's settings, admins or word lists changed (None: every group). Listeners hear of
    it when the session commits: dropping the cache earlier would let a concurrent message
    read the old state back into it."""
    session.sync_session.info.setdefault(_PENDING, set()).add(group_id)


def notify(group_id: int | None) -> None:
    """Tell every listener in this process now (a change another process committed)."""
    for ref in list(_listeners):
        listener = ref()
        if listener is None:
            _listeners.remove(ref)
        else:
            listener(group_id)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    for group_id in session.info.pop(_PENDING, set()):
        notify(group_id)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


@dataclass
class GroupContext:
    group_id: int
    title: str
    kind: str | None
    language: str
    timezone: str
    settings: dict[str, Any]
    admin_ids: frozenset[int]
    setup_done: bool
    # The group's block words: (added, removed), category → terms (blockwords.extras).
    blockwords: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    # Derived objects (policy, lexicon) built by their users and kept with the context.
    memo: dict[str, Any] = field(default_factory=dict)


class GroupContextCache:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._factory = session_factory
        self._ttl = ttl_seconds
        self._monotonic = monotonic
        self._entries: dict[int, tuple[float, GroupContext | None]] = {}
        self._unsubscribe = subscribe(self.invalidate)

    def invalidate(self, group_id: int | None = None) -> None:
        if group_id is None:
            self._entries.clear()
        else:
            self._entries.pop(group_id, None)

    def close(self) -> None:
        self._unsubscribe()

    async def get(self, group_id: int) -> GroupContext | None:
        now = self._monotonic()
        cached = self._entries.get(group_id)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        async with self._factory() as session:
            context = await load(session, group_id)
        self._entries[group_id] = (now, context)
        return context


async def load(session: AsyncSession, group_id: int) -> GroupContext | None:
    group = await session.get(Group, group_id)
    if group is None:
        return None
    admins = await session.scalars(
        select(Membership.user_id).where(
            Membership.group_id == group_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
    )
    return GroupContext(
        group_id=group.id,
        title=group.title,
        kind=group.kind,
        language=group.language,
        timezone=group.timezone,
        settings=dict(group.settings or {}),
        admin_ids=frozenset(admins),
        setup_done=group.setup_completed_at is not None,
        blockwords=await blockwords.extras(session, group_id),
    )
