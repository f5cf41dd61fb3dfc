"""The day part of a typed moment: "明天", "12月1日", "下周三", "Dec 1", "next wed", "in 3 days".

A day is found at the start of the text ("明天 19:30") or at its end ("7pm tomorrow"); what
is left over is for the time-of-day parser. Each pattern below is tried in order, and the
caller takes the first one whose leftover is a time, so a pattern that happens to match a
piece of a time ("3日" in "3日后") only costs one attempt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from organizer.timeparse import errors
from organizer.timeparse.errors import ParseError


@dataclass(frozen=True)
class DayChoice:
    day: date
    # When the moment on `day` is not after now, move it this many days on (0: never). A bare
    # weekday is the next such day (7); a bare time is the next such time (1).
    roll_days: int = 0
    # "tonight": a time without am/pm or 晚上 means the evening ("tonight 8:00" is 20:00).
    evening: bool = False


Groups = dict[str, str | None]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tues", "tue"),
            ("wednesday", "wed"),
            ("thursday", "thurs", "thur", "thu"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_ZH_WEEKDAYS = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6, "日": 6, "天": 6}
_WEEK_OFFSETS = {"下下": 14, "下下个": 14, "下": 7, "下个": 7, "next": 7}  # else this week
_NAMED_DAYS = {"今天": 0, "今日": 0, "today": 0, "tonight": 0, "明天": 1, "明日": 1}
_NAMED_DAYS |= {"tomorrow": 1, "tmrw": 1, "tmr": 1, "后天": 2, "大后天": 3}
_WEEK_UNITS = {"week", "weeks", "w", "周", "星期", "礼拜"}


def _alternation(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError(
            errors.INVALID_DATE, year=str(year), month=str(month), day=str(day)
        ) from None


def _relative(groups: Groups, today: date) -> DayChoice:
    days_per_unit = 7 if groups["unit"] in _WEEK_UNITS else 1
    return DayChoice(today + timedelta(days=int(groups["amount"] or 0) * days_per_unit))


def _calendar_date(groups: Groups, today: date) -> DayChoice:
    """A month and day, with or without a year; without one, the next such date."""
    name = groups.get("month_name")
    month = _MONTHS[name] if name else int(groups["month"] or 0)
    day = int(groups["day"] or 0)
    if groups.get("year"):
        return DayChoice(make_date(int(groups["year"] or 0), month, day))
    this_year = make_date(today.year, month, day)
    if this_year < today:
        return DayChoice(make_date(today.year + 1, month, day))
    return DayChoice(this_year)


def _named_day(groups: Groups, today: date) -> DayChoice:
    word = re.sub(r"\s+", " ", groups["word"] or "").removeprefix("the ")
    offset = 2 if word == "day after tomorrow" else _NAMED_DAYS[word]
    return DayChoice(today + timedelta(days=offset), evening=word == "tonight")


def _weekday(groups: Groups, today: date) -> DayChoice:
    """周三 / wed: the next Wednesday (today if the time is still ahead); 下周三 / next wed: the
    Wednesday of next week; 这周三 / this wed: the Wednesday of this week (weeks start Monday)."""
    name = groups.get("weekday_name")
    weekday = _WEEKDAYS[name] if name else _ZH_WEEKDAYS[groups["weekday"] or ""]
    which = groups.get("which")
    if which is None:
        ahead = (weekday - today.weekday()) % 7
        return DayChoice(today + timedelta(days=ahead), roll_days=7)
    monday = today - timedelta(days=today.weekday())
    return DayChoice(monday + timedelta(days=_WEEK_OFFSETS.get(which, 0) + weekday))


def _day_of_month(groups: Groups, today: date) -> DayChoice:
    """ "5号": the 5th of this month, or of next month once this month's has passed."""
    day = int(groups["day"] or 0)
    if day >= today.day:
        return DayChoice(make_date(today.year, today.month, day))
    month_after = date(today.year, today.month, 1) + timedelta(days=31)
    return DayChoice(make_date(month_after.year, month_after.month, day))


_M = _alternation(_MONTHS)
_YEAR_AFTER = r"(?:\s*,?\s*(?P<year>\d{4})(?![\d:]))?"
_RULES: list[tuple[str, Callable[[Groups, date], DayChoice]]] = [
    (r"in\s+(?P<amount>\d+)\s*(?P<unit>days?|weeks?|d|w)", _relative),
    (r"(?P<amount>\d+)\s*个?\s*(?P<unit>天|日|周|星期|礼拜)\s*(?:之后|以后|后)", _relative),
    (
        r"(?<!\d)(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})\s*[-/.]\s*(?P<day>\d{1,2})(?!\d)",
        _calendar_date,
    ),
    (
        r"(?:(?P<year>\d{4})\s*年\s*)?(?<!\d)(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})"
        r"\s*(?:日|号|(?!\d))",
        _calendar_date,
    ),
    (r"(?<![\d./-])(?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?![\d./-])", _calendar_date),
    (
        rf"(?P<month_name>{_M})(?![a-z])\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        + _YEAR_AFTER,
        _calendar_date,
    ),
    (
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<month_name>{_M})"
        r"(?![a-z])\.?" + _YEAR_AFTER,
        _calendar_date,
    ),
    (r"(?P<word>大后天|后天|明天|明日|今天|今日)", _named_day),
    (r"(?P<word>(?:the\s+)?day\s+after\s+tomorrow|tomorrow|tmrw|tmr|today|tonight)", _named_day),
    (r"(?P<which>下下个?|下个?|这个?|本)?\s*(?:周|星期|礼拜)\s*(?P<weekday>[1-7]|日|天)", _weekday),
    (
        rf"(?:(?P<which>next|this)\s+|on\s+)?(?P<weekday_name>{_alternation(_WEEKDAYS)})\.?",
        _weekday,
    ),
    (r"(?<![\d月])(?P<day>\d{1,2})\s*(?:号|日)", _day_of_month),
]
_AT_START = [(re.compile(rf"^(?:{rule})(?![a-z])"), resolve) for rule, resolve in _RULES]
_AT_END = [(re.compile(rf"(?<![a-z])(?:{rule})$"), resolve) for rule, resolve in _RULES]
_ISO_T = re.compile(r"(?<=\d)t(?=\d)")
_LEADING = re.compile(r"^[\s,]*(?:(?:at|@)(?![a-z])|的)?\s*")
_TRAILING = re.compile(r"(?:(?:^|\s)(?:at|on)|的)?[\s,]*$")


def candidate_days(clean: str, today: date) -> Iterator[tuple[DayChoice, str]]:
    """Each reading of a day in normalized `clean`, with the text left over for the time.

    Raises "timeparse-invalid-date" for a date that matches a pattern but does not exist.
    """
    text = _ISO_T.sub(" ", clean)
    for pattern, resolve in _AT_START:
        match = pattern.search(text)
        if match:
            yield resolve(match.groupdict(), today), _tidy(text[match.end() :])
    for pattern, resolve in _AT_END:
        match = pattern.search(text)
        if match:
            yield resolve(match.groupdict(), today), _tidy(text[: match.start()])


def _tidy(rest: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", rest))
