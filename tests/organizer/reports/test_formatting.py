"""How numbers and times read in the summary."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from organizer.reports import formatting as fmt


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (2 / 6, "33%"),
        (5 / 6, "83%"),
        (0.8, "80%"),
        (0.145, "15%"),
        (0.125, "13%"),
        (0.0, "0%"),
        (1.25, "125%"),
        (None, "—"),
    ],
)
def test_percent_has_no_decimals_and_rounds_half_up(rate: float | None, shown: str) -> None:
    assert fmt.percent(rate) == shown


@pytest.mark.parametrize(
    ("value", "shown"), [(3.75, "3.8"), (3.25, "3.3"), (4.0, "4.0"), (13 / 3, "4.3"), (None, "—")]
)
def test_average_has_one_decimal(value: float | None, shown: str) -> None:
    assert fmt.average(value) == shown


@pytest.mark.parametrize(
    ("change", "shown"),
    [(0.052, "+5"), (-1 / 60, "−2"), (0.004, "0"), (-0.004, "0"), (None, "—")],
)
def test_signed_points(change: float | None, shown: str) -> None:
    assert fmt.signed_points(change) == shown


@pytest.mark.parametrize(
    ("change", "shown"), [(0.25, "+0.3"), (-0.5833, "−0.6"), (0.04, "0.0"), (None, "—")]
)
def test_signed_average(change: float | None, shown: str) -> None:
    assert fmt.signed_average(change) == shown


def test_period_on_one_day_shows_the_date_once() -> None:
    starts = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    ends = datetime(2026, 3, 2, 3, 30, tzinfo=UTC)
    assert fmt.period(starts, ends, "Asia/Shanghai") == ("2026-03-02 09:00", "11:30")


def test_period_past_local_midnight_shows_both_dates() -> None:
    starts = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    ends = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # 01:00 the next day
    assert fmt.period(starts, ends, "Asia/Shanghai") == ("2026-03-02 22:00", "2026-03-03 01:00")


def test_local_naive_is_wall_clock_time_without_tzinfo() -> None:
    moment = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert fmt.local_naive(moment, "Europe/Berlin") == datetime(2026, 7, 1, 14, 0)
    assert fmt.local_naive(None, "Europe/Berlin") is None
