"""parse_end: an end time on the start's day, a full date and time, or a duration."""

from __future__ import annotations

from datetime import datetime

import pytest

from organizer.timeparse import ParseError, parse_end
from tests.organizer.timeparse.helpers import BERLIN, NOW, SHANGHAI, sh, utc

START = sh(2026, 3, 3, 19, 0)  # Tuesday 19:00 in Shanghai


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time alone: the same local day as the start
        ("21:00", sh(2026, 3, 3, 21, 0)),
        ("晚上9点", sh(2026, 3, 3, 21, 0)),
        ("9pm", sh(2026, 3, 3, 21, 0)),
        ("19:01", sh(2026, 3, 3, 19, 1)),
        ("二十一点半", sh(2026, 3, 3, 21, 30)),
        # a date and time; named days count from now (Monday), like everywhere else
        ("后天 10:00", sh(2026, 3, 4, 10, 0)),
        ("2026-03-04 01:00", sh(2026, 3, 4, 1, 0)),
        ("day after tomorrow 1am", sh(2026, 3, 4, 1, 0)),
        ("周三 凌晨1点", sh(2026, 3, 4, 1, 0)),
        # a duration
        ("90", sh(2026, 3, 3, 20, 30)),
        ("90分钟", sh(2026, 3, 3, 20, 30)),
        ("2h", sh(2026, 3, 3, 21, 0)),
        ("1h30m", sh(2026, 3, 3, 20, 30)),
        ("1.5 hours", sh(2026, 3, 3, 20, 30)),
        ("半小时", sh(2026, 3, 3, 19, 30)),
        ("3小时", sh(2026, 3, 3, 22, 0)),
        ("6h", sh(2026, 3, 4, 1, 0)),
        ("7天", sh(2026, 3, 10, 19, 0)),
    ],
)
def test_ends(text: str, expected: datetime) -> None:
    assert parse_end(text, start=START, tz=SHANGHAI, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("18:00", "timeparse-end-before-start"),
        ("19:00", "timeparse-end-before-start"),
        ("01:00", "timeparse-end-before-start"),  # past midnight needs the day
        ("今天 10:00", "timeparse-end-before-start"),  # a past end is still read, then refused
        ("明天 10:00", "timeparse-end-before-start"),  # tomorrow from now is the start's day
        ("0", "timeparse-duration-invalid"),
        ("-30", "timeparse-duration-invalid"),
        ("8天", "timeparse-duration-invalid"),
        ("2026-03-20 10:00", "timeparse-duration-invalid"),  # more than 7 days after the start
        ("25:00", "timeparse-invalid-time"),
        ("明天", "timeparse-time-missing"),
        ("2/30 10:00", "timeparse-invalid-date"),
        ("soon", "timeparse-end-unknown"),
        ("", "timeparse-empty"),
    ],
)
def test_bad_ends(text: str, code: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_end(text, start=START, tz=SHANGHAI, now=NOW)
    assert caught.value.code == code


def test_the_time_alone_is_on_the_start_day_in_the_groups_zone() -> None:
    # 23:30 UTC on the 2nd is already the 3rd in Shanghai, so 21:00 is on the 3rd.
    start = utc(2026, 3, 2, 23, 30)
    assert parse_end("21:00", start=start, tz=SHANGHAI, now=NOW) == sh(2026, 3, 3, 21, 0)


def test_a_duration_over_the_spring_change_counts_real_hours() -> None:
    start = utc(2026, 3, 29, 0, 30)  # 01:30 CET, half an hour before the change
    assert parse_end("2h", start=start, tz=BERLIN, now=utc(2026, 3, 28)) == utc(2026, 3, 29, 2, 30)
    assert parse_end("04:30", start=start, tz=BERLIN, now=utc(2026, 3, 28)) == utc(
        2026, 3, 29, 2, 30
    )


def test_end_before_start_names_both() -> None:
    with pytest.raises(ParseError) as caught:
        parse_end("01:00", start=START, tz=SHANGHAI, now=NOW)
    assert caught.value.params == {"end": "2026-03-03 01:00", "start": "2026-03-03 19:00"}
