from datetime import timedelta

import pytest

from organizer.models import RsvpStatus
from organizer.services import rsvp
from organizer.services.activities import ActivityError
from tests.organizer.activity_fixtures import members, proposal, published

GOING, MAYBE, NO, WAITLIST = RsvpStatus.GOING, RsvpStatus.MAYBE, RsvpStatus.NO, RsvpStatus.WAITLIST


async def test_capacity_fills_then_waitlist_in_order_then_promotion(session, clock) -> None:
    activity_id = await published(session, clock)  # capacity 2
    await members(session, clock, 1, 2, 3, 4)
    results = [
        await rsvp.answer(session, activity_id, u, GOING, now=clock.now()) for u in (1, 2, 3, 4)
    ]
    assert [r.status for r in results] == [GOING, GOING, WAITLIST, WAITLIST]
    assert [r.waitlist_place for r in results] == [None, None, 1, 2]
    assert results[-1].counts == rsvp.RsvpCounts(going=2, waitlist=2)

    leaving = await rsvp.answer(session, activity_id, 1, NO, now=clock.now())
    assert leaving.previous == GOING and leaving.promoted == (3,)
    assert leaving.counts == rsvp.RsvpCounts(going=2, no=1, waitlist=1)
    again = await rsvp.answer(session, activity_id, 1, GOING, now=clock.now())
    assert again.status == WAITLIST and again.waitlist_place == 2  # behind member 4


async def test_pressing_going_twice_changes_nothing(session, clock) -> None:
    activity_id = await published(session, clock)
    await members(session, clock, 1, 2, 3)
    for user in (1, 2, 3):
        await rsvp.answer(session, activity_id, user, GOING, now=clock.now())
    repeat = await rsvp.answer(session, activity_id, 3, GOING, now=clock.now())
    assert repeat.status == WAITLIST and repeat.previous == WAITLIST and repeat.waitlist_place == 1
    assert (await rsvp.answer(session, activity_id, 1, GOING, now=clock.now())).status == GOING


async def test_maybe_and_no_do_not_take_places(session, clock) -> None:
    activity_id = await published(session, clock)
    await members(session, clock, 1, 2, 3)
    await rsvp.answer(session, activity_id, 1, MAYBE, now=clock.now())
    await rsvp.answer(session, activity_id, 2, NO, now=clock.now())
    outcome = await rsvp.answer(session, activity_id, 3, GOING, now=clock.now())
    assert outcome.counts == rsvp.RsvpCounts(going=1, maybe=1, no=1)


async def test_answers_after_the_deadline_are_refused(session, clock) -> None:
    data = proposal(clock, rsvp_deadline=clock.now() + timedelta(days=1))
    activity_id = await published(session, clock, data)
    await members(session, clock, 1)
    clock.advance(days=1)
    with pytest.raises(ActivityError) as error:
        await rsvp.answer(session, activity_id, 1, GOING, now=clock.now())
    assert error.value.code == "rsvp-closed"


async def test_waitlist_is_not_a_choice_and_unknown_activity_is_refused(session, clock) -> None:
    activity_id = await published(session, clock)
    with pytest.raises(ActivityError, match="rsvp-invalid"):
        await rsvp.answer(session, activity_id, 700, WAITLIST, now=clock.now())
    with pytest.raises(ActivityError, match="activity-not-found"):
        await rsvp.answer(session, 999_999, 700, GOING, now=clock.now())


async def test_larger_capacity_promotes_the_waitlist(session, clock) -> None:
    activity_id = await published(session, clock)
    await members(session, clock, 1, 2, 3, 4)
    for user in (1, 2, 3, 4):
        await rsvp.answer(session, activity_id, user, GOING, now=clock.now())
    assert await rsvp.change_capacity(session, activity_id, 3, now=clock.now()) == (3,)
    assert await rsvp.change_capacity(session, activity_id, None, now=clock.now()) == (4,)
    assert (await rsvp.counts(session, activity_id)).going == 4
    with pytest.raises(ActivityError, match="capacity-invalid"):
        await rsvp.change_capacity(session, activity_id, 0, now=clock.now())
