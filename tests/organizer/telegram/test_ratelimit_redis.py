"""RedisRateLimiter on a real Redis: two limiters with their own connections stand for two
processes. Time is injected (a clock that only moves when someone sleeps) and every check runs on
the stamps the Lua script recorded, never on the wall clock."""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from organizer.messenger import Priority
from organizer.telegram.ratelimit import RateLimits
from organizer.telegram.ratelimit_redis import GrantHook, RedisRateLimiter, connect, key_prefix
from tests.organizer.telegram.test_ratelimit import assert_window_respected

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
needs_redis = pytest.mark.skipif(not TEST_REDIS_URL, reason="TEST_REDIS_URL not set")

PRIVATE = 1001
GROUP = -1001
# Scaled down so a test needs few sends; no jitter margin, so the windows are checked exactly.
SMALL = RateLimits(global_=(5, 0.5), private_chat=(1, 0.2), group=(3, 0.5), jitter_margin=0.0)


class SteppingClock:
    """Shared by all limiters of a test: time moves only when a sleeper wakes, to its deadline."""

    def __init__(self) -> None:
        self.t = 1_000.0
        self.slept: list[float] = []

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        wake = self.t + seconds
        await asyncio.sleep(0)  # let the others run, as a real sleep would
        self.t = max(self.t, wake)


class Grants:
    """(stamp, chat, limiter name) for every shared slot taken, as the script stamped it."""

    def __init__(self) -> None:
        self.log: list[tuple[float, int, str]] = []

    def hook(self, name: str) -> GrantHook:
        return lambda chat_id, stamp: self.log.append((stamp, chat_id, name))

    def stamps(self, chat_id: int | None = None) -> list[float]:
        return sorted(s for s, chat, _ in self.log if chat_id is None or chat == chat_id)


MakeLimiter = Callable[..., RedisRateLimiter]


@pytest.fixture
def bot_id() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"  # a namespace of this test's own


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
async def make(bot_id: str, clock: SteppingClock) -> AsyncIterator[MakeLimiter]:
    made: list[RedisRateLimiter] = []

    def factory(url: str = TEST_REDIS_URL, **kwargs: Any) -> RedisRateLimiter:
        kwargs.setdefault("time_func", clock.now)
        kwargs.setdefault("sleep_func", clock.sleep)
        limiter = RedisRateLimiter(connect(url), bot_id, SMALL, **kwargs)
        made.append(limiter)
        return limiter

    yield factory
    if TEST_REDIS_URL:
        cleanup = connect(TEST_REDIS_URL)
        keys = [key async for key in cleanup.scan_iter(match=key_prefix(bot_id) + "*")]
        if keys:
            await cleanup.delete(*keys)
        await cleanup.aclose()
    for limiter in made:
        await limiter.close()


async def send_many(limiter: RedisRateLimiter, chats: list[int], priority: Priority) -> None:
    await asyncio.gather(*(limiter.acquire(chat, priority=priority) for chat in chats))


@needs_redis
async def test_two_processes_share_the_group_window(
    make: MakeLimiter, clock: SteppingClock
) -> None:
    grants = Grants()
    first, second = make(on_grant=grants.hook("first")), make(on_grant=grants.hook("second"))
    await asyncio.gather(
        send_many(first, [GROUP] * 12, Priority.BULK),
        send_many(second, [GROUP] * 12, Priority.BULK),
    )
    assert len(grants.log) == 24
    assert {name for _, _, name in grants.log} == {"first", "second"}
    # Each process alone allows 3 per 0.5 s; together they still get only 3.
    assert_window_respected(grants.stamps(GROUP), *SMALL.group)


@needs_redis
async def test_two_processes_share_the_global_window(
    make: MakeLimiter, clock: SteppingClock
) -> None:
    grants = Grants()
    first, second = make(on_grant=grants.hook("first")), make(on_grant=grants.hook("second"))
    await asyncio.gather(
        send_many(first, list(range(1, 21)), Priority.BULK),
        send_many(second, list(range(101, 121)), Priority.INTERACTIVE),
    )
    assert len(grants.log) == 40
    assert_window_respected(grants.stamps(), *SMALL.global_)


