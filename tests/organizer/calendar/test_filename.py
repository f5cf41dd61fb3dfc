from __future__ import annotations

import re
from datetime import datetime

import pytest

from organizer.calendar import ics_filename
from tests.organizer.calendar.helpers import utc

# 17:00 UTC on 30 November is already 1 December in Shanghai.
LATE_EVENING = utc(2026, 11, 30, 17)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Weekly Sync", "2026-12-01-weekly-sync.ics"),
        ("周会", "activity-2026-12-01.ics"),
        ("第3周", "activity-2026-12-01.ics"),
        ("Python 入门 第3周", "2026-12-01-python-3.ics"),
        ("Café ＡＢＣ", "2026-12-01-cafe-abc.ics"),
        ("../../etc/passwd", "2026-12-01-etc-passwd.ics"),
        ('Q&A: "what\'s new?" 🎉', "2026-12-01-q-a-what-s-new.ics"),
        ("", "activity-2026-12-01.ics"),
        ("word " * 30, "2026-12-01-" + "-".join(["word"] * 12) + ".ics"),
    ],
)
def test_filename(title: str, expected: str) -> None:
    assert ics_filename(title, LATE_EVENING, "Asia/Shanghai") == expected


@pytest.mark.parametrize(
    ("tz", "day"), [("Asia/Shanghai", "2026-12-01"), ("Europe/Berlin", "2026-11-30")]
)
def test_date_is_the_local_one(tz: str, day: str) -> None:
    assert ics_filename("Sync", LATE_EVENING, tz) == f"{day}-sync.ics"


@pytest.mark.parametrize("title", ["a" * 500, "x/" * 200, "🎉" * 50, "名" * 100])
def test_always_short_safe_ascii(title: str) -> None:
    name = ics_filename(title, datetime.fromisoformat("2026-12-01T10:00:00+00:00"), "UTC")
    assert re.fullmatch(r"[a-z0-9-]+\.ics", name)
    assert len(name) <= 80
