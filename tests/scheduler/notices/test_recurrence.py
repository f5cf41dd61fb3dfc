"""Repeating notices: the rule keeps the local wall-clock time across DST, monthly clamps to the
month's end, each occurrence is delivered once and the next one scheduled, until the end date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from organizer.database import unit_of_work
from organizer.models.notices import NoticeStatus
from organizer.services import groups, notices, scheduled_actions
from organizer.services.notices_text import occurrence_at
from tests.fakes import RecordingMessenger
from tests.organizer.notices.fixtures import ADMIN, G1, G2, create, make_world, runner


@pytest.mark.parametrize(
    ("first", "repeat", "n", "timezone", "expected"),
    [
        # 10:00 in Berlin is 09:00 UTC in winter and 08:00 UTC after the change on 29 March.
        (datetime(2026, 3, 23, 9, 0, tzinfo=UTC), "weekly", 1, "Europe/Berlin",
         datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        (datetime(2026, 3, 28, 9, 0, tzinfo=UTC), "daily", 2, "Europe/Berlin",
         datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        (datetime(2026, 1, 31, 1, 0, tzinfo=UTC), "monthly", 1, "Asia/Shanghai",
         datetime(2026, 2, 28, 1, 0, tzinfo=UTC)),
        (datetime(2026, 1, 31, 1, 0, tzinfo=UTC), "monthly", 2, "Asia/Shanghai",
         datetime(2026, 3, 31, 1, 0, tzinfo=UTC)),
        (datetime(2026, 11, 30, 1, 0, tzinfo=UTC), "monthly", 3, "Asia/Shanghai",
         datetime(2027, 2, 28, 1, 0, tzinfo=UTC)),
        (datetime(2026, 3, 2, 1, 0, tzinfo=UTC), "daily", 0, "Asia/Shanghai",
         datetime(2026, 3, 2, 1, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_occurrence_times(first, repeat, n, timezone, expected) -> None:
    assert occurrence_at(first, repeat, n, timezone) == expected


async def _due(session_factory) -> list[tuple[str, datetime]]:
    async with session_factory() as session:
        pending = await scheduled_actions.pending(session, kind=notices.DELIVER_KIND)
    return [(a.dedupe_key or "", a.due_at) for a in pending]


async def test_weekly_notice_across_dst_until_a_date(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    async with unit_of_work(session_factory) as session:
        await groups.configure(session, G1, timezone="Europe/Berlin", now=clock.now())
    first = datetime(2026, 3, 23, 9, 0, tzinfo=UTC)  # Monday 10:00 in Berlin
    notice = await create(session_factory, clock.now(), target_kind="group", target_value=G1,
                          send_at=first, repeat="weekly",
                          repeat_until=datetime(2026, 4, 7, tzinfo=UTC))  # fmt: skip
    assert notice.timezone == "Europe/Berlin"
    messenger = RecordingMessenger()
    run = runner(session_factory, clock, messenger)
    clock.set(first)
    await run.run_until_idle()
    assert len(messenger.texts_to(G1)) == 1
    second = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)  # still 10:00 in Berlin, now summer time
    assert await _due(session_factory) == [(f"notice:{notice.id}:1:{G1}", second)]
    [report] = messenger.texts_to(ADMIN.id)
    assert "下次发送：2026-03-30 10:00" in report
    async with session_factory() as session:
        current = await notices.get(session, notice.id)
    assert current is not None
    assert (current.status, current.occurrence, current.send_at) == ("scheduled", 1, second)
    clock.set(second - timedelta(minutes=1))
    await run.run_until_idle()
    assert len(messenger.texts_to(G1)) == 1
    clock.set(second)
    await run.run_until_idle()
    assert len(messenger.texts_to(G1)) == 2
    # The next (6 April 08:00 UTC) is before the end date; the one after is not.
    assert [due for _, due in await _due(session_factory)] == [
        datetime(2026, 4, 6, 8, 0, tzinfo=UTC)
    ]
    clock.set(datetime(2026, 4, 6, 8, 0, tzinfo=UTC))
    await run.run_until_idle()
    clock.advance(days=30)
    await run.run_until_idle()
    assert len(messenger.texts_to(G1)) == 3
    assert await _due(session_factory) == []
    async with session_factory() as session:
        done = await notices.get(session, notice.id)
        report = await notices.delivery_report(session, notice.id)
    assert done is not None and (done.status, done.occurrence) == (NoticeStatus.SENT, 2)
    assert report.occurrence == 2 and [r.status for r in report.rows] == ["delivered"]


async def test_cancelling_a_repeating_notice_stops_the_next_ones(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    notice = await create(session_factory, clock.now(), target_kind="groups",
                          target_value=[G1, G2], repeat="daily")  # fmt: skip
    messenger = RecordingMessenger()
    run = runner(session_factory, clock, messenger)
    await run.run_until_idle()
    assert len(await _due(session_factory)) == 2
    async with unit_of_work(session_factory) as session:
        await notices.cancel(session, notice.id, by=ADMIN.id, now=clock.now())
    clock.advance(days=2)
    await run.run_until_idle()
    assert len(messenger.texts_to(G1)) == 1 and await _due(session_factory) == []


async def test_a_late_occurrence_does_not_fire_the_missed_ones(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    notice = await create(session_factory, clock.now(), target_kind="group", target_value=G1,
                          repeat="daily")  # fmt: skip
    clock.advance(days=3, hours=1)  # the scheduler was down for three days
    messenger = RecordingMessenger()
    await runner(session_factory, clock, messenger).run_until_idle()
    assert len(messenger.texts_to(G1)) == 1
    assert await _due(session_factory) == [
        (f"notice:{notice.id}:4:{G1}", notice.send_at + timedelta(days=4))
    ]
