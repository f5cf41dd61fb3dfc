"""`occurrences()` against recurring_ical_events reading our own file, and against hand counts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from organizer.calendar import CalendarActivity, Recurrence, activity_ics, occurrences
from tests.organizer.calendar.helpers import expanded, make_activity, utc

BERLIN = ZoneInfo("Europe/Berlin")


def in_berlin(start: datetime, hours: float, recurrence: Recurrence | None) -> CalendarActivity:
    return make_activity(
        timezone="Europe/Berlin",
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        recurrence=recurrence,
        agenda=(),
    )


CASES = {
    # Tuesdays 19:30, every 2 weeks, through the change to summer time (29 March 2026).
    "berlin-fortnightly-spring": in_berlin(
        utc(2026, 3, 3, 18, 30), 1.5, Recurrence("weekly", interval=2, until=utc(2026, 5, 31))
    ),
    # Thursdays 19:30, weekly, through the change back (25 October 2026).
    "berlin-weekly-autumn": in_berlin(utc(2026, 10, 1, 17, 30), 2, Recurrence("weekly", count=8)),
    "shanghai-every-3-weeks": make_activity(recurrence=Recurrence("weekly", interval=3, count=5)),
    # UNTIL exactly on an occurrence includes it (New York changes on 8 March 2026).
    "new-york-until-on-an-occurrence": make_activity(
        timezone="America/New_York",
        starts_at=utc(2026, 2, 2, 23),  # Monday 18:00 EST
        ends_at=utc(2026, 2, 3, 0),
        recurrence=Recurrence("weekly", until=utc(2026, 3, 16, 22)),  # Monday 18:00 EDT
    ),
    "one-off": make_activity(),
    "open-ended": in_berlin(utc(2026, 3, 3, 18, 30), 1, Recurrence("weekly")),
}


@pytest.mark.parametrize("activity", CASES.values(), ids=CASES.keys())
@pytest.mark.parametrize(
    ("window_start", "window_end"),
    [(utc(2026, 1, 1), utc(2028, 1, 1)), (utc(2026, 3, 20), utc(2026, 4, 20))],
    ids=["wide", "around-march-change"],
)
def test_same_occurrences_as_an_independent_reader(
    activity: CalendarActivity, window_start: datetime, window_end: datetime
) -> None:
    ics = activity_ics(activity, calendar_name="c")
    ours = occurrences(activity, window_start=window_start, window_end=window_end)
    assert ours == expanded(ics, window_start, window_end)
    assert all(start.utcoffset() == timedelta(0) for start, _ in ours)


def test_fortnightly_keeps_1930_local_across_the_spring_change() -> None:
    found = occurrences(
        CASES["berlin-fortnightly-spring"], window_start=utc(2026, 1, 1), window_end=utc(2027, 1, 1)
    )
    assert [start for start, _ in found] == [
        utc(2026, 3, 3, 18, 30),
        utc(2026, 3, 17, 18, 30),
        utc(2026, 3, 31, 17, 30),  # CEST from here: an hour earlier in UTC
        utc(2026, 4, 14, 17, 30),
        utc(2026, 4, 28, 17, 30),
        utc(2026, 5, 12, 17, 30),
        utc(2026, 5, 26, 17, 30),
    ]
    assert {start.astimezone(BERLIN).strftime("%a %H:%M") for start, _ in found} == {"Tue 19:30"}
    assert all(end - start == timedelta(hours=1.5) for start, end in found)


def test_weekly_keeps_1930_local_across_the_autumn_change() -> None:
    found = occurrences(
        CASES["berlin-weekly-autumn"], window_start=utc(2026, 1, 1), window_end=utc(2027, 1, 1)
    )
    starts = [start for start, _ in found]
    assert len(starts) == 8
    assert starts[3:5] == [utc(2026, 10, 22, 17, 30), utc(2026, 10, 29, 18, 30)]
    assert {start.astimezone(BERLIN).strftime("%a %H:%M") for start in starts} == {"Thu 19:30"}


def test_until_is_inclusive() -> None:
    activity = CASES["new-york-until-on-an-occurrence"]
    found = occurrences(activity, window_start=utc(2026, 1, 1), window_end=utc(2027, 1, 1))
    assert len(found) == 7
    assert found[-1][0] == utc(2026, 3, 16, 22)


def test_a_far_window_of_an_endless_series() -> None:
    activity = CASES["open-ended"]
    found = occurrences(activity, window_start=utc(2035, 7, 1), window_end=utc(2035, 8, 1))
    assert [start.day for start, _ in found] == [3, 10, 17, 24, 31]
    assert {start.astimezone(BERLIN).strftime("%a %H:%M") for start, _ in found} == {"Tue 19:30"}


@pytest.mark.parametrize(
    ("window_start", "window_end", "expected"),
    [
        (utc(2026, 12, 1), utc(2026, 12, 2), 1),
        (utc(2026, 12, 1, 12), utc(2026, 12, 1, 12, 30), 1),  # inside a running activity
        (utc(2026, 12, 1, 13), utc(2026, 12, 2), 0),  # starts as it ends
        (utc(2026, 11, 30), utc(2026, 12, 1, 11, 30), 0),  # ends as it starts
        (utc(2026, 12, 2), utc(2026, 12, 3), 0),
    ],
)
def test_window_is_half_open(window_start: datetime, window_end: datetime, expected: int) -> None:
    activity = make_activity()  # 11:30-13:00 UTC on 1 December 2026
    assert len(occurrences(activity, window_start=window_start, window_end=window_end)) == expected


def test_a_window_inside_a_counted_series() -> None:
    activity = make_activity(recurrence=Recurrence("weekly", count=10))
    found = occurrences(activity, window_start=utc(2026, 12, 14), window_end=utc(2026, 12, 29))
    assert [start for start, _ in found] == [utc(2026, 12, 15, 11, 30), utc(2026, 12, 22, 11, 30)]
    late = occurrences(activity, window_start=utc(2027, 2, 1), window_end=utc(2027, 3, 1))
    assert [start for start, _ in late] == [utc(2027, 2, 2, 11, 30)]  # the 10th and last


def test_an_instant_activity_counts_when_it_falls_in_the_window() -> None:
    activity = make_activity(ends_at=utc(2026, 12, 1, 11, 30))
    assert occurrences(activity, window_start=utc(2026, 12, 1, 11, 30), window_end=utc(2026, 12, 2))
    assert not occurrences(
        activity, window_start=utc(2026, 11, 1), window_end=utc(2026, 12, 1, 11, 30)
    )


def test_cancellation_is_left_to_the_caller() -> None:
    activity = make_activity(cancelled=True)
    assert len(occurrences(activity, window_start=utc(2026, 1, 1), window_end=utc(2027, 1, 1))) == 1


def test_naive_window_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        occurrences(make_activity(), window_start=datetime(2026, 1, 1), window_end=utc(2027, 1, 1))


@pytest.mark.parametrize(
    ("first_start", "expected_second_start"),
    [
        # Sunday 02:30 CET; on 29 March 02:30 does not exist: read with the offset before the gap.
        (utc(2026, 3, 22, 1, 30), utc(2026, 3, 29, 1, 30)),
        # Sunday 02:30 CEST; on 25 October 02:30 happens twice: the first one.
        (utc(2026, 10, 18, 0, 30), utc(2026, 10, 25, 0, 30)),
    ],
    ids=["skipped-hour", "repeated-hour"],
)
def test_night_of_the_change_resolves_as_rfc_5545_says(
    first_start: datetime, expected_second_start: datetime
) -> None:
    activity = in_berlin(first_start, 1, Recurrence("weekly", count=3))
    start, end = utc(2026, 1, 1), utc(2027, 1, 1)
    ours = occurrences(activity, window_start=start, window_end=end)
    assert ours[1][0] == expected_second_start
    theirs = expanded(activity_ics(activity, calendar_name="c"), start, end)
    assert [pair[0] for pair in ours] == [pair[0] for pair in theirs]
    # Ends keep the exact duration (RFC 5545 3.8.5.3 for DTEND); recurring_ical_events adds
    # the wall-clock difference instead, which differs only when the clocks change mid-event.
    assert all(pair[1] - pair[0] == timedelta(hours=1) for pair in ours)


@pytest.mark.parametrize("interval", [1, 2, 3])
@pytest.mark.parametrize(
    ("first_start", "count"),
    [(utc(2026, 1, 6, 18, 30), 104), (utc(2026, 7, 7, 17, 30), 78)],  # Tuesdays until 2028
    ids=["from-winter", "from-summer"],
)
def test_each_occurrence_is_found_by_a_window_at_its_start(
    interval: int, first_start: datetime, count: int
) -> None:
    """Narrow windows make `occurrences()` jump into the series; the jump must not overshoot,
    whether the clocks have moved the occurrence earlier or later in UTC."""
    series = in_berlin(first_start, 0.5, Recurrence("weekly", interval=interval))
    everything = occurrences(series, window_start=utc(2026, 1, 1), window_end=utc(2028, 1, 1))
    assert len(everything) == len(range(0, count, interval))
    for start, end in everything:
        minute = timedelta(minutes=1)
        assert occurrences(series, window_start=start, window_end=start + minute) == [(start, end)]
        assert occurrences(series, window_start=end - minute, window_end=end) == [(start, end)]
