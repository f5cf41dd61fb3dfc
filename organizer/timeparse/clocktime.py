"""Times of day: "19:30", "7pm", "7:30 pm", "晚上7点半", "下午3点", "15点20分", "中午12点"."""

from __future__ import annotations

import re
from datetime import time

from organizer.timeparse import errors
from organizer.timeparse.errors import ParseError
from organizer.timeparse.normalize import normalize

_PERIODS = "凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间"
_AMPM = r"(?P<ampm>[ap])\.?\s?m\.?(?![a-z])"
_CLOCK = re.compile(
    rf"^(?:(?P<period>{_PERIODS})\s*)?(?P<hour>\d{{1,2}})"
    rf"(?::(?P<minute>\d{{2}})(?::(?P<second>\d{{2}}))?)?(?:\s*{_AMPM})?$"
)
_CHINESE = re.compile(
    rf"^(?:(?P<period>{_PERIODS})\s*)?(?P<hour>\d{{1,2}})\s*[点时]\s*钟?\s*"
    r"(?:(?P<half>半)|(?P<quarters>[1-3])\s*刻|(?P<minute>\d{1,2})\s*分?|整)?$"
)
_NOON = re.compile(r"^(?:noon|midday|中午)$")


def _hours(pairs: dict[int, int], *ranges: tuple[range, int]) -> dict[int, int]:
    """Typed hour → hour of the day, for the hours that make sense with one period word."""
    table = dict(pairs)
    for hours, shift in ranges:
        table.update({hour: hour + shift for hour in hours})
    return table


_MORNING = _hours({}, (range(0, 13), 0))
_AFTERNOON = _hours({12: 12}, (range(1, 12), 12), (range(13, 24), 0))
# "晚上12点" and "晚上1点" are left out: people mean the small hours of the next day, which the
# date they wrote does not say; 凌晨 says it unambiguously.
_EVENING = _hours({}, (range(5, 12), 12), (range(13, 24), 0))
_PERIOD_HOURS: dict[str, dict[int, int]] = {
    "": _hours({}, (range(0, 24), 0)),
    "a": _hours({12: 0}, (range(1, 12), 0)),
    "p": _hours({12: 12}, (range(1, 12), 12)),
    "凌晨": _hours({12: 0}, (range(0, 7), 0)),
    "早上": _MORNING,
    "早晨": _MORNING,
    "清晨": _MORNING,
    "上午": _MORNING,
    "中午": _hours({1: 13, 2: 14}, (range(11, 15), 0)),
    "下午": _AFTERNOON,
    "傍晚": _AFTERNOON,
    "晚上": _EVENING,
    "晚间": _EVENING,
    "夜里": _EVENING,
    "夜间": _EVENING,
}


def read_time(text: str, *, evening: bool = False) -> time | None:
    """The time of day in normalized `text`, or None when it is not shaped like one.

    Raises "timeparse-invalid-time" when it is shaped like one but cannot be (25:00, 13pm).
    `evening` (the day was "tonight") makes a bare "8:00" mean 20:00.
    """
    if _NOON.match(text):
        return time(12, 0)
    match = _CLOCK.match(text)
    if match and not (match["minute"] or match["ampm"] or match["period"]):
        return None  # a bare number is a duration or a day, not a time
    match = match or _CHINESE.match(text)
    if match is None:
        return None
    groups = match.groupdict()
    if groups.get("period") and groups.get("ampm"):
        raise ParseError(errors.INVALID_TIME, value=text)
    period = groups.get("period") or groups.get("ampm") or ("晚上" if evening else "")
    hour = _PERIOD_HOURS[period].get(int(groups["hour"]))
    if evening and hour is None and not groups.get("period") and not groups.get("ampm"):
        hour = _PERIOD_HOURS[""].get(int(groups["hour"]))
    minute = _minute(groups)
    second = int(groups.get("second") or 0)
    if hour is None or minute > 59 or second > 59:
        raise ParseError(errors.INVALID_TIME, value=text)
    return time(hour, minute, second)


def _minute(groups: dict[str, str | None]) -> int:
    if groups.get("half"):
        return 30
    if groups.get("quarters"):
        return 15 * int(groups["quarters"] or 0)
    return int(groups.get("minute") or 0)


def parse_time_of_day(text: str) -> time:
    """A time of day typed in zh or en; raises ParseError ("timeparse-time-unknown", ...)."""
    clean = normalize(text)
    if not clean:
        raise ParseError(errors.EMPTY)
    found = read_time(clean)
    if found is None:
        raise ParseError(errors.TIME_UNKNOWN, value=text.strip())
    return found
