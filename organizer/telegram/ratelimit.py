"""Outbound rate limiting for the Bot API, in one place.

Telegram counts sends per bot (about 30 messages/s), per private chat (about 1/s) and per group
(about 20/min); past those it answers 429 with `retry_after`. `InMemoryRateLimiter` makes every
send wait until all three windows allow it, so bulk delivery runs close to the allowed rate without
tripping 429s, and interactive replies overtake queued bulk sends.

Pure asyncio, no aiogram: a Redis-backed limiter shared by several bot instances can implement
the same `RateLimiter` protocol.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from organizer.messenger import Priority

TimeFunc = Callable[[], float]
SleepFunc = Callable[[float], Awaitable[object]]

# How often chats whose windows and penalties have run out are forgotten, so memory follows the
# number of recently active chats rather than every chat ever written to.
_LANE_SWEEP_INTERVAL = 60.0


class RateLimiter(Protocol):
    async def acquire(self, chat_id: int, *, priority: Priority) -> None:
        """Return when one message may be sent to `chat_id` now; the send is counted."""
        ...

    def penalize(self, chat_id: int, retry_after: float) -> None:
        """Telegram answered 429 for `chat_id`: hold every send to it for `retry_after` s."""
        ...


@dataclass(frozen=True)
class RateLimits:
    """(count, seconds) pairs: at most `count` sends in any `seconds`-long interval."""

    global_: tuple[int, float] = (30, 1.0)
    private_chat: tuple[int, float] = (1, 1.0)
    group: tuple[int, float] = (20, 60.0)
    # Added to every window: a send is stamped here when it takes its slot but counted by
    # Telegram when the request arrives, and network jitter can shrink the gap between two
    # sends by that much. Without it a burst at the exact limit draws occasional 429s.
    jitter_margin: float = 0.05

    def for_chat(self, chat_id: int) -> tuple[int, float]:
        # Bot API ids: users (private chats) are positive, groups and supergroups negative.
        count, seconds = self.private_chat if chat_id > 0 else self.group
        return count, seconds + self.jitter_margin

    def global_window(self) -> tuple[int, float]:
        count, seconds = self.global_
        return count, seconds + self.jitter_margin


class SlidingWindow:
    """A sliding-window log: the exact rule "≤ count sends in any `seconds` interval".

    Only the last `count` send times matter: a new send is allowed once the oldest of them is
    `seconds` old. Send times must be recorded in non-decreasing order.
    """

    def __init__(self, count: int, seconds: float) -> None:
        if count < 1 or seconds <= 0:
            raise ValueError(f"invalid rate limit: {count} per {seconds} s")
        self.count = count
        self.seconds = seconds
        self._sends: deque[float] = deque(maxlen=count)

    def next_free(self, now: float) -> float:
        if len(self._sends) < self.count:
            return now
        return max(now, self._sends[0] + self.seconds)

    def record(self, at: float) -> None:
        self._sends.append(at)

    def last_send(self) -> float | None:
        return self._sends[-1] if self._sends else None


@dataclass(frozen=True, order=True)
class _Ticket:
    """A place in a queue: by priority, then by arrival (FIFO within a priority)."""

    priority: int
    seq: int


@dataclass(order=True)
class _Waiter:
    ticket: _Ticket
    future: asyncio.Future[float] = field(compare=False)


class _PriorityQueue:
    def __init__(self) -> None:
        self._heap: list[_Waiter] = []
        self._seq = itertools.count()

    def __len__(self) -> int:
        return len(self._heap)

    def ticket(self, priority: Priority) -> _Ticket:
        return _Ticket(int(priority), next(self._seq))

    def push(self, ticket: _Ticket) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._heap, _Waiter(ticket, future))
        return future

    def best(self) -> _Ticket | None:
        """The ticket of the next waiter that has not given up, or None."""
        while self._heap and self._heap[0].future.done():
            heapq.heappop(self._heap)  # cancelled while waiting
        return self._heap[0].ticket if self._heap else None

    def pop_live(self) -> asyncio.Future[float] | None:
        if self.best() is None:
            return None
        return heapq.heappop(self._heap).future

    def fail_all(self, error: BaseException) -> None:
        for waiter in self._heap:
            if waiter.future.done():
                continue
            if isinstance(error, asyncio.CancelledError):
                waiter.future.cancel()
            else:
                waiter.future.set_exception(error)
        self._heap.clear()


class _ChatLane:
    """One chat's window and penalty, and the senders taking turns at it.

    Only the turn holder competes for a global slot, so a chat that must wait (1 s for a private
    chat, up to a minute for a busy group) never holds up sends to other chats.
    """

    def __init__(self, window: SlidingWindow) -> None:
        self.window = window
        self.blocked_until = 0.0
        self.busy = False
        self.queue = _PriorityQueue()

    def ready_at(self, now: float) -> float:
        return max(self.window.next_free(now), self.blocked_until)

    def is_idle(self, now: float) -> bool:
        last = self.window.last_send()
        expired = last is None or last + self.window.seconds <= now
        return not self.busy and not self.queue and expired and self.blocked_until <= now

    def outranked(self, ticket: _Ticket) -> bool:
        best = self.queue.best()
        return best is not None and best < ticket

    async def take_turn(self, ticket: _Ticket) -> None:
        if not self.busy and not self.queue:
            self.busy = True
            return
        future = self.queue.push(ticket)
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.pass_turn()  # the turn was handed over just as we were cancelled
            raise

    def pass_turn(self) -> None:
        successor = self.queue.pop_live()
        if successor is None:
            self.busy = False
        else:
            successor.set_result(0.0)  # ownership moves straight on: `busy` stays True


class _GlobalGate:
    """The bot-wide window, served by priority then arrival.

    A single pump task hands out slots as the window frees up, so thousands of waiters cost one
    sleeping task rather than thousands of timers, and an interactive waiter arriving while bulk
    ones are queued is served first.
    """

    def __init__(self, window: SlidingWindow, time_func: TimeFunc, sleep_func: SleepFunc) -> None:
        self._window = window
        self._now = time_func
        self._sleep = sleep_func
        self._queue = _PriorityQueue()
        self._pump: asyncio.Task[None] | None = None

    async def acquire(self, priority: Priority) -> float:
        """Wait for a slot; returns the time at which it was granted (and counted)."""
        now = self._now()
        if not self._queue and self._window.next_free(now) <= now:
            self._window.record(now)
            return now
        future = self._queue.push(self._queue.ticket(priority))
        if self._pump is None or self._pump.done():
            self._pump = asyncio.get_running_loop().create_task(self._serve_waiters())
        return await future

    async def _serve_waiters(self) -> None:
        try:
            while self._queue:
                now = self._now()
                free_at = self._window.next_free(now)
                if free_at > now:
                    await self._sleep(free_at - now)
                    continue
                waiter = self._queue.pop_live()
                if waiter is not None:
                    self._window.record(now)
                    waiter.set_result(now)
        except BaseException as error:
            self._queue.fail_all(error)  # nobody may wait forever on a pump that died
            raise


class InMemoryRateLimiter:
    """Rate limiter for one bot process (see the module docstring)."""

    def __init__(
        self,
        limits: RateLimits | None = None,
        *,
        time_func: TimeFunc = time.monotonic,
        sleep_func: SleepFunc = asyncio.sleep,
    ) -> None:
        self.limits = limits or RateLimits()
        self._now = time_func
        self._sleep = sleep_func
        self._global = _GlobalGate(
            SlidingWindow(*self.limits.global_window()), time_func, sleep_func
        )
        self._lanes: dict[int, _ChatLane] = {}
        self._last_sweep = time_func()

    async def acquire(self, chat_id: int, *, priority: Priority) -> None:
        lane = self._lane(chat_id)
        ticket = lane.queue.ticket(priority)
        holding = False
        try:
            await lane.take_turn(ticket)
            holding = True
            while True:
                await self._wait_until_ready(lane)
                if lane.outranked(ticket):
                    # An interactive send arrived while we (bulk) waited for the chat: it goes
                    # first, and we keep our place among the rest.
                    holding = False
                    lane.pass_turn()
                    await lane.take_turn(ticket)
                    holding = True
                    continue
                granted_at = await self._global.acquire(priority)
                if lane.ready_at(granted_at) <= granted_at:
                    lane.window.record(granted_at)
                    return
                # Penalized (429) while queued for the global slot: that slot is lost, wait again.
        finally:
            if holding:
                lane.pass_turn()

    def penalize(self, chat_id: int, retry_after: float) -> None:
        lane = self._lane(chat_id)
        lane.blocked_until = max(lane.blocked_until, self._now() + retry_after)

    def tracked_chats(self) -> int:
        """How many chats the limiter currently keeps state for (for tests and metrics)."""
        return len(self._lanes)

    async def _wait_until_ready(self, lane: _ChatLane) -> None:
        # Loops because a penalty may arrive while we sleep.
        while True:
            now = self._now()
            ready_at = lane.ready_at(now)
            if ready_at <= now:
                return
            await self._sleep(ready_at - now)

    def _lane(self, chat_id: int) -> _ChatLane:
        self._forget_idle_lanes()
        lane = self._lanes.get(chat_id)
        if lane is None:
            lane = _ChatLane(SlidingWindow(*self.limits.for_chat(chat_id)))
            self._lanes[chat_id] = lane
        return lane

    def _forget_idle_lanes(self) -> None:
        now = self._now()
        if now - self._last_sweep < _LANE_SWEEP_INTERVAL:
            return
        self._last_sweep = now
        for chat_id in [chat_id for chat_id, lane in self._lanes.items() if lane.is_idle(now)]:
            del self._lanes[chat_id]
