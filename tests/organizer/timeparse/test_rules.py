"""The rules that pick a day: year rollover, weekdays, bare times, defaults, the past, DST."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone

import pytest

from organizer.timeparse import ParseError, parse_datetime
from tests.organizer.timeparse.helpers import BERLIN, NOW, SHANGHAI, sh, utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/1 19:30", sh(2026, 12, 1, 19, 30)),  # still ahead this year
        ("3/2 19:30", sh(2026, 3, 2, 19, 30)),  # today counts as not passed
        ("3/1 19:30", sh(2027, 3, 1, 19, 30)),  # yesterday: next year
        ("1/15 10:00", sh(2027, 1, 15, 10, 0)),
        ("1月15日 10:00", sh(2027, 1, 15, 10, 0)),
        ("Jan 15 10am", sh(2027, 1, 15, 10, 0)),
        ("15 January 10am", sh(2027, 1, 15, 10, 0)),
    ],
)
def test_a_date_without_year_that_has_passed_is_next_years(text: str, expected: datetime) -> None:
    assert parse_datetime(text, now=NOW, tz=SHANGHAI) == expected


@pytest.mark.parametrize("text", ["2026-01-15 10:00", "2026年1月15日 10点", "Jan 15 2026 10am"])
def test_a_passed_date_with_its_year_is_in_the_past(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_datetime(text, now=NOW, tz=SHANGHAI)
    assert caught.value.code == "timeparse-in-past"
    assert caught.value.params["when"] == "2026-01-15 10:00"


def test_the_same_date_earlier_today_is_in_the_past_not_next_year() -> None:
    with pytest.raises(ParseError) as caught:
        parse_datetime("3/2 8:00", now=NOW, tz=SHANGHAI)
    assert caught.value.code == "timeparse-in-past"
    assert caught.value.params == {"when": "2026-03-02 08:00", "now": "2026-03-02 09:00"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("周一 19:30", sh(2026, 3, 2, 19, 30)),  # today, later: today
        ("周一 8:00", sh(2026, 3, 9, 8, 0)),  # today, earlier: a week on
        ("周一 9:00", sh(2026, 3, 9, 9, 0)),  # exactly now is not ahead
        ("monday 9:01", sh(2026, 3, 2, 9, 1)),
        ("mon 8am", sh(2026, 3, 9, 8, 0)),
        ("周二 8:00", sh(2026, 3, 3, 8, 0)),
        ("周日 23:59", sh(2026, 3, 8, 23, 59)),
        ("下周一 8:00", sh(2026, 3, 9, 8, 0)),  # next week's Monday, whatever the time
        ("下周日 8:00", sh(2026, 3, 15, 8, 0)),
        ("这周二 8:00", sh(2026, 3, 3, 8, 0)),
        ("this monday 19:30", sh(2026, 3, 2, 19, 30)),
    ],
)
def test_weekdays(text: str, expected: datetime) -> None:
    assert parse_datetime(text, now=NOW, tz=SHANGHAI) == expected


@pytest.mark.parametrize("text", ["这周一 8:00", "本周一 早上8点", "this monday 8am"])
def test_this_weeks_day_already_past_is_an_error_not_next_week(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_datetime(text, now=NOW, tz=SHANGHAI)
    assert caught.value.code == "timeparse-in-past"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:30", sh(2026, 3, 2, 19, 30)),
        ("晚上7点半", sh(2026, 3, 2, 19, 30)),
        ("8:00", sh(2026, 3, 3, 8, 0)),
        ("9am", sh(2026, 3, 3, 9, 0)),
        ("9:01", sh(2026, 3, 2, 9, 1)),
    ],
)
def test_a_time_alone_is_its_next_occurrence(text: str, expected: datetime) -> None:
    assert parse_datetime(text, now=NOW, tz=SHANGHAI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("明天", sh(2026, 3, 3, 23, 59)),
        ("12月1日", sh(2026, 12, 1, 23, 59)),
        ("Dec 1", sh(2026, 12, 1, 23, 59)),
        ("周三", sh(2026, 3, 4, 23, 59)),
        ("周一", sh(2026, 3, 2, 23, 59)),
        ("in 3 days", sh(2026, 3, 5, 23, 59)),
    ],
)
def test_a_day_alone_takes_the_default_time(text: str, expected: datetime) -> None:
    assert parse_datetime(text, now=NOW, tz=SHANGHAI, default_time=time(23, 59)) == expected


def test_a_day_alone_and_an_earlier_default_time_rolls_a_bare_weekday() -> None:
    assert parse_datetime("周一", now=NOW, tz=SHANGHAI, default_time=time(8)) == sh(2026, 3, 9, 8)


def test_allow_past_returns_the_past_moment() -> None:
    moment = parse_datetime("2026-03-01 08:00", now=NOW, tz=SHANGHAI, allow_past=True)
    assert moment == sh(2026, 3, 1, 8, 0)


def test_now_must_be_aware() -> None:
    with pytest.raises(ValueError, match="now"):
        parse_datetime("明天 19:30", now=datetime(2026, 3, 2, 9), tz=SHANGHAI)


def test_now_in_another_zone_is_the_same_instant() -> None:
    now_new_york = NOW.astimezone(timezone(timedelta(hours=-5)))
    assert parse_datetime("明天 19:30", now=now_new_york, tz=SHANGHAI) == sh(2026, 3, 3, 19, 30)


# Berlin springs forward on Sunday 2026-03-29 (02:00 CET → 03:00 CEST) and falls back on
# Sunday 2026-10-25 (03:00 CEST → 02:00 CET). NOW_SPRING is Friday 27 March, 11:00 CET.
NOW_SPRING = utc(2026, 3, 27, 10, 0)
NOW_AUTUMN = utc(2026, 10, 20, 10, 0)


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("明天 19:30", NOW_SPRING, utc(2026, 3, 28, 18, 30)),  # CET, +1
        ("周一 19:30", NOW_SPRING, utc(2026, 3, 30, 17, 30)),  # CEST, +2
        ("周日 01:30", NOW_SPRING, utc(2026, 3, 29, 0, 30)),  # before the gap
        ("周日 02:30", NOW_SPRING, utc(2026, 3, 29, 1, 30)),  # in the gap: 03:30 CEST
        ("2026-03-29 02:00", NOW_SPRING, utc(2026, 3, 29, 1, 0)),  # gap start: 03:00 CEST
        ("sunday 3:30am", NOW_SPRING, utc(2026, 3, 29, 1, 30)),  # after the gap
        ("in 2 days 10:00", NOW_SPRING, utc(2026, 3, 29, 8, 0)),
        ("in 48 hours", NOW_SPRING, utc(2026, 3, 29, 10, 0)),  # 13:00 CEST: hours are hours
        ("2026-10-25 02:30", NOW_AUTUMN, utc(2026, 10, 25, 0, 30)),  # twice: the first (CEST)
        ("2026-10-25 01:30", NOW_AUTUMN, utc(2026, 10, 24, 23, 30)),
        ("2026-10-25 03:30", NOW_AUTUMN, utc(2026, 10, 25, 2, 30)),  # CET
        ("next mon 9:00", NOW_AUTUMN, utc(2026, 10, 26, 8, 0)),
    ],
)
def test_berlin_around_daylight_saving_changes(
    text: str, now: datetime, expected: datetime
) -> None:
    assert parse_datetime(text, now=now, tz=BERLIN) == expected


def test_a_rolled_time_keeps_its_wall_clock_across_the_change() -> None:
    saturday_late = utc(2026, 3, 28, 22, 0)  # Saturday 23:00 CET
    assert parse_datetime("22:00", now=saturday_late, tz=BERLIN) == utc(2026, 3, 29, 20, 0)
    assert parse_datetime("02:30", now=saturday_late, tz=BERLIN) == utc(2026, 3, 29, 1, 30)


def test_results_are_utc() -> None:
    moment = parse_datetime("明天 19:30", now=NOW, tz=BERLIN)
    assert moment.tzinfo == UTC
    assert moment == utc(2026, 3, 3, 18, 30)
