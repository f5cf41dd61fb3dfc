"""Between a group's wall clock and UTC, including the two DST corner cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo


def require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def local_date(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def to_utc(day: date, at: time, tz: str) -> datetime:
    """The UTC instant at which the wall clock in `tz` shows `day` `at`.

    A wall time that does not exist (the spring-forward gap, e.g. 02:30 on 2026-03-29 in
    Berlin) is shifted forward by the length of the gap (→ 03:30 CEST): fold=0 reads it with
    the offset in force before the change, which is what someone who set the time the day
    before meant. A wall time that occurs twice (fall back) is taken at its first occurrence,
    which is also fold=0.
    """
    local = datetime.combine(day, at.replace(tzinfo=None)).replace(tzinfo=ZoneInfo(tz), fold=0)
    return local.astimezone(UTC)


def local_stamp(moment: datetime, tz: str) -> str:
    """ "2026-03-01 08:00": a local time that reads the same in every language, for messages."""
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")
