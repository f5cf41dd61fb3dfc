"""parse_duration (also /mute's) and the ladder steps built on it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from organizer.services.violations import (
    DurationError,
    LadderStep,
    parse_duration,
    parse_ladder,
    parse_step,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", timedelta(minutes=30)),
        ("2h", timedelta(hours=2)),
        ("1d", timedelta(days=1)),
        (" 2H ", timedelta(hours=2)),
        ("1h30m", timedelta(minutes=90)),
        ("90", timedelta(minutes=90)),  # a bare number is minutes, as elsewhere in the bot
        ("30分钟", timedelta(minutes=30)),
        ("2小时", timedelta(hours=2)),
        ("1天", timedelta(days=1)),
        ("1m", timedelta(minutes=1)),
        ("366d", timedelta(days=366)),
    ],
)
def test_durations_read(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "moderation-admin-duration-invalid"),
        ("abc", "moderation-admin-duration-invalid"),
        ("1.5", "moderation-admin-duration-invalid"),
        ("2h1h", "moderation-admin-duration-invalid"),
        ("0m", "moderation-admin-duration-range"),
        ("-1h", "moderation-admin-duration-range"),
        ("367d", "moderation-admin-duration-range"),
        ("30s", "moderation-admin-duration-invalid"),
    ],
)
def test_bad_durations_say_why(text: str, key: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert caught.value.key == key
    assert caught.value.params == {"value": text.strip()}
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("warn", LadderStep("warn", None)),
        ("mute:1h", LadderStep("mute", timedelta(hours=1))),
        ("MUTE:30m", LadderStep("mute", timedelta(minutes=30))),
        ("mute:1d", LadderStep("mute", timedelta(days=1))),
        ("kick", LadderStep("kick", None)),
        ("ban", LadderStep("ban", None)),
        ("ban:7d", LadderStep("ban", timedelta(days=7))),
    ],
)
def test_ladder_steps(text: str, step: LadderStep) -> None:
    assert parse_step(text) == step


@pytest.mark.parametrize("text", ["mute", "warn:1h", "kick:1d", "shout", "", "mute:"])
def test_bad_ladder_steps(text: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_step(text)
    assert caught.value.key == "moderation-admin-ladder-invalid"


def test_a_bad_duration_inside_a_step_names_the_duration() -> None:
    with pytest.raises(DurationError) as caught:
        parse_ladder(["warn", "mute:forever"])
    assert caught.value.key == "moderation-admin-duration-invalid"
    assert caught.value.params == {"value": "forever"}
