"""The plain data an iCalendar file is built from: no ORM objects, so the module stays testable
and the services decide what an activity looks like in a calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True)
class AgendaItem:
    starts_at: datetime | None  # aware; shown in the group's timezone
    topic: str
    speaker: str | None = None


@dataclass(frozen=True)
class Recurrence:
    """Weekly, every `interval` weeks, ending at `until` (inclusive) or after `count` times.

    Neither end means it repeats forever; RFC 5545 forbids giving both.
    """

    frequency: Literal["weekly"]
    interval: int = 1
    until: datetime | None = None  # aware
    count: int | None = None

    def __post_init__(self) -> None:
        if self.frequency != "weekly":
            raise ValueError(f"unsupported recurrence frequency: {self.frequency!r}")
        if self.interval < 1:
            raise ValueError("recurrence interval must be at least 1")
        if self.until is not None and self.count is not None:
            raise ValueError("a recurrence ends by `until` or by `count`, not both")
        if self.count is not None and self.count < 1:
            raise ValueError("recurrence count must be at least 1")
        _require_aware(self.until, "until")


@dataclass(frozen=True, kw_only=True)
class CalendarActivity:
    uid: str  # stable per activity, e.g. "activity-42@organizer": calendars match updates by it
    sequence: int  # bumped by the caller on every change, so calendars accept the update
    title: str
    description: str | None
    agenda: tuple[AgendaItem, ...]
    starts_at: datetime  # aware (UTC)
    ends_at: datetime  # aware (UTC)
    timezone: str  # the group's IANA timezone, e.g. "Asia/Shanghai"
    location: str | None  # a place
    url: str | None  # an online link
    organizer_name: str | None
    reminder_minutes: tuple[int, ...] = (60,)  # one alarm each, that many minutes before start
    recurrence: Recurrence | None = None
    cancelled: bool = False
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        for name in ("starts_at", "ends_at", "created_at", "updated_at"):
            _require_aware(getattr(self, name), name)
        for item in self.agenda:
            _require_aware(item.starts_at, "agenda item starts_at")
        if self.ends_at < self.starts_at:
            raise ValueError("an activity cannot end before it starts")
        if any(minutes < 0 for minutes in self.reminder_minutes):
            raise ValueError("reminders come before the start: minutes must not be negative")
        if self.sequence < 0:
            raise ValueError("sequence must not be negative")
        if self.recurrence and self.recurrence.until and self.recurrence.until < self.starts_at:
            raise ValueError("a recurrence cannot end before the activity starts")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown timezone: {self.timezone!r}") from error

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _require_aware(value: datetime | None, name: str) -> None:
    # A naive datetime has no instant: guessing its zone is how events end up an hour off.
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
