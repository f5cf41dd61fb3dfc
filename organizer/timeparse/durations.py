"""Durations: "90", "90分钟", "1.5小时", "1小时30分", "2h", "1h30m", "90 min", "半小时"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from organizer.timeparse import errors
from organizer.timeparse.errors import ParseError
from organizer.timeparse.normalize import normalize

# Nothing the bot organises lasts longer; a longer value is almost always a typo.
MAX_DURATION = timedelta(days=7)

_UNIT_SECONDS = {
    "分钟": 60,
    "分": 60,
    "minutes": 60,
    "minute": 60,
    "mins": 60,
    "min": 60,
    "m": 60,
    "个小时": 3600,
    "小时": 3600,
    "个钟头": 3600,
    "钟头": 3600,
    "hours": 3600,
    "hour": 3600,
    "hrs": 3600,
    "hr": 3600,
    "h": 3600,
    "天": 86400,
    "days": 86400,
    "day": 86400,
    "d": 86400,
    "个星期": 604800,
    "星期": 604800,
    "周": 604800,
    "weeks": 604800,
    "week": 604800,
    "w": 604800,
}
# Longest first, so "min" is not read as "m" followed by "in".
_UNITS = "|".join(sorted(_UNIT_SECONDS, key=len, reverse=True))
_PART = re.compile(rf"\s*(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>{_UNITS})?(?![a-z])")

# Spoken halves and quarters, rewritten into amounts the part pattern reads.
_Replacement = str | Callable[[re.Match[str]], str]
_REWRITES: tuple[tuple[re.Pattern[str], _Replacement], ...] = (
    (re.compile(r"(\d+)\s*个?半\s*(小时|钟头)"), r"\1.5小时"),
    (re.compile(r"半\s*个?\s*(?:小时|钟头)"), "30分钟"),
    (re.compile(r"(\d)\s*刻钟"), lambda m: f"{int(m[1]) * 15}分钟"),
    (re.compile(r"(?:an?\s+)?half\s+(?:an\s+)?hour"), "30 minutes"),
    (re.compile(r"\ban?\s+(hour|day|week)"), r"1 \1"),
    (re.compile(r"\s*(?:,|\band\b)\s*"), " "),
)


def _spell_out(text: str) -> str:
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text.strip()


def read_duration(text: str) -> timedelta | None:
    """The (possibly negative) duration in normalized `text`, or None if it is not one.

    A bare whole number is minutes ("90"); so is one after hours ("2h30").
    """
    spelled = _spell_out(text)
    sign = -1 if spelled.startswith("-") else 1
    spelled = spelled.lstrip("-").strip()
    parts: list[tuple[float, str | None]] = []
    position = 0
    while position < len(spelled):
        match = _PART.match(spelled, position)
        if match is None:
            return None
        parts.append((float(match["amount"]), match["unit"]))
        position = match.end()
    if not parts:
        return None
    seconds = 0.0
    previous_size = None
    for index, (amount, unit) in enumerate(parts):
        if unit is None and not (amount.is_integer() and _bare_minutes_allowed(parts, index)):
            return None  # "1.5" alone could mean hours as well as minutes: ask for the unit
        size = _UNIT_SECONDS[unit or "min"]
        if previous_size is not None and size >= previous_size:
            return None  # "1h 2h", "30m 1h": largest unit first, each once
        seconds += amount * size
        previous_size = size
    return timedelta(seconds=sign * round(seconds))


def _bare_minutes_allowed(parts: list[tuple[float, str | None]], index: int) -> bool:
    if len(parts) == 1:
        return True
    previous = parts[index - 1][1] if index else None
    return index == len(parts) - 1 and previous is not None and _UNIT_SECONDS[previous] == 3600


def check_duration(delta: timedelta, value: str) -> timedelta:
    if delta <= timedelta(0) or delta > MAX_DURATION:
        raise ParseError(errors.DURATION_INVALID, value=value, max_days=str(MAX_DURATION.days))
    return delta


def parse_duration(text: str) -> timedelta:
    """A duration typed in zh or en, more than zero and at most seven days."""
    clean = normalize(text)
    if not clean:
        raise ParseError(errors.EMPTY)
    delta = read_duration(clean)
    if delta is None:
        raise ParseError(errors.DURATION_UNKNOWN, value=text.strip())
    return check_duration(delta, text.strip())
