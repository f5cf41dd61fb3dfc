"""The figures of the summary, checked against the table in factory.py."""

from __future__ import annotations

import pytest

from organizer.reports import RatingStats, RsvpCounts, SurveyAnswer, summarize
from organizer.reports.summary import latest_answers
from tests.organizer.reports.factory import (
    ANSWERS,
    PRAISE,
    PREVIOUS,
    SCRIPT,
    answer,
    at,
    person,
    seminar,
)


def test_the_seminar_figures_match_the_hand_checked_table() -> None:
    summary = summarize(seminar(), PREVIOUS)

    assert summary.rsvp == RsvpCounts(going=6, maybe=2, no=1, waitlist=2)
    assert (summary.attended, summary.late, summary.no_shows) == (5, 1, 2)
    assert summary.no_show_rate == pytest.approx(2 / 6)
    assert summary.attendance_rate == pytest.approx(5 / 6)
    assert (summary.surveys_sent, summary.answers) == (5, 4)
    assert summary.response_rate == pytest.approx(4 / 5)
    assert summary.overall == RatingStats(average=3.75, distribution=(0, 1, 0, 2, 1))
    assert summary.content == RatingStats(average=4.0, distribution=(0, 0, 1, 2, 1))
    assert summary.organisation == RatingStats(average=3.5, distribution=(0, 1, 1, 1, 1))
    assert summary.overall.count == 4
    # "   " is blank and "无" says nothing; the rest longest first.
    assert summary.comments == (PRAISE, SCRIPT)
    assert summary.improvements == ("教室太小，后排看不清投影", "时间可以再长一点")
    assert summary.organizer_notes == "下次换大教室 & 提前发资料"
    assert (summary.title, summary.kind, summary.timezone, summary.capacity) == (
        "季度案例研讨 <第 3 期>",
        "seminar",
        "Asia/Shanghai",
        20,
    )


def test_a_maybe_and_a_walk_in_who_came_count_as_attended_but_not_against_going() -> None:
    walk_in = person(12, "路人", None, at(9, 5))
    summary = summarize(seminar(attendees=(*seminar().attendees, walk_in)), ())
    assert summary.attended == 6
    assert summary.attendance_rate == pytest.approx(6 / 6)
    assert summary.no_shows == 2
    assert summary.rsvp == RsvpCounts(going=6, maybe=2, no=1, waitlist=2)


def test_late_counts_only_people_who_checked_in() -> None:
    marked_late_but_absent = person(13, "缺席", "going", None, late=True)
    summary = summarize(seminar(attendees=(marked_late_but_absent,)), ())
    assert (summary.attended, summary.late, summary.no_shows) == (0, 0, 1)
    assert summary.attendance_rate == 0.0
    assert summary.no_show_rate == 1.0


def test_nobody_going_leaves_the_rates_that_divide_by_going_unknown() -> None:
    attendees = (person(1, "甲", "maybe", at(9, 0)), person(2, "乙", "no"))
    summary = summarize(seminar(attendees=attendees), ())
    assert summary.rsvp == RsvpCounts(going=0, maybe=1, no=1, waitlist=0)
    assert summary.attended == 1
    assert summary.no_shows == 0
    assert summary.no_show_rate is None
    assert summary.attendance_rate is None


def test_no_answers_leave_averages_unknown_and_distributions_empty() -> None:
    summary = summarize(seminar(answers=()), ())
    assert summary.answers == 0
    assert summary.response_rate == 0.0  # five were sent, none came back
    for stats in (summary.overall, summary.content, summary.organisation):
        assert stats == RatingStats(average=None, distribution=(0, 0, 0, 0, 0))
    assert summary.comments == summary.improvements == ()


def test_no_survey_sent_leaves_the_response_rate_unknown() -> None:
    summary = summarize(seminar(answers=(), surveys_sent=0), ())
    assert summary.response_rate is None


def test_a_resubmitted_survey_replaces_the_first_answer() -> None:
    first = answer(1, 1, 1, 1, good="first try", minute=5)
    second = answer(1, 5, 4, 3, good="changed my mind", minute=30)
    summary = summarize(seminar(answers=(second, first)), ())
    assert summary.answers == 1
    assert summary.overall == RatingStats(average=5.0, distribution=(0, 0, 0, 0, 1))
    assert summary.comments == ("changed my mind",)
    assert latest_answers((second, first)) == (second,)


def test_latest_answers_are_oldest_first() -> None:
    assert [a.user_id for a in latest_answers(reversed(ANSWERS))] == [1, 2, 3, 7]


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_outside_one_to_five_is_refused(rating: int) -> None:
    with pytest.raises(ValueError, match="not in 1..5"):
        SurveyAnswer(1, 3, rating, 3, None, None, at(11, 0))


def test_naive_datetimes_are_read_as_utc() -> None:
    naive = seminar(starts_at=at(9, 0).replace(tzinfo=None))
    assert summarize(naive, ()).starts_at == at(9, 0)
