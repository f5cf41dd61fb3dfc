import pytest

from organizer.moderation.flood import FloodGuard, FloodLimits
from organizer.moderation.normalize import normalize

GROUP, USER = -100, 7


def send(guard: FloodGuard, times: list[float], texts: list[str] | None = None) -> list[str | None]:
    texts = texts or [f"message number {i}" for i in range(len(times))]
    rules = []
    for at, text in zip(times, texts, strict=True):
        hit = guard.check(GROUP, USER, normalize(text), at)
        rules.append(hit.rule if hit else None)
    return rules


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        # five in ten seconds is allowed, the sixth is a flood
        ([0, 1, 2, 3, 4], [None] * 5),
        ([0, 1, 2, 3, 4, 5], [None] * 5 + ["flood.rate"]),
        ([0, 1, 2, 3, 4, 5, 6], [None] * 5 + ["flood.rate"] * 2),
        # the window slides: the sixth message 10 s after the first is fine
        ([0, 1, 2, 3, 4, 10], [None] * 6),
        ([0, 2, 4, 6, 8, 10, 12, 14], [None] * 8),  # one every 2 s forever is fine
        ([0, 1, 2, 3, 4, 5, 30, 31], [None] * 5 + ["flood.rate", None, None]),
    ],
)
def test_rate(times: list[float], expected: list[str | None]) -> None:
    assert send(FloodGuard(), times) == expected


@pytest.mark.parametrize(
    ("texts", "times", "expected"),
    [
        (["加我领资料"] * 3, [0, 20, 40], [None, None, "flood.repeat"]),
        (["加我领资料"] * 3, [0, 20, 61], [None, None, None]),  # the first fell out of the window
        (
            ["加 我 领 资 料", "加我领资料！", "加我領資料"],
            [0, 20, 40],
            [None, None, "flood.repeat"],
        ),
        (
            ["Same TEXT here", "same text here", "same-text-here"],
            [0, 15, 30],
            [None, None, "flood.repeat"],
        ),
        (["first text", "second text", "first text"], [0, 20, 40], [None, None, None]),
        (["好的"] * 4, [0, 20, 40, 59], [None] * 4),  # too short to count as a repeat
        (["👍"] * 3, [0, 20, 40], [None] * 3),  # a sticker or emoji: empty fingerprint
    ],
)
def test_repeat(texts: list[str], times: list[float], expected: list[str | None]) -> None:
    assert send(FloodGuard(), times, texts) == expected


def test_members_and_groups_are_counted_apart() -> None:
    guard = FloodGuard(max_messages=2, per_seconds=10)
    assert guard.check(1, USER, "aaaa", 0) is None
    assert guard.check(2, USER, "bbbb", 1) is None  # same member, another group
    assert guard.check(1, USER + 1, "cccc", 2) is None  # same group, another member
    assert guard.check(1, USER, "dddd", 3) is None
    hit = guard.check(1, USER, "eeee", 4)
    assert hit is not None and hit.rule == "flood.rate"
    assert (hit.category, hit.charter_ref, hit.is_violation) == ("flooding", "四(三)", True)


def test_limits_per_call_override_the_defaults() -> None:
    guard = FloodGuard()
    strict = FloodLimits(max_messages=1, per_seconds=60, repeat_limit=2, repeat_window=60)
    assert guard.check(GROUP, USER, "hello there", 0, limits=strict) is None
    hit = guard.check(GROUP, USER, "another one", 30, limits=strict)
    assert hit is not None and hit.rule == "flood.rate"


def test_idle_members_are_forgotten() -> None:
    guard = FloodGuard()  # both windows are over 60 s after a member's last message
    for user in range(50):
        guard.check(GROUP, user, "hello", float(user))
    assert len(guard) == 50
    guard.check(GROUP, 999, "hello", 49.0 + 60.0)  # users 0..48 have been idle 60 s or more
    assert len(guard) == 2
    guard.check(GROUP, 1000, "hello", 10_000.0)
    assert len(guard) == 1


def test_memory_is_bounded_by_max_keys() -> None:
    guard = FloodGuard(max_keys=50)
    for user in range(500):
        guard.check(GROUP, user, "hello", 0.0)
    assert len(guard) == 50


def test_a_long_burst_keeps_per_member_state_small() -> None:
    guard = FloodGuard()
    for i in range(1000):
        guard.check(GROUP, USER, f"text {i}", i * 0.01)
    record = guard._records[(GROUP, USER)]
    assert len(record.times) <= 6 and len(record.texts) <= 32
