"""The daily news quota: slots, the next free slot, deferral, and no lost update when two news
posts race for the last slot."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from organizer.models.content import NewsPost
from organizer.services import news_quota, scheduled_actions
from tests.organizer.members.fixtures import ANNA, BO, GROUP, make_group

TODAY = date(2026, 3, 2)  # START is 09:00 on this Monday in Asia/Shanghai


async def _claim(session, message_id, *, quota=3, author=ANNA.id, now, day=TODAY):
    return await news_quota.claim(
        session, group_id=GROUP, author_id=author, message_id=message_id, day=day, quota=quota,
        now=now,
    )  # fmt: skip


async def test_quota_fills_then_points_at_tomorrow_morning(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    now = clock.now()
    outcomes = [await _claim(session, m, now=now) for m in (1, 2, 3)]
    assert [(o.allowed, o.used) for o in outcomes] == [(True, 1), (True, 2), (True, 3)]
    again = await _claim(session, 2, now=now)  # a redelivered update keeps its slot
    assert again.allowed and again.used == 3
    refused = await _claim(session, 4, now=now)
    assert not refused.allowed and refused.used == 3
    # 09:00 tomorrow in Shanghai is 01:00 UTC.
    assert refused.next_slot == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    other_day = await _claim(session, 5, now=now, day=date(2026, 3, 3))
    assert other_day.allowed and other_day.used == 1


async def test_deferral_reserves_the_slot_and_spreads_the_next(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    now = clock.now()
    for m in (1, 2):
        await _claim(session, m, quota=2, now=now)
    refused = await _claim(session, 3, quota=2, now=now)
    assert refused.next_slot is not None
    action_id = await news_quota.defer(
        session, group_id=GROUP, author_id=BO.id, text="#政策 新规", slot=refused.next_slot,
        now=now, author_name="Bo", tag="policy",
    )  # fmt: skip
    [action] = await scheduled_actions.pending(session, kind=news_quota.DEFERRED_KIND)
    assert action.id == action_id and action.due_at == refused.next_slot
    assert action.payload["text"] == "#政策 新规" and action.payload["author_name"] == "Bo"
    # The next refusal goes half an hour later, and once tomorrow is full, to the day after.
    second = await _claim(session, 4, quota=2, now=now)
    assert second.next_slot == datetime(2026, 3, 3, 1, 30, tzinfo=UTC)
    await news_quota.defer(session, group_id=GROUP, author_id=BO.id, text="x",
                           slot=second.next_slot, now=now)  # fmt: skip
    third = await _claim(session, 5, quota=2, now=now)
    assert third.next_slot == datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    # Tomorrow's own posts find the reserved slots taken.
    tomorrow = await _claim(session, 6, quota=2, now=now, day=date(2026, 3, 3))
    assert not tomorrow.allowed and tomorrow.used == 2


async def test_mark_posted_fills_in_the_message(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    slot = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    await news_quota.defer(session, group_id=GROUP, author_id=BO.id, text="t", slot=slot,
                           now=clock.now())  # fmt: skip
    [action] = await scheduled_actions.pending(session)
    await news_quota.mark_posted(session, action.payload["news_post_id"], message_id=77, now=slot)
    row = await session.scalar(select(NewsPost).execution_options(populate_existing=True))
    assert row is not None and (row.message_id, row.deferred, row.day) == (
        77,
        True,
        date(2026, 3, 3),
    )


async def test_bad_quota_and_unknown_group(session, clock) -> None:
    with pytest.raises(ValueError):
        await _claim(session, 1, quota=0, now=clock.now())
    with pytest.raises(LookupError):
        await _claim(session, 1, now=clock.now())


async def test_two_posts_racing_for_the_last_slot(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    async with session_factory() as session:
        await _claim(session, 1, quota=2, now=now)
        await session.commit()

    async def post(message_id: int) -> news_quota.QuotaOutcome:
        async with session_factory() as session:
            outcome = await _claim(session, message_id, quota=2, now=now)
            await asyncio.sleep(0.05)  # hold the lock a little: the other must wait for it
            await session.commit()
            return outcome

    outcomes = await asyncio.gather(post(10), post(11))
    assert sorted(o.allowed for o in outcomes) == [False, True]
    async with session_factory() as session:
        count = len((await session.scalars(select(NewsPost))).all())
    assert count == 2
