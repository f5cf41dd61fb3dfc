"""Flooding (charter 四(三)3: 恶意刷屏), per member and group, in memory.

- `flood.rate`: more than `max_messages` messages within `per_seconds` (the message that goes
  over the limit is the hit, and so is every further one until the window has room again).
- `flood.repeat`: the same normalised text for the `repeat_limit`-th time within
  `repeat_window` seconds. Texts shorter than `REPEAT_MIN_CHARS` after normalisation ("好的",
  "收到", a sticker's empty caption) are never repeats: people say them to several messages.

State is a small record per (group, member) kept in least-recently-active order; records idle
longer than both windows are dropped as new messages arrive, and at most `max_keys` are kept,
so memory stays bounded however many members write. Time is passed in (`at`, seconds on any
monotonic scale), so tests drive the windows directly. Only one process sees its own members'
messages; with several bot instances each keeps its own view (a flood still trips wherever the
messages land, because Telegram delivers a group's updates to one instance at a time).
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass

from organizer.moderation.hits import CHARTER_PROHIBITED, FLOODING, Hit, clip

REPEAT_MIN_CHARS = 4
_RECENT_TEXTS = 32  # fingerprints remembered per member: a repeat needs far fewer


@dataclass(frozen=True, slots=True)
class FloodLimits:
    max_messages: int = 5
    per_seconds: float = 10.0
    repeat_limit: int = 3
    repeat_window: float = 60.0

    @property
    def horizon(self) -> float:
        """How long a member's record still matters after their last message."""
        return max(self.per_seconds, self.repeat_window)


class _Record:
    __slots__ = ("last_at", "times", "texts")

    def __init__(self) -> None:
        self.last_at = 0.0
        self.times: deque[float] = deque()
        self.texts: deque[tuple[float, int]] = deque(maxlen=_RECENT_TEXTS)


class FloodGuard:
    def __init__(
        self,
        max_messages: int = 5,
        per_seconds: float = 10.0,
        repeat_limit: int = 3,
        repeat_window: float = 60.0,
        *,
        max_keys: int = 100_000,
    ) -> None:
        self.limits = FloodLimits(max_messages, per_seconds, repeat_limit, repeat_window)
        self.max_keys = max_keys
        self._records: OrderedDict[tuple[int, int], _Record] = OrderedDict()
        # The longest horizon any group has asked for: a record is idle only past all of them.
        self._horizon = self.limits.horizon

    def __len__(self) -> int:
        """Members currently remembered."""
        return len(self._records)

    def check(
        self,
        group_id: int,
        user_id: int,
        text_fingerprint: str,
        at: float,
        *,
        limits: FloodLimits | None = None,
    ) -> Hit | None:
        """Record one message and say whether it floods (`limits` overrides the defaults)."""
        limits = limits or self.limits
        self._horizon = max(self._horizon, limits.horizon)
        record = self._touch((group_id, user_id), at)
        rate = _count_rate(record, at, limits)
        if rate > limits.max_messages:
            return _hit("rate", f"{rate} / {limits.per_seconds:g}s")
        if len(text_fingerprint) >= REPEAT_MIN_CHARS:
            repeats = _count_repeats(record, hash(text_fingerprint), at, limits)
            if repeats >= limits.repeat_limit:
                return _hit("repeat", f"{repeats}× {text_fingerprint}")
        return None

    def _touch(self, key: tuple[int, int], at: float) -> _Record:
        record = self._records.get(key)
        if record is None:
            record = self._records[key] = _Record()
        else:
            self._records.move_to_end(key)
        record.last_at = at
        self._evict(at - self._horizon)
        return record

    def _evict(self, idle_before: float) -> None:
        """Drop the least recently active records: idle ones, and any beyond `max_keys`."""
        records = self._records
        while records:
            oldest = next(iter(records.values()))
            if oldest.last_at >= idle_before and len(records) <= self.max_keys:
                return
            records.popitem(last=False)


def _count_rate(record: _Record, at: float, limits: FloodLimits) -> int:
    times = record.times
    times.append(at)
    while times and times[0] <= at - limits.per_seconds:
        times.popleft()
    # Only "more than max_messages" matters: the deque never needs to grow past one over.
    while len(times) > limits.max_messages + 1:
        times.popleft()
    return len(times)


def _count_repeats(record: _Record, fingerprint: int, at: float, limits: FloodLimits) -> int:
    texts = record.texts
    texts.append((at, fingerprint))
    while texts and texts[0][0] <= at - limits.repeat_window:
        texts.popleft()
    return sum(1 for _, seen in texts if seen == fingerprint)


def _hit(rule: str, evidence: str) -> Hit:
    return Hit(
        rule=f"flood.{rule}",
        category=FLOODING,
        evidence=clip(evidence),
        charter_ref=CHARTER_PROHIBITED,
    )
