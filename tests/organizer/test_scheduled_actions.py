"""The scheduled-actions service: schedule, re-schedule, cancel and list in the caller's session."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.clock import FakeClock
from organizer.models.group import Group
from organizer.models.scheduled_action import ActionStatus, ScheduledAction
from organizer.services import scheduled_actions as actions

GROUP_ID = -1001234567890


async def schedule_in(
    session: AsyncSession, clock: FakeClock, delay: timedelta, **options: object
) -> int:
    options.setdefault("kind", "reminder.send")
    return await actions.schedule(
        session,
        due_at=clock.now() + delay,
        now=clock.now(),
        **options,  # type: ignore[arg-type]
    )


async def set_status(session: AsyncSession, action_id: int, status: ActionStatus) -> None:
    await session.execute(
        update(ScheduledAction).where(ScheduledAction.id == action_id).values(status=status)
    )


async def count_rows(session: AsyncSession) -> int:
    return len((await session.execute(select(ScheduledAction.id))).all())


async def test_schedule_adds_a_pending_action(session: AsyncSession, clock: FakeClock) -> None:
    shanghai = timezone(timedelta(hours=8))
    due = datetime(2026, 3, 3, 9, 0, tzinfo=shanghai)
    action_id = await actions.schedule(
        session, kind="reminder.send", due_at=due, payload={"event": 42}, now=clock.now()
    )
    await session.commit()

    info = await actions.get(session, action_id)
    assert info is not None
    assert (info.kind, info.payload, info.status) == (
        "reminder.send",
        {"event": 42},
        ActionStatus.PENDING,
    )
    assert info.due_at == due and info.due_at.tzinfo == UTC  # stored and returned in UTC
    assert (info.attempts, info.max_attempts, info.created_at) == (0, 5, clock.now())
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.status = ActionStatus.DONE  # type: ignore[misc]


async def test_naive_datetimes_are_rejected(session: AsyncSession, clock: FakeClock) -> None:
    naive = datetime(2026, 3, 3, 9, 0)
    with pytest.raises(ValueError, match="due_at"):
        await actions.schedule(session, kind="k", due_at=naive, now=clock.now())
    with pytest.raises(ValueError, match="now"):
        await actions.schedule(session, kind="k", due_at=clock.now(), now=naive)
    with pytest.raises(ValueError, match="due_at"):
        await actions.reschedule(session, 1, naive)
    assert await count_rows(session) == 0


async def test_scheduling_a_key_twice_updates_the_one_row(
    session: AsyncSession, clock: FakeClock
) -> None:
    first = await schedule_in(
        session, clock, timedelta(hours=1), dedupe_key="reminder:42:24h", payload={"v": 1}
    )
    second = await schedule_in(
        session, clock, timedelta(hours=3), dedupe_key="reminder:42:24h", payload={"v": 2}
    )
    await session.commit()

    assert second == first
    [info] = await actions.pending(session)
    assert (info.id, info.due_at, info.payload) == (
        first,
        clock.now() + timedelta(hours=3),
        {"v": 2},
    )
    assert await count_rows(session) == 1


async def test_scheduling_a_cancelled_key_revives_it(
    session: AsyncSession, clock: FakeClock
) -> None:
    action_id = await schedule_in(session, clock, timedelta(hours=1), dedupe_key="survey:7")
    assert await actions.cancel(session, dedupe_key="survey:7") == 1

    again = await schedule_in(session, clock, timedelta(hours=2), dedupe_key="survey:7")

    [info] = await actions.pending(session)
    assert (again, info.id, info.due_at) == (action_id, action_id, clock.now() + timedelta(hours=2))


async def test_scheduling_a_done_key_leaves_it_done(
    session: AsyncSession, clock: FakeClock
) -> None:
    action_id = await schedule_in(session, clock, timedelta(0), dedupe_key="survey:7")
    await set_status(session, action_id, ActionStatus.DONE)

    again = await schedule_in(session, clock, timedelta(hours=2), dedupe_key="survey:7")

    info = await actions.get(session, action_id)
    assert again == action_id
    assert info is not None and (info.status, info.due_at) == (ActionStatus.DONE, clock.now())
    assert await actions.pending(session) == []


async def test_schedule_flushes_the_callers_pending_objects_first(
    session: AsyncSession, clock: FakeClock
) -> None:
    session.add(
        Group(
            id=GROUP_ID,
            title="Cohort 7",
            timezone="Asia/Shanghai",
            language="zh",
            created_at=clock.now(),
            updated_at=clock.now(),
        )
    )
    await schedule_in(session, clock, timedelta(hours=1), group_id=GROUP_ID)  # FK needs the group
    await session.commit()

    [info] = await actions.pending(session, group_id=GROUP_ID)
    assert info.group_id == GROUP_ID


async def test_nothing_is_committed_by_the_service(session: AsyncSession, clock: FakeClock) -> None:
    await schedule_in(session, clock, timedelta(hours=1), dedupe_key="a")
    await session.rollback()
    assert await count_rows(session) == 0


async def test_reschedule_moves_only_pending_actions(
    session: AsyncSession, clock: FakeClock
) -> None:
    by_key = await schedule_in(session, clock, timedelta(hours=1), dedupe_key="reminder:1")
    by_id = await schedule_in(session, clock, timedelta(hours=1))
    done = await schedule_in(session, clock, timedelta(hours=1), dedupe_key="reminder:done")
    await set_status(session, done, ActionStatus.DONE)
    later = clock.now() + timedelta(days=1)

    assert await actions.reschedule(session, "reminder:1", later) is True
    assert await actions.reschedule(session, by_id, later) is True
    assert await actions.reschedule(session, "reminder:done", later) is False
    assert await actions.reschedule(session, "no-such-key", later) is False

    assert {(a.id, a.due_at) for a in await actions.pending(session)} == {
        (by_key, later),
        (by_id, later),
    }


async def test_cancel_by_id_key_and_prefix(session: AsyncSession, clock: FakeClock) -> None:
    keys = ["event:1:24h", "event:1:1h", "event:12:24h", "EVENT:1:2h", "event_1:x", "event:2:1h"]
    ids = {
        key: await schedule_in(session, clock, timedelta(hours=1), dedupe_key=key) for key in keys
    }
    unkeyed = await schedule_in(session, clock, timedelta(hours=1))
    running = await schedule_in(session, clock, timedelta(hours=1), dedupe_key="event:1:run")
    await set_status(session, running, ActionStatus.RUNNING)

    # "event:1:" must not match event:12, EVENT:1 (case) or event_1 (LIKE wildcard).
    assert await actions.cancel(session, dedupe_prefix="event:1:") == 2
    assert await actions.cancel(session, dedupe_key="event:2:1h") == 1
    assert await actions.cancel(session, action_id=unkeyed) == 1
    assert await actions.cancel(session, action_id=unkeyed) == 0  # already cancelled

    remaining = {a.dedupe_key for a in await actions.pending(session)}
    assert remaining == {"event:12:24h", "EVENT:1:2h", "event_1:x"}
    info = await actions.get(session, running)
    assert info is not None and info.status is ActionStatus.RUNNING  # running is not cancelled
    assert ids["event:1:24h"] not in {a.id for a in await actions.pending(session)}


@pytest.mark.parametrize(
    "selectors",
    [{}, {"action_id": 1, "dedupe_key": "a"}, {"dedupe_prefix": ""}],
)
async def test_cancel_needs_exactly_one_selector(
    session: AsyncSession, selectors: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        await actions.cancel(session, **selectors)  # type: ignore[arg-type]


async def test_pending_lists_soonest_first_with_filters(
    session: AsyncSession, clock: FakeClock
) -> None:
    late = await schedule_in(session, clock, timedelta(hours=3), kind="survey.send")
    soon = await schedule_in(session, clock, timedelta(hours=1), dedupe_key="r:1")
    middle = await schedule_in(session, clock, timedelta(hours=2), dedupe_key="r:2")
    cancelled = await schedule_in(session, clock, timedelta(minutes=1))
    await actions.cancel(session, action_id=cancelled)

    assert [a.id for a in await actions.pending(session)] == [soon, middle, late]
    assert [a.id for a in await actions.pending(session, kind="survey.send")] == [late]
    assert [a.id for a in await actions.pending(session, dedupe_prefix="r:")] == [soon, middle]
    before = clock.now() + timedelta(hours=2)
    assert [a.id for a in await actions.pending(session, due_before=before)] == [soon]
    assert [a.id for a in await actions.pending(session, limit=1)] == [soon]


async def test_next_due_at_is_the_earliest_pending(session: AsyncSession, clock: FakeClock) -> None:
    assert await actions.next_due_at(session) is None

    await schedule_in(session, clock, timedelta(hours=2))
    earliest = await schedule_in(session, clock, timedelta(minutes=30))
    await schedule_in(session, clock, timedelta(hours=5))
    assert await actions.next_due_at(session) == clock.now() + timedelta(minutes=30)

    await actions.cancel(session, action_id=earliest)
    next_due = await actions.next_due_at(session)
    assert next_due == clock.now() + timedelta(hours=2)
    assert next_due is not None and next_due.tzinfo == UTC
