"""Expanding an activity into its occurrences, the way a calendar reading our file would.

A weekly activity keeps its local wall-clock time in the group's timezone: 19:30 in Berlin stays
19:30 across the change to summer time, so its instant in UTC moves by an hour. Local times are
resolved as RFC 5545 (3.3.5) says: a time that occurs twice means the first one, a time that
does not exist (skipped by the clock change) is read with the offset from before the gap. That is
exactly what `fold=0` means for zoneinfo.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from organizer.calendar.model import CalendarActivity, Recurrence


def occurrences(
    activity: CalendarActivity, *, window_start: datetime, window_end: datetime
) -> list[tuple[datetime, datetime]]:
    """The (start, end) pairs, aware and in UTC, of the occurrences overlapping the window.

    The window is half-open: an occurrence ending exactly at `window_start` is outside, one
    starting exactly at `window_end` is outside. Cancellation is not looked at here; the caller
    decides what a cancelled activity means for it.
    """
    if window_start.utcoffset() is None or window_end.utcoffset() is None:
        raise ValueError("the window must be timezone-aware")
    duration = activity.ends_at - activity.starts_at
    found = []
    for start in _starts_from(activity, not_before=window_start - duration):
        if start >= window_end:
            break
        end = start + duration
        if _overlaps(start, end, window_start, window_end):
            found.append((start, end))
    return found


def last_start(activity: CalendarActivity) -> datetime | None:
    """When the last occurrence starts, or None if the activity repeats forever."""
    rule = activity.recurrence
    if rule is None:
        return activity.starts_at.astimezone(UTC)
    if rule.count is not None:
        return _nth_start(activity, rule.count - 1, _step(rule))
    if rule.until is not None:
        last = None
        for start in _starts_from(activity, not_before=rule.until - _step(rule)):
            last = start
        return last
    return None


def _starts_from(activity: CalendarActivity, *, not_before: datetime) -> Iterator[datetime]:
    """Occurrence starts in order, beginning a little before `not_before` (never skipping one)."""
    rule = activity.recurrence
    if rule is None:
        yield activity.starts_at.astimezone(UTC)
        return
    step = _step(rule)
    # Jump close to the window instead of walking from the first occurrence; one step of
    # margin covers the offset changes between local and UTC time (all far shorter than a week).
    index = max(0, (not_before - activity.starts_at) // step - 1)
    while rule.count is None or index < rule.count:
        start = _nth_start(activity, index, step)
        if rule.until is not None and start > rule.until:
            return
        yield start
        index += 1


def _nth_start(activity: CalendarActivity, index: int, step: timedelta) -> datetime:
    if index == 0:
        # The given instant itself, even when its local time is ambiguous (fold=1).
        return activity.starts_at.astimezone(UTC)
    zone = activity.zone
    local = activity.starts_at.astimezone(zone).replace(tzinfo=None) + index * step
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)


def _step(rule: Recurrence) -> timedelta:
    return timedelta(weeks=rule.interval)


def _overlaps(start: datetime, end: datetime, window_start: datetime, window_end: datetime) -> bool:
    if start == end:  # an instant: inside when it falls in the half-open window
        return window_start <= start < window_end
    return start < window_end and end > window_start
