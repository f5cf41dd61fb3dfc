"""The inline date and time picker of the start step: a month grid, then hours, then minutes.

Each button carries the whole choice so far ("20260305", "2026030519", "202603051930"), so the
picker keeps no state of its own; the last press is checked like typed text (not in the past).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.propose.callbacks import form
from organizer.i18n import Texts
from organizer.messenger import Button

MONTHS_AHEAD = 12
MINUTES = (0, 15, 30, 45)
_BLANK = Button(" ", form("noop"))

Rows = list[tuple[Button, ...]]


def today_in(tz: str, now: datetime) -> date:
    return now.astimezone(ZoneInfo(tz)).date()


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_of(value: str, today: date) -> date:
    """The first day of the month a ◀ ▶ press asks for ("202603"), kept within the range."""
    try:
        first = date(int(value[:4]), int(value[4:6]), 1)
    except ValueError:
        first = today.replace(day=1)
    offset = _month_index(first) - _month_index(today)
    if offset < 0 or offset > MONTHS_AHEAD:
        return today.replace(day=1)
    return first


def _shift(first: date, months: int) -> date:
    index = _month_index(first) + months
    return date(index // 12, index % 12 + 1, 1)


def month_grid(first: date, today: date, texts: Texts) -> Rows:
    months, weekdays = texts("propose-picker-months").split(), texts("propose-picker-weekdays")
    offset = _month_index(first) - _month_index(today)
    previous = _shift(first, -1).strftime("%Y%m") if offset > 0 else None
    following = _shift(first, 1).strftime("%Y%m") if offset < MONTHS_AHEAD else None
    title = texts("propose-picker-title", year=str(first.year), month=months[first.month - 1])
    rows: Rows = [
        (
            Button("◀", form("nav", previous)) if previous else _BLANK,
            Button(title, form("noop")),
            Button("▶", form("nav", following)) if following else _BLANK,
        ),
        tuple(Button(name, form("noop")) for name in weekdays.split()),
    ]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        rows.append(tuple(_day_button(day, first, today) for day in week))
    return rows


def _day_button(day: date, first: date, today: date) -> Button:
    if day.month != first.month or day < today:
        return _BLANK
    return Button(str(day.day), form("day", day.strftime("%Y%m%d")))


def hour_grid(day: date) -> Rows:
    stem = day.strftime("%Y%m%d")
    hours = [Button(f"{hour:02d}", form("hour", f"{stem}{hour:02d}")) for hour in range(24)]
    return [tuple(hours[i : i + 6]) for i in range(0, 24, 6)]


def minute_grid(day: date, hour: int) -> Rows:
    stem = f"{day.strftime('%Y%m%d')}{hour:02d}"
    return [tuple(Button(f"{hour:02d}:{m:02d}", form("min", f"{stem}{m:02d}")) for m in MINUTES)]


def parse_day(value: str) -> date | None:
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def parse_hour(value: str) -> tuple[date, int] | None:
    day = parse_day(value)
    if day is None or len(value) != 10 or not value[8:].isdigit() or int(value[8:]) > 23:
        return None
    return day, int(value[8:])
