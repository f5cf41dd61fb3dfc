"""The tracker counts messages per member and local day in memory and adds them to
member_daily_activity in one UPSERT per flush."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, select

from organizer.database import unit_of_work
from organizer.models.assessment import MemberDailyActivity
from organizer.services import groups
from organizer.services.activity_tracker import ActivityTracker, daily_rows
from tests.organizer.members.fixtures import ANNA, BO, GROUP, make_group

OTHER = -1009002  # a UTC group
UNKNOWN = -1009999  # never registered: its counts are dropped


async def _rows(factory) -> dict[tuple[int, int, date], tuple[int, int, datetime, datetime]]:
    async with factory() as session:
        rows = await session.scalars(select(MemberDailyActivity))
        return {
            (r.group_id, r.user_id, r.day): (r.messages, r.replies, r.first_at, r.last_at)
            for r in rows
        }


async def _world(factory, now: datetime) -> None:
    await make_group(factory, now)
    async with unit_of_work(factory) as session:
        await groups.register(
            session, chat_id=OTHER, title="UTC group", default_timezone="UTC",
            default_language="en", now=now,
        )  # fmt: skip


def _statements(engine) -> list[str]:
    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if "MEMBER_DAILY_ACTIVITY" in statement.upper() and statement.lstrip().upper()[:6] in (
            "INSERT",
            "UPDATE",
        ):
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", before)
    return seen


async def test_flushes_add_up_and_keys_stay_apart(engine, session_factory, clock) -> None:
    await _world(session_factory, clock.now())
    tracker = ActivityTracker()
    # 2026-03-02 15:30 UTC is 23:30 in Shanghai (day 2), 16:10 UTC is 00:10 on day 3
    late, after_midnight = (
        datetime(2026, 3, 2, 15, 30, tzinfo=UTC),
        datetime(2026, 3, 2, 16, 10, tzinfo=UTC),
    )
    tracker.seen(GROUP, ANNA.id, "Anna", late)
    tracker.seen(GROUP, ANNA.id, "Anna", late + timedelta(minutes=5), reply=True)
    tracker.seen(GROUP, ANNA.id, "Anna", after_midnight)
    tracker.seen(GROUP, BO.id, "Bo", late)
    tracker.seen(OTHER, ANNA.id, "Anna", after_midnight)  # UTC: still day 2
    tracker.seen(UNKNOWN, ANNA.id, "Anna", late)
    statements = _statements(engine)
    await tracker.flush(session_factory)
    assert len(statements) == 1  # one executemany UPSERT
    day2, day3 = date(2026, 3, 2), date(2026, 3, 3)
    assert await _rows(session_factory) == {
        (GROUP, ANNA.id, day2): (2, 1, late, late + timedelta(minutes=5)),
        (GROUP, ANNA.id, day3): (1, 0, after_midnight, after_midnight),
        (GROUP, BO.id, day2): (1, 0, late, late),
        (OTHER, ANNA.id, day2): (1, 0, after_midnight, after_midnight),
    }
    # a second flush adds to the same rows; an earlier message (out of order) moves first_at
    tracker.seen(GROUP, ANNA.id, "Anna", late + timedelta(minutes=20), reply=True)
    tracker.seen(GROUP, ANNA.id, "Anna", late - timedelta(hours=1))
    tracker.seen(GROUP, ANNA.id, "Anna", late - timedelta(hours=1))
    await tracker.flush(session_factory)
    rows = await _rows(session_factory)
    assert rows[(GROUP, ANNA.id, day2)] == (
        5, 2, late - timedelta(hours=1), late + timedelta(minutes=20),
    )  # fmt: skip
    assert rows[(GROUP, BO.id, day2)] == (1, 0, late, late)
    assert len(rows) == 4


async def test_a_failed_flush_keeps_the_counts(session_factory, clock) -> None:
    await _world(session_factory, clock.now())
    tracker = ActivityTracker()
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now())
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now(), reply=True)

    def broken():
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        await tracker.flush(broken)  # type: ignore[arg-type]
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now())
    await tracker.flush(session_factory)
    rows = await _rows(session_factory)
    assert [value[:2] for value in rows.values()] == [(3, 1)]


def test_slots_become_local_days() -> None:
    at = datetime(2026, 3, 2, 15, 59, tzinfo=UTC)  # 23:59 Shanghai, 21:29 Kolkata
    tracker = ActivityTracker()
    tracker.seen(1, 5, "x", at)
    tracker.seen(2, 5, "x", at + timedelta(minutes=2))  # 00:01 Shanghai, 21:31 Kolkata
    tracker.seen(2, 5, "x", at + timedelta(hours=2, minutes=31))  # 00:00 Kolkata
    rows = daily_rows(tracker._counts, {1: "Asia/Shanghai", 2: "Asia/Kolkata"})
    assert sorted((r["group_id"], r["day"], r["messages"]) for r in rows) == [
        (1, date(2026, 3, 2), 1), (2, date(2026, 3, 2), 1), (2, date(2026, 3, 3), 1),
    ]  # fmt: skip


async def test_commands_to_the_bot_are_seen_but_not_counted(session_factory, clock) -> None:
    """Regression: an admin's /feature earned them a day active and a message in the
    commendation."""
    await _world(session_factory, clock.now())
    tracker = ActivityTracker()
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now(), counted=False)
    assert tracker.pending == 1  # last seen still moves (the inactivity sweep)
    await tracker.flush(session_factory)
    assert await _rows(session_factory) == {}
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now())
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now(), reply=True, counted=False)
    await tracker.flush(session_factory)
    assert [value[:2] for value in (await _rows(session_factory)).values()] == [(1, 0)]
