"""Score periods: the week (Monday first), month or quarter containing a moment, as calendar
days in the group's timezone and as the UTC bounds [since, until) the queries use."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class PeriodKind(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"


def zone(name: str | None) -> ZoneInfo:
    """The named timezone, or UTC for a missing or unknown name."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    first_day: date  # local, inclusive
    end_day: date  # local, exclusive
    timezone: str

    @property
    def since(self) -> datetime:
        return datetime.combine(self.first_day, time(), zone(self.timezone)).astimezone(UTC)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end_day, time(), zone(self.timezone)).astimezone(UTC)

    def previous(self) -> Period:
        return containing(self.kind, self.first_day - timedelta(days=1), self.timezone)

    def next(self) -> Period:
        return containing(self.kind, self.end_day, self.timezone)


def containing(kind: PeriodKind | str, when: datetime | date, timezone: str) -> Period:
    """The period of `kind` that contains `when` (an aware datetime, read in `timezone`, or a
    local calendar day)."""
    kind = PeriodKind(kind)
    day = when.astimezone(zone(timezone)).date() if isinstance(when, datetime) else when
    if kind is PeriodKind.WEEK:
        first = day - timedelta(days=day.weekday())
        return Period(kind, first, first + timedelta(days=7), timezone)
    if kind is PeriodKind.MONTH:
        first = day.replace(day=1)
        return Period(kind, first, _add_months(first, 1), timezone)
    first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(kind, first, _add_months(first, 3), timezone)


def week(when: datetime | date, timezone: str) -> Period:
    return containing(PeriodKind.WEEK, when, timezone)


def month(when: datetime | date, timezone: str) -> Period:
    return containing(PeriodKind.MONTH, when, timezone)


def quarter(when: datetime | date, timezone: str) -> Period:
    return containing(PeriodKind.QUARTER, when, timezone)
