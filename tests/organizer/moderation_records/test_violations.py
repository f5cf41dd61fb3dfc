"""The escalation ladder, its window, undo and unwarn, on a real database."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from organizer.database import unit_of_work
from organizer.models.moderation import Violation
from organizer.services import violations
from organizer.services.violations import DurationError
from tests.organizer.moderation_records.fixtures import (
    ADMIN,
    ANNA,
    BO,
    GROUP,
    OTHER_GROUP,
    hit,
    make_groups,
)


@pytest.fixture(autouse=True)
async def _groups(session_factory, clock) -> None:
    await make_groups(session_factory, clock.now())


async def test_each_hit_climbs_the_ladder_and_the_last_step_repeats(session, clock) -> None:
    seen = []
    for _ in range(5):
        clock.advance(days=1)
        outcome = await hit(session, clock.now())
        seen.append((outcome.count_in_window, outcome.sanction, outcome.sanction_until))
    now = clock.now()
    assert seen == [
        (1, "warn", None),
        (2, "mute", now - timedelta(days=3) + timedelta(hours=1)),
        (3, "mute", now - timedelta(days=2) + timedelta(hours=24)),
        (4, "kick", None),
        (5, "kick", None),
    ]


async def test_violations_expire_after_the_window(session, clock) -> None:
    start = clock.now()
    assert (await hit(session, start)).count_in_window == 1
    clock.set(start + timedelta(days=29))
    assert (await hit(session, clock.now())).count_in_window == 2
    clock.set(start + timedelta(days=30))  # the first is exactly 30 days old: expired
    third = await hit(session, clock.now())
    assert (third.count_in_window, third.sanction) == (2, "mute")
    clock.set(start + timedelta(days=70))
    assert (await hit(session, clock.now())).sanction == "warn"


async def test_custom_ladder_and_window(session, clock) -> None:
    kwargs = {"ladder": ("mute:30m", "ban"), "window_days": 7}
    first = await hit(session, clock.now(), **kwargs)
    assert (first.sanction, first.sanction_until) == ("mute", clock.now() + timedelta(minutes=30))
    assert (await hit(session, clock.now(), **kwargs)).sanction == "ban"
    clock.advance(days=8)
    assert (await hit(session, clock.now(), **kwargs)).sanction == "mute"


async def test_an_empty_ladder_records_without_sanction(session, clock) -> None:
    outcome = await hit(session, clock.now(), ladder=())
    assert (outcome.count_in_window, outcome.sanction) == (1, "none")


async def test_a_bad_ladder_writes_nothing(session, clock) -> None:
    with pytest.raises(DurationError):
        await hit(session, clock.now(), ladder=("warn", "mute"))
    assert await session.scalar(select(func.count(Violation.id))) == 0


async def test_members_and_groups_are_counted_apart(session, clock) -> None:
    await hit(session, clock.now())
    assert (await hit(session, clock.now(), user_id=BO.id)).count_in_window == 1
    assert (await hit(session, clock.now(), group_id=OTHER_GROUP)).count_in_window == 1
    assert await violations.active_count(session, GROUP, ANNA.id, now=clock.now()) == 1


async def test_long_texts_are_cut_to_fit(session, clock) -> None:
    outcome = await hit(session, clock.now(), message_text="x" * 5000, evidence="e" * 300)
    info = await violations.get(session, outcome.violation_id)
    assert info is not None
    assert len(info.message_text or "") == 4096 and len(info.evidence or "") == 255


async def test_undo_lifts_the_mute_once_and_tells_the_second_presser(session, clock) -> None:
    await hit(session, clock.now())
    mute = await hit(session, clock.now())
    undone = await violations.undo(session, mute.violation_id, by_user_id=ADMIN.id, now=clock.now())
    assert undone == violations.UndoOutcome(GROUP, ANNA.id, "unmute", None)
    again = await violations.undo(session, mute.violation_id, by_user_id=BO.id, now=clock.now())
    assert again == violations.UndoOutcome(GROUP, ANNA.id, None, ADMIN.id)
    info = await violations.get(session, mute.violation_id)
    assert info is not None and info.undone_by == ADMIN.id  # kept, marked, not deleted
    assert await violations.active_count(session, GROUP, ANNA.id, now=clock.now()) == 1
    assert (await hit(session, clock.now())).count_in_window == 2


async def test_undo_keeps_a_mute_another_violation_still_justifies(session, clock) -> None:
    ladder = {"ladder": ("mute:1h", "mute:24h")}
    short, long = (
        await hit(session, clock.now(), **ladder),
        await hit(session, clock.now(), **ladder),
    )
    first = await violations.undo(session, short.violation_id, by_user_id=ADMIN.id, now=clock.now())
    assert first.lift is None
    last = await violations.undo(session, long.violation_id, by_user_id=ADMIN.id, now=clock.now())
    assert last.lift == "unmute"


@pytest.mark.parametrize(
    ("ladder", "later", "lift"),
    [
        (("mute:1h",), timedelta(hours=2), None),  # the mute is over already
        (("ban",), timedelta(days=400), "unban"),  # a ban without end stays in force
        (("ban:1d",), timedelta(days=2), None),
        (("kick",), timedelta(0), None),  # nothing to lift: they may come back
        (("warn",), timedelta(0), None),
    ],
)
async def test_what_undo_lifts(session, clock, ladder, later, lift) -> None:
    outcome = await hit(session, clock.now(), ladder=ladder)
    clock.advance(later)
    undone = await violations.undo(session, outcome.violation_id, by_user_id=1, now=clock.now())
    assert undone.lift == lift


async def test_undo_of_an_unknown_violation(session, clock) -> None:
    with pytest.raises(LookupError):
        await violations.undo(session, 999, by_user_id=ADMIN.id, now=clock.now())


async def test_manual_warn_and_unwarn(session, clock) -> None:
    first = await violations.warn(
        session,
        group_id=GROUP,
        user_id=ANNA.id,
        by_user_id=ADMIN.id,
        reason="spam",
        now=clock.now(),
    )
    clock.advance(minutes=1)
    second = await violations.warn(
        session, group_id=GROUP, user_id=ANNA.id, by_user_id=ADMIN.id, reason=None, now=clock.now()
    )
    assert (first.sanction, second.sanction, second.count_in_window) == ("warn", "warn", 2)
    assert await violations.unwarn(session, GROUP, ANNA.id, ADMIN.id, clock.now())
    history = await violations.history(session, GROUP, ANNA.id, limit=10)
    assert [(v.id, v.undone_by) for v in history] == [
        (second.violation_id, ADMIN.id),  # the latest warning goes first
        (first.violation_id, None),
    ]
    assert history[1].rule == "manual.warn" and history[1].by_user_id == ADMIN.id
    assert await violations.unwarn(session, GROUP, ANNA.id, ADMIN.id, clock.now())
    assert not await violations.unwarn(session, GROUP, ANNA.id, ADMIN.id, clock.now())


async def test_unwarn_leaves_mutes_and_expired_warnings_alone(session, clock) -> None:
    await hit(session, clock.now())  # warn
    clock.advance(days=31)
    await hit(session, clock.now(), ladder=("mute:1h",))
    assert not await violations.unwarn(session, GROUP, ANNA.id, ADMIN.id, clock.now())


async def test_manual_warn_can_escalate_with_the_group_ladder(session, clock) -> None:
    await hit(session, clock.now())
    outcome = await violations.warn(
        session, group_id=GROUP, user_id=ANNA.id, by_user_id=ADMIN.id, reason="again",
        now=clock.now(), ladder=violations.DEFAULT_LADDER,
    )  # fmt: skip
    assert (outcome.count_in_window, outcome.sanction) == (2, "mute")


async def test_history_and_digest_count(session, clock) -> None:
    start = clock.now()
    ids = []
    for _ in range(3):
        ids.append((await hit(session, clock.now())).violation_id)
        clock.advance(hours=1)
    await violations.undo(session, ids[2], by_user_id=ADMIN.id, now=clock.now())
    assert [v.id for v in await violations.history(session, GROUP, ANNA.id, 2)] == ids[:0:-1]
    assert await violations.count_since(session, GROUP, start) == 2  # undone not counted
    assert await violations.count_since(session, GROUP, start + timedelta(minutes=30)) == 1
    assert await violations.count_since(session, OTHER_GROUP, start) == 0


@pytest.mark.parametrize("user_id", [ANNA.id, 77], ids=["member", "no-membership-row"])
async def test_two_simultaneous_hits_are_counted_one_after_the_other(
    session_factory, clock, user_id
) -> None:
    async def one() -> violations.ViolationOutcome:
        async with unit_of_work(session_factory) as session:
            return await hit(session, clock.now(), user_id=user_id)

    outcomes = await asyncio.gather(one(), one())
    assert sorted((o.count_in_window, o.sanction) for o in outcomes) == [(1, "warn"), (2, "mute")]


@pytest.mark.parametrize("user_id", [ANNA.id, 77], ids=["member", "no-membership-row"])
async def test_a_hit_during_another_waits_for_it(session_factory, clock, user_id) -> None:
    """Deterministic form of the race above: the second hit starts while the first is recorded
    but not committed yet, and must count it."""
    recorded = asyncio.Event()

    async def first() -> violations.ViolationOutcome:
        async with unit_of_work(session_factory) as session:
            outcome = await hit(session, clock.now(), user_id=user_id)
            recorded.set()
            await asyncio.sleep(0.3)  # still holding the member's lock
            return outcome

    async def second() -> violations.ViolationOutcome:
        await recorded.wait()
        async with unit_of_work(session_factory) as session:
            return await hit(session, clock.now(), user_id=user_id)

    one, two = await asyncio.gather(first(), second())
    assert (one.count_in_window, two.count_in_window) == (1, 2)
