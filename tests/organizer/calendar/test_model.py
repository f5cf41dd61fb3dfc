"""The input data refuses what would make a wrong calendar file."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from organizer.calendar import AgendaItem, Recurrence
from tests.organizer.calendar.helpers import make_activity, utc


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": datetime(2026, 12, 1, 19, 30)}, "starts_at must be timezone-aware"),
        ({"updated_at": datetime(2026, 12, 1)}, "updated_at must be timezone-aware"),
        ({"agenda": (AgendaItem(datetime(2026, 12, 1, 19), "x"),)}, "agenda item"),
        ({"ends_at": utc(2026, 12, 1, 11)}, "cannot end before it starts"),
        ({"reminder_minutes": (60, -5)}, "must not be negative"),
        ({"sequence": -1}, "sequence"),
        ({"timezone": "Mars/Olympus_Mons"}, "unknown timezone"),
        ({"timezone": "../etc"}, "unknown timezone"),
        (
            {"recurrence": Recurrence("weekly", until=utc(2026, 11, 1))},
            "cannot end before the activity starts",
        ),
    ],
)
def test_invalid_activity(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make_activity(**changes)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"frequency": "daily"}, "unsupported"),
        ({"frequency": "weekly", "interval": 0}, "interval"),
        ({"frequency": "weekly", "count": 0}, "count"),
        ({"frequency": "weekly", "count": 3, "until": utc(2027, 1, 1)}, "not both"),
        ({"frequency": "weekly", "until": datetime(2027, 1, 1)}, "until must be timezone-aware"),
    ],
)
def test_invalid_recurrence(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Recurrence(**kwargs)


def test_valid_activity_is_frozen() -> None:
    activity = make_activity()
    with pytest.raises(AttributeError):
        activity.title = "changed"  # type: ignore[misc]
