"""The comparison with earlier activities of the same kind."""

from __future__ import annotations

import pytest

from organizer.reports import summarize
from organizer.reports.summary import (
    ATTENDANCE_TOLERANCE,
    OVERALL_TOLERANCE,
    compare,
    select_previous,
)
from tests.organizer.reports.factory import PREVIOUS, past, seminar


def test_the_seminar_against_its_predecessors() -> None:
    trend = summarize(seminar(), PREVIOUS).trend

    # The later activity (50) and the seminar itself (42) are left out; most recent first.
    assert [p.activity_id for p in trend.previous] == [31, 30, 29]
    # 5/6 against the mean of 0.80 and 0.90 (29's is unknown): -0.0167, within 5 points.
    assert trend.attendance_change == pytest.approx(5 / 6 - 0.85)
    assert trend.attendance_label == "same"
    # 3.75 against the mean of 4.0, 4.4 and 4.6 = 4.333: -0.583.
    assert trend.overall_change == pytest.approx(3.75 - 13 / 3)
    assert trend.overall_label == "worse"
    assert trend.label == "worse"


def test_only_the_five_most_recent_earlier_activities_count() -> None:
    previous = [past(i, days_before=i, attendance=0.5, overall=3.0) for i in range(1, 9)]
    chosen = select_previous(previous, seminar())
    assert [p.activity_id for p in chosen] == [1, 2, 3, 4, 5]


def test_no_previous_activity_means_no_trend() -> None:
    trend = summarize(seminar(), ()).trend
    assert trend.previous == ()
    assert trend.attendance_change is None
    assert trend.overall_change is None
    assert (trend.attendance_label, trend.overall_label, trend.label) == (None, None, None)


def test_previous_activities_without_figures_give_no_change() -> None:
    trend = summarize(seminar(), (past(1, 7, None, None),)).trend
    assert len(trend.previous) == 1
    assert trend.attendance_change is None
    assert trend.overall_change is None
    assert trend.label is None


def test_this_activity_without_figures_gives_no_change() -> None:
    trend = compare((past(1, 7, 0.8, 4.0),), None, None)
    assert (trend.attendance_change, trend.overall_change, trend.label) == (None, None, None)


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (0.85, "same"),  # exactly the tolerance above the mean of 0.80
        (0.75, "same"),  # exactly the tolerance below
        (0.86, "better"),
        (0.74, "worse"),
        (0.80, "same"),
    ],
)
def test_attendance_label_tolerance(current: float, expected: str) -> None:
    assert ATTENDANCE_TOLERANCE == 0.05
    trend = compare((past(1, 7, 0.80, None),), current, None)
    assert trend.attendance_label == expected
    assert trend.label == expected  # the only known figure decides


@pytest.mark.parametrize(
    ("current", "expected"),
    [(4.2, "same"), (3.8, "same"), (4.25, "better"), (3.7, "worse")],
)
def test_overall_label_tolerance(current: float, expected: str) -> None:
    assert OVERALL_TOLERANCE == 0.2
    trend = compare((past(1, 7, None, 4.0),), None, current)
    assert trend.overall_change == pytest.approx(current - 4.0)
    assert trend.overall_label == expected


@pytest.mark.parametrize(
    ("attendance", "overall", "expected"),
    [
        (0.95, 4.0, "better"),  # better and same
        (0.95, 4.5, "better"),  # both better
        (0.60, 4.0, "worse"),  # worse and same
        (0.95, 3.0, "same"),  # they disagree
        (0.80, 4.0, "same"),
    ],
)
def test_combined_label(attendance: float, overall: float, expected: str) -> None:
    trend = compare((past(1, 7, 0.80, 4.0),), attendance, overall)
    assert trend.label == expected


def test_change_is_against_the_mean_of_the_previous() -> None:
    previous = (past(1, 7, 0.6, 3.0), past(2, 14, 0.8, 4.0), past(3, 21, 1.0, 5.0))
    trend = compare(previous, 0.9, 4.5)
    assert trend.attendance_change == pytest.approx(0.1)
    assert trend.overall_change == pytest.approx(0.5)
    assert (trend.attendance_label, trend.overall_label) == ("better", "better")
