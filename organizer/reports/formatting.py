"""Numbers and times as the summary shows them, the same in every language.

Rounding is half-up (83.5 % shows as 84 %), as people round by hand, not Python's half-even.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from organizer.reports.summary import as_aware

MISSING = "—"
MINUS = "−"  # U+2212: a real minus sign lines up with "+" and does not wrap like a hyphen


def _rounded(value: float, places: int, *, scale: int = 1) -> Decimal:
    # Scaled in decimal, not float: 0.145 * 100 is 14.499999999999998 in binary floating point.
    # repr() is the shortest decimal that reads back as the same float.
    exponent = Decimal(1).scaleb(-places)
    return (Decimal(repr(value)) * scale).quantize(exponent, rounding=ROUND_HALF_UP)


def percent(rate: float | None) -> str:
    """0.8333 -> "83%"."""
    if rate is None:
        return MISSING
    return f"{_rounded(rate, 0, scale=100)}%"


def average(value: float | None) -> str:
    """3.75 -> "3.8"."""
    if value is None:
        return MISSING
    return str(_rounded(value, 1))


def signed_points(change: float | None) -> str:
    """A change of rates in percentage points, without the unit: 0.052 -> "+5"."""
    if change is None:
        return MISSING
    return _signed(_rounded(change, 0, scale=100))


def signed_average(change: float | None) -> str:
    """A change of average ratings: -0.46 -> "−0.5"."""
    if change is None:
        return MISSING
    return _signed(_rounded(change, 1))


def _signed(value: Decimal) -> str:
    if value == 0:
        return str(abs(value))
    if value > 0:
        return f"+{value}"
    return f"{MINUS}{abs(value)}"


def local(moment: datetime, timezone: str) -> datetime:
    """The moment in the activity's timezone."""
    return as_aware(moment).astimezone(ZoneInfo(timezone))


def local_naive(moment: datetime | None, timezone: str) -> datetime | None:
    """Local wall-clock time without tzinfo, for spreadsheets (Excel has no timezones)."""
    if moment is None:
        return None
    return local(moment, timezone).replace(tzinfo=None)


def date_time(moment: datetime, timezone: str) -> str:
    return local(moment, timezone).strftime("%Y-%m-%d %H:%M")


def period(starts_at: datetime, ends_at: datetime, timezone: str) -> tuple[str, str]:
    """Start and end as shown; the end drops its date when the activity ends the same day."""
    start, end = local(starts_at, timezone), local(ends_at, timezone)
    end_format = "%H:%M" if start.date() == end.date() else "%Y-%m-%d %H:%M"
    return start.strftime("%Y-%m-%d %H:%M"), end.strftime(end_format)
