"""Typed dates, times and durations (zh and en), read in a group's timezone.

The activity proposal form uses this when a user types instead of using the date picker.
Everything is relative to an injected `now` (aware, UTC) and the group's IANA timezone; every
moment returned is an aware UTC datetime. Whatever cannot be read raises `ParseError`, whose
`code` is a catalogue key (organizer/i18n/locales/*/timeparse.ftl) and `params` its arguments:
`texts(error.code, **error.params)`.

Accepted moments (a day, then or before it a time; see dates.py and clocktime.py):
  2026-12-01 19:30, 2026/12/1 19:30, 2026.12.01 19:30, 12-01 19:30, 12/1 19:30,
  12月1日 19:30, 12月1号 晚上7点半, 2026年12月1日19:30, 十二月一日 七点半, 5号 10:00,
  今天/明天/后天/大后天 19:30, 今晚8点, 周三/星期三/礼拜三 19:30, 下周三, 这周五/本周五, 下下周一,
  3天后 10:00, 2小时后, tomorrow 7pm, today 19:30, tonight 8:00, Dec 1 19:30,
  1 Dec 2026 7:30pm, December 1, 7 pm, next wednesday 19:30, wed 19:30, this friday 3pm,
  7pm tomorrow, in 2 hours, in 3 days 10:00, and a time alone (19:30: the next 19:30).
A month and day without a year is this year's, or next year's once this year's has passed. A
bare weekday or time is the next one, today's if still ahead. 下周三 / next wednesday is the
Wednesday of next week (weeks start on Monday); 这周五 / this friday is this week's, even if past.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from organizer.timeparse import errors
from organizer.timeparse.clocktime import parse_time_of_day, read_time
from organizer.timeparse.dates import DayChoice, candidate_days
from organizer.timeparse.durations import (
    MAX_DURATION,
    check_duration,
    parse_duration,
    read_duration,
)
from organizer.timeparse.errors import ParseError
from organizer.timeparse.formatting import format_local
from organizer.timeparse.normalize import normalize
from organizer.timeparse.zones import local_date, local_stamp, require_aware, to_utc

__all__ = [
    "MAX_DURATION",
    "ParseError",
    "format_local",
    "parse_datetime",
    "parse_duration",
    "parse_end",
    "parse_time_of_day",
]

# "in 2 hours", "2小时后", "半小时以后": a span from now rather than a day and a time.
_SPAN_FROM_NOW = re.compile(r"^in\s+(?P<span>.+)$|^(?P<zh_span>.+?)\s*(?:之后|以后|后)$")


def parse_datetime(
    text: str,
    *,
    now: datetime,
    tz: str,
    default_time: time | None = None,
    allow_past: bool = False,
) -> datetime:
    """The moment `text` names in `tz`, as an aware UTC datetime.

    A day without a time takes `default_time`; with none, "timeparse-time-missing". A moment
    not after `now` is "timeparse-in-past" unless `allow_past`.
    """
    require_aware(now, "now")
    clean = normalize(text)
    if not clean:
        raise ParseError(errors.EMPTY)
    typed = text.strip()  # errors quote what the user typed, not our normalized spelling
    moment = _on_a_day(clean, typed, now=now, tz=tz, default_time=default_time)
    if moment is None:
        moment = _from_now(clean, now)
    if moment is None:
        raise ParseError(errors.UNKNOWN, value=typed)
    if not allow_past and moment <= now:
        raise ParseError(errors.IN_PAST, when=local_stamp(moment, tz), now=local_stamp(now, tz))
    return moment


def _on_a_day(
    clean: str, typed: str, *, now: datetime, tz: str, default_time: time | None
) -> datetime | None:
    today = local_date(now, tz)
    for choice, rest in candidate_days(clean, today):
        if not rest:
            if default_time is None:
                raise ParseError(errors.TIME_MISSING, value=typed)
            return _settle(choice, default_time, now=now, tz=tz)
        at = read_time(rest, evening=choice.evening)
        if at is not None:
            return _settle(choice, at, now=now, tz=tz)
    at = read_time(clean)
    if at is None:
        return None
    return _settle(DayChoice(today, roll_days=1), at, now=now, tz=tz)


def _settle(choice: DayChoice, at: time, *, now: datetime, tz: str) -> datetime:
    moment = to_utc(choice.day, at, tz)
    if choice.roll_days and moment <= now:
        # Rebuilt from the wall clock, not moment + N days, so a DST change in between keeps
        # the time the user typed.
        moment = to_utc(choice.day + timedelta(days=choice.roll_days), at, tz)
    return moment


def _from_now(clean: str, now: datetime) -> datetime | None:
    match = _SPAN_FROM_NOW.match(clean)
    if match is None:
        return None
    span = match["span"] or match["zh_span"]
    delta = read_duration(span)
    if delta is None:
        return None
    if delta <= timedelta(0):
        raise ParseError(errors.DURATION_INVALID, value=span, max_days=str(MAX_DURATION.days))
    return now + delta


def parse_end(text: str, *, start: datetime, tz: str, now: datetime) -> datetime:
    """The end of something that starts at `start`: an end time or a duration.

    A time alone ("21:00", "晚上9点") is on the local day of `start`, so an activity running
    past midnight needs the day or a duration ("3小时"). Named days count from `now`, as in
    parse_datetime ("明天" is tomorrow, not the day after the start). A bare number is
    minutes. The end must be after `start` and at most MAX_DURATION later.
    """
    require_aware(start, "start")
    clean = normalize(text)
    if not clean:
        raise ParseError(errors.EMPTY)
    typed = text.strip()
    end = _read_end(clean, typed, start=start, tz=tz, now=now)
    if end <= start:
        raise ParseError(
            errors.END_BEFORE_START, end=local_stamp(end, tz), start=local_stamp(start, tz)
        )
    check_duration(end - start, typed)
    return end


def _read_end(clean: str, typed: str, *, start: datetime, tz: str, now: datetime) -> datetime:
    at = read_time(clean)
    if at is not None:
        return to_utc(local_date(start, tz), at, tz)
    delta = read_duration(clean)
    if delta is not None:
        return start + check_duration(delta, typed)
    try:
        return parse_datetime(typed, now=now, tz=tz, allow_past=True)
    except ParseError as error:
        if error.code == errors.UNKNOWN:
            raise ParseError(errors.END_UNKNOWN, value=typed) from None
        raise
