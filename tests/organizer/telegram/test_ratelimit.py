"""InMemoryRateLimiter on virtual time: every window is checked on the recorded grant times."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterator

import pytest

from organizer.messenger import Priority
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from tests.organizer.telegram.virtual_time import VirtualTime

# Grant times are sums of floats; a window may look shorter than it is by rounding only.
EPSILON = 1e-6
PRIVATE = 1001
GROUP = -1001


@pytest.fixture
def vt() -> Iterator[VirtualTime]:
    virtual_time = VirtualTime()
    yield virtual_time
    virtual_time.close()


# The window arithmetic is checked exactly; the jitter margin has a test of its own.
EXACT = RateLimits(jitter_margin=0.0)


def make_limiter(vt: VirtualTime, limits: RateLimits | None = None) -> InMemoryRateLimiter:
    return InMemoryRateLimiter(limits or EXACT, time_func=vt.now, sleep_func=vt.sleep)


class GrantLog:
    """Records (time, chat, label) for every acquire that returned, in grant order."""

    def __init__(self, vt: VirtualTime, limiter: InMemoryRateLimiter) -> None:
        self.vt = vt
        self.limiter = limiter
        self.grants: list[tuple[float, int, str]] = []

    async def acquire(
        self, chat_id: int, priority: Priority = Priority.BULK, label: str = ""
    ) -> None:
        await self.limiter.acquire(chat_id, priority=priority)
        self.grants.append((self.vt.now(), chat_id, label))

    def spawn(
        self, chat_id: int, priority: Priority = Priority.BULK, label: str = ""
    ) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self.acquire(chat_id, priority, label))

    def times(self, chat_id: int | None = None) -> list[float]:
        return [t for t, chat, _ in self.grants if chat_id is None or chat == chat_id]


def assert_window_respected(times: list[float], count: int, seconds: float) -> None:
    """No `seconds`-long interval holds more than `count` of the (sorted) times."""
    assert times == sorted(times)
    for earlier, later in zip(times, times[count:], strict=False):
        assert later - earlier >= seconds - EPSILON, (earlier, later)


def assert_all_windows_respected(log: GrantLog, limits: RateLimits) -> None:
    assert_window_respected(log.times(), *limits.global_)
    per_chat: dict[int, list[float]] = defaultdict(list)
    for t, chat, _ in log.grants:
        per_chat[chat].append(t)
    for chat, times in per_chat.items():
        assert_window_respected(times, *limits.for_chat(chat))


def test_private_chat_gets_one_message_per_second(vt: VirtualTime) -> None:
    log = GrantLog(vt, make_limiter(vt))

    async def scenario() -> None:
        await asyncio.gather(*(log.acquire(PRIVATE) for _ in range(5)))

    vt.run(scenario())

    assert log.times() == pytest.approx([0.0, 1.0, 2.0, 3.0, 4.0])


def test_jitter_margin_widens_every_window(vt: VirtualTime) -> None:
    """Telegram counts a send when it arrives; the margin absorbs network jitter."""
    log = GrantLog(vt, make_limiter(vt, RateLimits(jitter_margin=0.05)))

    async def scenario() -> None:
        await asyncio.gather(*(log.acquire(PRIVATE) for _ in range(3)))

    vt.run(scenario())

    assert log.times() == pytest.approx([0.0, 1.05, 2.10])


def test_group_gets_twenty_messages_per_minute(vt: VirtualTime) -> None:
    log = GrantLog(vt, make_limiter(vt))

    async def scenario() -> None:
        await asyncio.gather(*(log.acquire(GROUP) for _ in range(45)))

    vt.run(scenario())

    times = log.times()
    assert_window_respected(times, 20, 60.0)
    assert times[:20] == pytest.approx([0.0] * 20)
    assert times[20:40] == pytest.approx([60.0] * 20)
    assert times[40:] == pytest.approx([120.0] * 5)


def test_global_limit_holds_across_many_chats(vt: VirtualTime) -> None:
    limits = EXACT
    log = GrantLog(vt, make_limiter(vt, limits))

    async def scenario() -> None:
        await asyncio.gather(*(log.acquire(chat) for chat in range(1, 101)))

    vt.run(scenario())

    assert_all_windows_respected(log, limits)
    assert sorted({round(t, 6) for t in log.times()}) == [0.0, 1.0, 2.0, 3.0]
    assert log.times().count(log.times()[-1]) == 10  # 30 + 30 + 30 + 10


def test_scaled_limits_are_honoured(vt: VirtualTime) -> None:
    limits = RateLimits(global_=(3, 0.1), private_chat=(2, 0.5), group=(4, 2.0), jitter_margin=0.0)
    log = GrantLog(vt, make_limiter(vt, limits))

    async def scenario() -> None:
        chats = [1, 2, -3, -4]
        await asyncio.gather(*(log.acquire(chats[i % 4]) for i in range(40)))

    vt.run(scenario())

    assert len(log.grants) == 40
    assert_all_windows_respected(log, limits)


def test_interactive_overtakes_queued_bulk_sends(vt: VirtualTime) -> None:
    log = GrantLog(vt, make_limiter(vt))

    async def scenario() -> None:
        bulk = [log.spawn(chat, Priority.BULK, f"bulk{chat}") for chat in range(1, 71)]
        await vt.sleep(0.5)  # 30 bulk sends went out at t=0, 40 are queued for a global slot
        interactive = [log.spawn(chat, Priority.INTERACTIVE, "reply") for chat in range(101, 106)]
        await asyncio.gather(*bulk, *interactive)

    vt.run(scenario())

    after_first_second = [label for t, _, label in log.grants if t > 0.5]
    assert after_first_second[:5] == ["reply"] * 5
    bulk_order = [int(label[4:]) for _, _, label in log.grants if label.startswith("bulk")]
    assert bulk_order == list(range(1, 71))  # FIFO within a priority
    assert [t for t, _, label in log.grants if label == "reply"] == pytest.approx([1.0] * 5)


def test_interactive_goes_first_within_a_chat_too(vt: VirtualTime) -> None:
    log = GrantLog(vt, make_limiter(vt))

    async def scenario() -> None:
        tasks = [log.spawn(PRIVATE, Priority.BULK, f"bulk{i}") for i in range(3)]
        await vt.sleep(0.1)
        tasks.append(log.spawn(PRIVATE, Priority.INTERACTIVE, "reply"))
        await asyncio.gather(*tasks)

    vt.run(scenario())

    assert [label for _, _, label in log.grants] == ["bulk0", "reply", "bulk1", "bulk2"]


def test_penalty_holds_only_the_penalized_chat(vt: VirtualTime) -> None:
    limiter = make_limiter(vt)
    log = GrantLog(vt, limiter)

    async def scenario() -> None:
        limiter.penalize(PRIVATE, 7.0)
        await asyncio.gather(log.acquire(PRIVATE, label="penalized"), log.acquire(2, label="other"))

    vt.run(scenario())

    assert {label: t for t, _, label in log.grants} == pytest.approx(
        {"other": 0.0, "penalized": 7.0}
    )


def test_penalty_during_the_wait_is_honoured(vt: VirtualTime) -> None:
    limiter = make_limiter(vt)
    log = GrantLog(vt, limiter)

    async def scenario() -> None:
        await log.acquire(PRIVATE)
        waiting = log.spawn(PRIVATE)  # would go at t=1
        await vt.sleep(0.5)
        limiter.penalize(PRIVATE, 3.0)
        await waiting

    vt.run(scenario())

    assert log.times() == pytest.approx([0.0, 3.5])


def test_cancelled_waiter_does_not_block_the_chat(vt: VirtualTime) -> None:
    log = GrantLog(vt, make_limiter(vt))

    async def scenario() -> None:
        first = log.spawn(PRIVATE, label="first")
        doomed = log.spawn(PRIVATE, label="doomed")
        last = log.spawn(PRIVATE, label="last")
        await vt.sleep(0.5)
        doomed.cancel()
        await asyncio.gather(first, last)

    vt.run(scenario())

    assert [(t, label) for t, _, label in log.grants] == [(0.0, "first"), (1.0, "last")]


def test_idle_chats_are_forgotten(vt: VirtualTime) -> None:
    limiter = make_limiter(vt)

    async def scenario() -> None:
        for chat in range(1, 51):
            await limiter.acquire(chat, priority=Priority.BULK)
        await vt.sleep(120.0)
        await limiter.acquire(GROUP, priority=Priority.BULK)

    vt.run(scenario())

    assert limiter.tracked_chats() == 1


def test_bulk_delivery_reaches_the_allowed_rate_without_breaking_a_window(vt: VirtualTime) -> None:
    limits = EXACT
    log = GrantLog(vt, make_limiter(vt, limits))
    chats = [*range(1, 241), *range(-60, 0)]  # 240 private chats and 60 groups
    sends = 2000

    async def scenario() -> None:
        await asyncio.gather(*(log.acquire(chats[i % len(chats)]) for i in range(sends)))

    vt.run(scenario())

    assert len(log.grants) == sends
    assert_all_windows_respected(log, limits)
    global_count, global_seconds = limits.global_
    times = log.times()
    # Beyond the first burst, sends must keep pace with the global window.
    achieved_rate = (sends - global_count) / (times[-1] - times[0])
    assert achieved_rate >= 0.9 * global_count / global_seconds
    assert vt.sleep_calls < 2 * sends  # waiting is event-driven, not polling


def test_penalty_while_queued_for_a_global_slot_is_honoured(vt: VirtualTime) -> None:
    limiter = make_limiter(vt, RateLimits(global_=(1, 1.0), jitter_margin=0.0))
    log = GrantLog(vt, limiter)

    async def scenario() -> None:
        await log.acquire(1)
        queued = log.spawn(PRIVATE)  # its chat is free, the global window is not until t=1
        await vt.sleep(0.5)
        limiter.penalize(PRIVATE, 3.0)
        await queued

    vt.run(scenario())

    assert log.times(PRIVATE) == pytest.approx([3.5])
