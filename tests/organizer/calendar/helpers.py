"""Building activities and reading generated files back with independent parsers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import icalendar
import recurring_ical_events

from organizer.calendar import AgendaItem, CalendarActivity


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# Tuesday 1 December 2026, 19:30-21:00 in Shanghai (UTC+8).
BASE = CalendarActivity(
    uid="activity-42@organizer",
    sequence=0,
    title="Weekly sync",
    description="Bring your laptop.",
    agenda=(
        AgendaItem(utc(2026, 12, 1, 11, 30), "Welcome", "Alice"),
        AgendaItem(utc(2026, 12, 1, 12, 0), "Deep dive"),
    ),
    starts_at=utc(2026, 12, 1, 11, 30),
    ends_at=utc(2026, 12, 1, 13, 0),
    timezone="Asia/Shanghai",
    location="Room 301",
    url=None,
    organizer_name="Bob",
    created_at=utc(2026, 11, 1, 8, 0),
    updated_at=utc(2026, 11, 20, 9, 15),
)


def make_activity(**changes: Any) -> CalendarActivity:
    return replace(BASE, **changes)


def parse(ics: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics)


def only_event(ics: bytes) -> icalendar.Event:
    events = parse(ics).events
    assert len(events) == 1
    return events[0]


def expanded(ics: bytes, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Occurrences as recurring_ical_events reads the file, in UTC."""
    found = recurring_ical_events.of(parse(ics)).between(start, end)
    pairs = [(event.start.astimezone(UTC), event.end.astimezone(UTC)) for event in found]
    return sorted(pairs)
