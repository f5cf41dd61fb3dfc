"""Virtual time for asyncio tests: sleeping costs no real time, and the order is exact.

`VirtualTimeLoop` is an ordinary selector event loop whose clock only moves when every task is
waiting: instead of blocking in `select`, it jumps straight to the next timer. So `asyncio.sleep`
wakes sleepers in deadline order, in microseconds of real time, and a program in which every task
waits with no timer set (a lost wake-up) fails at once instead of hanging the test run.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class _JumpingSelector(selectors.BaseSelector):
    def __init__(self, advance: Callable[[float], None]) -> None:
        self._real = selectors.DefaultSelector()
        self._advance = advance

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        return self._real.unregister(fileobj)

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.modify(fileobj, events, data)

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        return self._real.get_map()

    def close(self) -> None:
        self._real.close()

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        events = self._real.select(0)
        if events:
            return events
        if timeout is None:
            raise RuntimeError("virtual time: every task is waiting and no timer is set")
        self._advance(timeout)
        return []


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self._virtual_now = 0.0
        super().__init__(_JumpingSelector(self._advance))

    def time(self) -> float:
        return self._virtual_now

    def _advance(self, seconds: float) -> None:
        self._virtual_now += seconds


class VirtualTime:
    """The fake clock handed to code under test: `now` and `sleep` run on virtual time."""

    def __init__(self) -> None:
        self.loop = VirtualTimeLoop()
        self.sleep_calls = 0

    def now(self) -> float:
        return self.loop.time()

    async def sleep(self, seconds: float) -> None:
        self.sleep_calls += 1
        await asyncio.sleep(seconds)

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        self.loop.close()
