"""The sandbox's clock: real time flowing, plus an offset that time travel moves.

Time keeps running (coalesced edits and short timers still fall due on their own), while the
"+1 h" / "next action" buttons jump ahead. The bot, its scheduler and the emulator's message
dates all read this one clock.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class SandboxClock:
    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("SandboxClock needs a timezone-aware start")
        self._base = (start or datetime.now(UTC)).astimezone(UTC)
        self._started = time.monotonic()
        self._offset = timedelta()

    def now(self) -> datetime:
        elapsed = timedelta(seconds=time.monotonic() - self._started)
        return self._base + elapsed + self._offset

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta():
            raise ValueError("time only moves forward in the sandbox")
        self._offset += delta
        return self.now()

    def set(self, moment: datetime) -> datetime:
        """Jump to `moment` (never backwards: the bot's due actions assume monotonic time)."""
        return self.advance(max(moment.astimezone(UTC) - self.now(), timedelta()))

    def timestamp(self) -> float:
        return self.now().timestamp()
