"""The activity-flow services against the database: check-in (once, even when two presses race),
the wrong-code limit, which survey a member is in, and the facts a summary is made of."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from organizer.database import unit_of_work
from organizer.models import RsvpStatus
from organizer.services import activities, attendance, groups, summaries, surveys
from organizer.services.attendance import CheckInResult, Method
from organizer.services.surveys import SurveyError
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    END,
    START,
    Member,
    answer,
    attend,
    attendance_rows,
    publish,
    respond,
    world,
)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("0427", "0427"), (" 04 27 ", "0427"), ("０４２７", "0427"), ("427", None), ("abcd", None)],
)
def test_normalize_code(typed: str, code: str | None) -> None:
    assert attendance.normalize_code(typed) == code


def test_five_recent_failures_block_until_the_oldest_leaves_the_window() -> None:
    stamps = [START + timedelta(minutes=m) for m in (0, 1, 2, 3)]
    assert attendance.blocked_until(stamps, START + timedelta(minutes=4)) is None
    assert attendance.attempts_left(stamps, START + timedelta(minutes=4)) == 1
    stamps.append(START + timedelta(minutes=4))
    assert attendance.blocked_until(stamps, START + timedelta(minutes=5)) == START + timedelta(
        minutes=15
    )
    assert attendance.blocked_until(stamps, START + timedelta(minutes=15)) is None


async def test_two_presses_at_once_check_in_once(session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    at = START - timedelta(minutes=5)

    async def press():
        async with unit_of_work(session_factory) as session:
            return await attendance.check_in(
                session, activity_id, ANNA, method=Method.BUTTON, now=at
            )

    outcomes = await asyncio.gather(press(), press())
    assert {o.result for o in outcomes} <= {CheckInResult.CHECKED_IN, CheckInResult.ALREADY}
    assert len(await attendance_rows(session_factory, activity_id)) == 1


async def test_current_survey_is_the_open_one_touched_last(session_factory, clock) -> None:
    first = await world(session_factory, clock.now(), [Member(ANNA)])
    async with unit_of_work(session_factory) as session:
        second = await publish(
            session, clock.now(), start=START + timedelta(hours=3), end=END + timedelta(hours=3)
        )
    for activity_id in (first, second):
        await attend(session_factory, activity_id, ANNA, START)
    now = END + timedelta(hours=4)
    async with unit_of_work(session_factory) as session:
        assert await surveys.current(session, ANNA, now=now) is None  # neither sent nor started
        await surveys.begin(session, second, ANNA, now=now)
        await surveys.begin(session, first, ANNA, now=now + timedelta(minutes=1))
        current = await surveys.current(session, ANNA, now=now + timedelta(minutes=2))
        assert current is not None and current.activity_id == first
        # The first closes 48 h after its end; the second is still open then.
        later = END + timedelta(hours=48, minutes=30)
        current = await surveys.current(session, ANNA, now=later)
        assert current is not None and current.activity_id == second


async def test_survey_refuses_before_the_end_and_answers_out_of_range(session_factory, clock):
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await attend(session_factory, activity_id, ANNA, START)
    async with unit_of_work(session_factory) as session:
        with pytest.raises(SurveyError) as early:
            await surveys.begin(session, activity_id, ANNA, now=END - timedelta(minutes=1))
        assert early.value.code == "flow-survey-not-yet"
        with pytest.raises(SurveyError) as wrong:
            await surveys.answer(session, activity_id, ANNA, "overall", 6, now=END)
        assert wrong.value.code == "flow-survey-invalid"


async def test_facts_for_the_summary(session_factory, clock) -> None:
    activity_id = await world(
        session_factory, clock.now(), [Member(ANNA), Member(BORIS), Member(CHEN)]
    )
    choices = {ANNA: RsvpStatus.GOING, BORIS: RsvpStatus.GOING}
    await answer(session_factory, activity_id, choices, clock.now())
    await attend(session_factory, activity_id, ANNA, START, late=True)
    await attend(session_factory, activity_id, BORIS, START, present=False, late=True)
    await attend(session_factory, activity_id, CHEN, START)  # a walk-in who never answered
    await respond(
        session_factory, activity_id, ANNA, END, overall=4, content=5, organisation=3,
        good="", improve="更多练习",
    )  # fmt: skip
    await respond(session_factory, activity_id, CHEN, END, overall=5)  # stopped after one
    async with session_factory() as session:
        activity = await activities.get(session, activity_id)
        group = await groups.get(session, activity.group_id)
        facts = await summaries.facts(session, activity, group)
    people = {person.user_id: person for person in facts.attendees}
    assert [p.user_id for p in facts.attendees] == [ANNA, BORIS, CHEN]
    assert (people[ANNA].rsvp, people[ANNA].checked_in_at, people[ANNA].late) == (
        "going", START, True,
    )  # fmt: skip
    # Marked absent: not an attendee, whatever the row still remembers.
    assert (people[BORIS].checked_in_at, people[BORIS].late) == (None, False)
    assert people[CHEN].rsvp is None and people[CHEN].checked_in_at == START
    [only] = facts.answers  # Chen's answer has no ratings to average yet
    assert (only.user_id, only.good, only.improve) == (ANNA, None, "更多练习")
    assert facts.surveys_sent == 0 and facts.timezone == "Asia/Shanghai"