@needs_redis
async def test_a_penalty_set_by_one_process_holds_the_other(
    make: MakeLimiter, clock: SteppingClock
) -> None:
    grants = Grants()
    first, second = make(), make(on_grant=grants.hook("second"))
    penalized_at = clock.now()
    first.penalize(GROUP, 5.0)
    await first.wait_pending()
    await second.acquire(PRIVATE, priority=Priority.INTERACTIVE)  # other chats are not held
    assert grants.stamps(PRIVATE) == [penalized_at]
    await second.acquire(GROUP, priority=Priority.INTERACTIVE)
    assert grants.stamps(GROUP)[0] >= penalized_at + 5.0


@needs_redis
async def test_a_global_penalty_holds_every_chat(make: MakeLimiter, clock: SteppingClock) -> None:
    grants = Grants()
    first, second = make(), make(on_grant=grants.hook("second"))
    penalized_at = clock.now()
    first.penalize_global(3.0)
    await first.wait_pending()
    await second.acquire(PRIVATE, priority=Priority.INTERACTIVE)
    assert grants.stamps()[0] >= penalized_at + 3.0


@needs_redis
async def test_interactive_overtakes_queued_bulk_in_one_process(make: MakeLimiter) -> None:
    limiter = make()
    order: list[str] = []

    async def send(label: str, priority: Priority) -> None:
        await limiter.acquire(PRIVATE, priority=priority)  # one per 0.2 s: all but one queue
        order.append(label)

    await asyncio.gather(
        *(send(f"bulk{i}", Priority.BULK) for i in range(4)), send("reply", Priority.INTERACTIVE)
    )
    # Right after the send that was already under way; bulk sends keep their order.
    assert order == ["bulk0", "reply", "bulk1", "bulk2", "bulk3"]


@needs_redis
async def test_keys_expire(make: MakeLimiter, bot_id: str) -> None:
    limiter = make()
    await limiter.acquire(GROUP, priority=Priority.BULK)
    limiter.penalize(PRIVATE, 2.0)
    await limiter.wait_pending()
    client = connect(TEST_REDIS_URL)
    try:
        mine = [key async for key in client.scan_iter(match=key_prefix(bot_id) + "*")]
        assert len(mine) == 3  # global log, group log, private chat penalty
        for key in mine:
            assert 0 < await client.pttl(key) <= 2_000 + 1_000
    finally:
        await client.aclose()


@needs_redis
async def test_redis_server_time_is_used_by_default(make: MakeLimiter) -> None:
    grants = Grants()
    # Real sleeps, and stamps from the server's clock: the script alone enforces the window.
    limiter = make(time_func=None, sleep_func=asyncio.sleep, on_grant=grants.hook("only"))
    for _ in range(3):
        await limiter.acquire(PRIVATE, priority=Priority.INTERACTIVE)
    assert len(grants.log) == 3
    assert_window_respected(grants.stamps(), *SMALL.private_chat)


async def test_unreachable_redis_fails_open_and_retries_later(
    make: MakeLimiter, clock: SteppingClock, caplog: pytest.LogCaptureFixture
) -> None:
    limiter = make("redis://127.0.0.1:1/0", retry_redis_after=30.0)
    with caplog.at_level(logging.WARNING, logger="organizer.telegram.ratelimit_redis"):
        await limiter.acquire(PRIVATE, priority=Priority.INTERACTIVE)
        limiter.penalize(PRIVATE, 1.0)  # must not raise either
        await limiter.wait_pending()
        await limiter.acquire(PRIVATE, priority=Priority.INTERACTIVE)
        assert not limiter.redis_available
        assert len(caplog.records) == 1  # one warning, not one per message
        assert clock.slept == [pytest.approx(1.0)]  # the penalty still holds the chat locally
        clock.t += 30.0
        await limiter.acquire(PRIVATE, priority=Priority.INTERACTIVE)
    assert len(caplog.records) == 2  # Redis was tried again (and is still down)
