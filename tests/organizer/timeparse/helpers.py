"""The fixed moment and zones every timeparse test is written against."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"
# Monday 2026-03-02 09:00 in Shanghai.
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
_CST = timezone(timedelta(hours=8))


def sh(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Shanghai wall time as the UTC instant the parser must return (UTC+8, no DST)."""
    return datetime(year, month, day, hour, minute, tzinfo=_CST).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
