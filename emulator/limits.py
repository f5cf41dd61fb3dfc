"""Flood limits and fault injection.

Telegram's limits are sliding windows per bot: about 30 messages a second overall, one a second
per private chat and 20 a minute per group. Exceeding one gives 429 with the seconds until a slot
frees, which is what a well-behaved sender has to honour.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from .errors import ApiError, too_many_requests

# Methods that put a message into a chat; edits are throttled too (Telegram does).
MESSAGE_METHODS = frozenset(
    {"sendmessage", "senddocument", "sendphoto", "sendpoll", "copymessage", "forwardmessage"}
)
EDIT_METHODS = frozenset({"editmessagetext", "editmessagereplymarkup", "editmessagecaption"})
THROTTLED_METHODS = MESSAGE_METHODS | EDIT_METHODS


@dataclass
class EmulatorLimits:
    """Rates are (count, window seconds). Defaults are Telegram's real limits."""

    enabled: bool = True
    global_rate: tuple[int, float] = (30, 1.0)
    private_rate: tuple[int, float] = (1, 1.0)
    group_rate: tuple[int, float] = (20, 60.0)
    # Share of requests answered with 500/502 instead of being executed (fault tests).
    failure_rate: float = 0.0
    failure_seed: int = 0
    # Methods exempt from injected failures; polling is exempt so a fault test measures the
    # bot's sending, not aiogram's polling back-off.
    failure_exempt_methods: frozenset[str] = frozenset({"getupdates"})


class SlidingWindow:
    """At most `count` events in any `seconds` long span."""

    def __init__(self, count: int, seconds: float) -> None:
        self.count = count
        self.seconds = seconds
        self._times: deque[float] = deque()

    def wait_needed(self, now: float) -> float:
        """Seconds until one more event fits; 0 if it fits now."""
        while self._times and self._times[0] <= now - self.seconds:
            self._times.popleft()
        if len(self._times) < self.count:
            return 0.0
        return self._times[len(self._times) - self.count] + self.seconds - now

    def record(self, now: float) -> None:
        self._times.append(now)


class RateLimiter:
    """Per-bot global window plus a window per (bot, chat)."""

    def __init__(self, limits: EmulatorLimits, monotonic: Callable[[], float]) -> None:
        self.limits = limits
        self.monotonic = monotonic
        self._windows: dict[Hashable, SlidingWindow] = {}

    def _window(self, key: Hashable, rate: tuple[int, float]) -> SlidingWindow:
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = SlidingWindow(*rate)
        return window

    def acquire(self, bot_id: int, chat_id: int, is_private: bool) -> None:
        """Take a slot for one message to `chat_id` or raise 429 with retry_after."""
        if not self.limits.enabled:
            return
        now = self.monotonic()
        chat_rate = self.limits.private_rate if is_private else self.limits.group_rate
        windows = [
            self._window(("global", bot_id), self.limits.global_rate),
            self._window(("chat", bot_id, chat_id), chat_rate),
        ]
        wait = max(window.wait_needed(now) for window in windows)
        if wait > 0:
            raise too_many_requests(max(1, math.ceil(wait)))
        for window in windows:
            window.record(now)

    def reset(self) -> None:
        self._windows.clear()


class FaultInjector:
    """Fails a seeded-random share of requests with a gateway error before executing them."""

    def __init__(self, limits: EmulatorLimits) -> None:
        self.limits = limits
        self._random = random.Random(limits.failure_seed)

    def failure_for(self, method: str) -> ApiError | None:
        """The error to answer `method` (lower-case) with instead of running it, if any."""
        if self.limits.failure_rate <= 0 or method in self.limits.failure_exempt_methods:
            return None
        if self._random.random() >= self.limits.failure_rate:
            return None
        if self._random.random() < 0.5:
            return ApiError(500, "Internal Server Error")
        return ApiError(502, "Bad Gateway")
