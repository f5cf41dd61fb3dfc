"""The hot path's per-group cache: read once, dropped on commit of a change, or after its TTL."""

from __future__ import annotations

from organizer.database import unit_of_work
from organizer.models import Group
from organizer.services import groups
from organizer.services.group_context import GroupContextCache, group_changed

GROUP = -100777


class Ticker:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _rename(session_factory, title: str, *, announce: bool, commit: bool = True) -> None:
    async with session_factory() as session:
        group = await session.get(Group, GROUP)
        group.title = title
        if announce:
            group_changed(session, GROUP)
        await session.flush()
        if commit:
            await session.commit()
        else:
            await session.rollback()


async def test_cached_until_a_committed_change_or_the_ttl(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="A", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
    ticker = Ticker()
    cache = GroupContextCache(session_factory, ttl_seconds=60, monotonic=ticker)
    try:
        assert (await cache.get(GROUP)).title == "A"
        await _rename(session_factory, "B", announce=False)
        assert (await cache.get(GROUP)).title == "A"  # nobody said: served from memory
        await _rename(session_factory, "C", announce=True, commit=False)
        assert (await cache.get(GROUP)).title == "A"  # rolled back: nothing changed
        await _rename(session_factory, "D", announce=True)
        assert (await cache.get(GROUP)).title == "D"
        await _rename(session_factory, "E", announce=False)
        ticker.now += 61
        assert (await cache.get(GROUP)).title == "E"  # another process changed it: TTL
        assert await cache.get(-1) is None
    finally:
        cache.close()
