"""parse_time_of_day and parse_duration on their own."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from organizer.timeparse import ParseError, parse_duration, parse_time_of_day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:30", time(19, 30)),
        ("07:05", time(7, 5)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("19:30:15", time(19, 30, 15)),
        ("7pm", time(19, 0)),
        ("7 PM", time(19, 0)),
        ("7:30 pm", time(19, 30)),
        ("7:30pm", time(19, 30)),
        ("7 p.m.", time(19, 0)),
        ("9am", time(9, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("12:30am", time(0, 30)),
        ("noon", time(12, 0)),
        ("晚上7点半", time(19, 30)),
        ("晚上7点", time(19, 0)),
        ("晚上19:30", time(19, 30)),
        ("下午3点", time(15, 0)),
        ("下午3:30", time(15, 30)),
        ("下午12点", time(12, 0)),
        ("傍晚6点", time(18, 0)),
        ("15点20分", time(15, 20)),
        ("15点20", time(15, 20)),
        ("15时20分", time(15, 20)),
        ("19点", time(19, 0)),
        ("19点整", time(19, 0)),
        ("19点钟", time(19, 0)),
        ("8点05分", time(8, 5)),
        ("中午12点", time(12, 0)),
        ("中午1点", time(13, 0)),
        ("中午", time(12, 0)),
        ("早上9点", time(9, 0)),
        ("上午10点", time(10, 0)),
        ("凌晨2点", time(2, 0)),
        ("凌晨12点", time(0, 0)),
        ("七点半", time(7, 30)),
        ("晚上七点半", time(19, 30)),
        ("十点", time(10, 0)),
        ("十二点", time(12, 0)),
        ("二十三点五十九分", time(23, 59)),
        ("两点一刻", time(2, 15)),
        ("下午三点三刻", time(15, 45)),
        ("１９：３０", time(19, 30)),
        ("晚上７點半", time(19, 30)),
        (" 19 : 30 ", time(19, 30)),
    ],
)
def test_times_of_day(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("25:00", "timeparse-invalid-time"),
        ("24:00", "timeparse-invalid-time"),
        ("19:60", "timeparse-invalid-time"),
        ("13pm", "timeparse-invalid-time"),
        ("0am", "timeparse-invalid-time"),
        ("上午15点", "timeparse-invalid-time"),
        ("晚上12点", "timeparse-invalid-time"),
        ("晚上3点", "timeparse-invalid-time"),
        ("中午5点", "timeparse-invalid-time"),
        ("25点", "timeparse-invalid-time"),
        ("晚上7pm", "timeparse-invalid-time"),
        ("19", "timeparse-time-unknown"),
        ("19:3", "timeparse-time-unknown"),
        ("abc", "timeparse-time-unknown"),
        ("明天", "timeparse-time-unknown"),
        ("", "timeparse-empty"),
        ("   ", "timeparse-empty"),
    ],
)
def test_bad_times_of_day(text: str, code: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_time_of_day(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90", timedelta(minutes=90)),
        ("90分钟", timedelta(minutes=90)),
        ("90分", timedelta(minutes=90)),
        ("1.5小时", timedelta(minutes=90)),
        ("1小时30分", timedelta(minutes=90)),
        ("1小时30分钟", timedelta(minutes=90)),
        ("1小时30", timedelta(minutes=90)),
        ("2个小时", timedelta(hours=2)),
        ("2h", timedelta(hours=2)),
        ("2H", timedelta(hours=2)),
        ("1h30m", timedelta(minutes=90)),
        ("1h 30m", timedelta(minutes=90)),
        ("2h30", timedelta(minutes=150)),
        ("90 min", timedelta(minutes=90)),
        ("90 mins", timedelta(minutes=90)),
        ("90 minutes", timedelta(minutes=90)),
        ("1.5 hours", timedelta(minutes=90)),
        ("1 hour", timedelta(hours=1)),
        ("1 hr 15 min", timedelta(minutes=75)),
        ("1 hour and 30 minutes", timedelta(minutes=90)),
        ("1 hour, 30 minutes", timedelta(minutes=90)),
        ("an hour", timedelta(hours=1)),
        ("half an hour", timedelta(minutes=30)),
        ("半小时", timedelta(minutes=30)),
        ("半个小时", timedelta(minutes=30)),
        ("一个半小时", timedelta(minutes=90)),
        ("两个半小时", timedelta(minutes=150)),
        ("两小时", timedelta(hours=2)),
        ("三十分钟", timedelta(minutes=30)),
        ("一刻钟", timedelta(minutes=15)),
        ("2个钟头", timedelta(hours=2)),
        ("1天", timedelta(days=1)),
        ("2 days", timedelta(days=2)),
        ("7天", timedelta(days=7)),
        ("1周", timedelta(days=7)),
        ("1 week", timedelta(days=7)),
        ("168h", timedelta(days=7)),
        ("１.５小时", timedelta(minutes=90)),
        ("９０ ｍｉｎ", timedelta(minutes=90)),
    ],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0", "timeparse-duration-invalid"),
        ("0分钟", "timeparse-duration-invalid"),
        ("-30", "timeparse-duration-invalid"),
        ("-1h", "timeparse-duration-invalid"),
        ("8天", "timeparse-duration-invalid"),
        ("7 days 1 min", "timeparse-duration-invalid"),
        ("10081", "timeparse-duration-invalid"),
        ("2 weeks", "timeparse-duration-invalid"),
        ("abc", "timeparse-duration-unknown"),
        ("1.5", "timeparse-duration-unknown"),
        ("2h 1.5", "timeparse-duration-unknown"),
        ("19:30", "timeparse-duration-unknown"),
        ("90 apples", "timeparse-duration-unknown"),
        ("30 1h", "timeparse-duration-unknown"),
        ("1h 2h 3", "timeparse-duration-unknown"),
        ("", "timeparse-empty"),
    ],
)
def test_bad_durations(text: str, code: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_duration(text)
    assert caught.value.code == code


def test_a_bad_duration_names_what_was_typed_and_the_limit() -> None:
    with pytest.raises(ParseError) as caught:
        parse_duration(" 8天 ")
    assert caught.value.params == {"value": "8天", "max_days": "7"}
