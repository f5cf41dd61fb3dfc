"""format_local: the moment shown back on the proposal form, in both languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from organizer.timeparse import format_local
from tests.organizer.timeparse.helpers import BERLIN, SHANGHAI, sh, utc


@pytest.mark.parametrize(
    ("moment", "tz", "language", "expected"),
    [
        (sh(2026, 12, 1, 19, 30), SHANGHAI, "zh", "2026年12月1日 周二 19:30"),
        (sh(2026, 12, 1, 19, 30), SHANGHAI, "en", "Tue 1 Dec 2026, 19:30"),
        (sh(2026, 3, 8, 9, 5), SHANGHAI, "zh", "2026年3月8日 周日 09:05"),
        (sh(2026, 3, 8, 9, 5), SHANGHAI, "en", "Sun 8 Mar 2026, 09:05"),
        (sh(2026, 3, 2, 0, 0), SHANGHAI, "en-US", "Mon 2 Mar 2026, 00:00"),
        (sh(2026, 3, 2, 0, 0), SHANGHAI, "zh-hans", "2026年3月2日 周一 00:00"),
        (sh(2026, 3, 2, 0, 0), SHANGHAI, "fr", "2026年3月2日 周一 00:00"),
        # a zone with daylight saving time says which offset applies
        (utc(2026, 3, 28, 18, 30), BERLIN, "zh", "2026年3月28日 周六 19:30 CET"),
        (utc(2026, 3, 29, 1, 30), BERLIN, "en", "Sun 29 Mar 2026, 03:30 CEST"),
        (utc(2026, 10, 25, 0, 30), BERLIN, "en", "Sun 25 Oct 2026, 02:30 CEST"),
        (utc(2026, 10, 25, 1, 30), BERLIN, "en", "Sun 25 Oct 2026, 02:30 CET"),
        (utc(2026, 7, 1, 12, 0), "America/New_York", "en", "Wed 1 Jul 2026, 08:00 EDT"),
        (utc(2026, 1, 10, 12, 0), "Australia/Sydney", "zh", "2026年1月10日 周六 23:00 AEDT"),
        # no DST, no zone; the same instant in another zone
        (utc(2026, 12, 1, 11, 30), "Asia/Tokyo", "en", "Tue 1 Dec 2026, 20:30"),
        (utc(2026, 12, 1, 11, 30), "UTC", "en", "Tue 1 Dec 2026, 11:30"),
    ],
)
def test_format_local(moment: datetime, tz: str, language: str, expected: str) -> None:
    assert format_local(moment, tz, language) == expected


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (SHANGHAI, "Tue 1 Dec 2026, 19:30 CST"),
        ("America/Sao_Paulo", "Tue 1 Dec 2026, 08:30 UTC-3"),
        ("Asia/Kolkata", "Tue 1 Dec 2026, 17:00 IST"),
        ("Asia/Kathmandu", "Tue 1 Dec 2026, 17:15 UTC+5:45"),
    ],
)
def test_the_zone_on_request(tz: str, expected: str) -> None:
    assert format_local(utc(2026, 12, 1, 11, 30), tz, "en", show_zone=True) == expected


def test_the_zone_can_be_left_out() -> None:
    moment = utc(2026, 3, 29, 1, 30)
    assert format_local(moment, BERLIN, "en", show_zone=False) == "Sun 29 Mar 2026, 03:30"


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="dt"):
        format_local(datetime(2026, 12, 1, 19, 30), SHANGHAI, "zh")
