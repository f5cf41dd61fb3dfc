"""The outbound rate limiter shared by every bot instance and the scheduler process, in Redis.

Telegram counts sends per bot, not per process: with several webhook instances and a separate
scheduler, each `InMemoryRateLimiter` alone would allow N times the limit. `RedisRateLimiter`
keeps the three windows (global, per private chat, per group) and the 429 penalties in Redis,
checked and counted by one atomic Lua script, so all processes together stay within them.

Why a sliding-window log (a sorted set of send stamps) rather than GCRA: Telegram's rule is
"at most N sends in any T-second interval". GCRA with a burst of N lets a full burst be followed
by one send every T/N seconds, i.e. up to 2N-1 sends in one T-second interval — 39 messages in a
minute to a group instead of 20, which draws 429s. The log is exact, and stays small: each set
holds at most `count` stamps younger than its window (≤ 30), and every key has a TTL.

Time comes from the Redis server (`TIME` inside the script) so instances on hosts with skewed
clocks still share one timeline; tests inject `time_func` and the script then uses the given time.
Stamps are clamped to be non-decreasing per key, so a caller whose clock lags cannot slip a send
in before the last one recorded.

Priority: every acquire first passes a local `InMemoryRateLimiter` (same limits). It orders this
process's senders (interactive before bulk, FIFO within a priority) and keeps the process itself
within the limits; only then does the sender take the shared slot, sleeping exactly the wait the
script reports and retrying. Across processes priority is best effort: whoever asks first wins.

If Redis is unreachable the limiter fails open to the local limiter only (with one warning) and
tries Redis again after `retry_redis_after` seconds: the bot must keep answering.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
import uuid
from collections.abc import Callable, Coroutine
from itertools import count
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import RedisError

from organizer.messenger import Priority
from organizer.telegram.ratelimit import (
    InMemoryRateLimiter,
    RateLimits,
    SleepFunc,
    TimeFunc,
)

logger = logging.getLogger(__name__)

GrantHook = Callable[[int, float], None]

# KEYS: global log, chat log, global penalty, chat penalty.
# ARGV: now ("" = Redis TIME), global count, global seconds, chat count, chat seconds, member.
# Returns {wait, stamp} as strings (Lua numbers would be truncated to integers on the way out):
# wait > 0 means nothing was counted and the caller should sleep that long and retry.
_ACQUIRE = """
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local function last_stamp(key)
  local e = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  return tonumber(e[2] or '0')
end
local stamp = math.max(now, last_stamp(KEYS[1]), last_stamp(KEYS[2]))
local function free_at(key, limit, seconds)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.17g', stamp - seconds))
  local n = redis.call('ZCARD', key)
  if n < limit then return stamp end
  local e = redis.call('ZRANGE', key, n - limit, n - limit, 'WITHSCORES')
  return tonumber(e[2]) + seconds
end
local ready = math.max(
  free_at(KEYS[1], tonumber(ARGV[2]), tonumber(ARGV[3])),
  free_at(KEYS[2], tonumber(ARGV[4]), tonumber(ARGV[5])),
  tonumber(redis.call('GET', KEYS[3]) or '0'),
  tonumber(redis.call('GET', KEYS[4]) or '0'))
if ready > stamp then
  return {string.format('%.17g', ready - now), string.format('%.17g', stamp)}
end
local score = string.format('%.17g', stamp)
redis.call('ZADD', KEYS[1], score, ARGV[6])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3]) * 1000) + 1000)
redis.call('ZADD', KEYS[2], score, ARGV[6])
redis.call('PEXPIRE', KEYS[2], math.ceil(tonumber(ARGV[5]) * 1000) + 1000)
return {'0', score}
"""

# KEYS: penalty key. ARGV: now ("" = Redis TIME), retry_after. Only ever extends a penalty.
_PENALIZE = """
local now = tonumber(ARGV[1])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local until_ = now + tonumber(ARGV[2])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], string.format('%.17g', until_),
    'PX', math.ceil(tonumber(ARGV[2]) * 1000) + 1000)
end
return 1
"""


def key_prefix(bot_id: int | str) -> str:
    # The braces are a Redis Cluster hash tag: all of one bot's keys share a slot, as a
    # multi-key script requires.
    return f"organizer:rl:{{{bot_id}}}:"


class _Turnstile:
    """Per chat, one sender at a time through both steps, by priority then arrival.

    Without it, senders that the local limiter released in order could overtake each other
    while sleeping on a busy shared window (a reply queued behind bulk sends would lose its
    place). Senders to other chats are not held up: each chat has its own line.
    """

    def __init__(self) -> None:
        # A chat is present while someone holds its turn; the list holds those waiting.
        self._lines: dict[int, list[tuple[int, int, asyncio.Future[None]]]] = {}
        self._seq = count()

    async def enter(self, chat_id: int, priority: Priority) -> None:
        line = self._lines.get(chat_id)
        if line is None:
            self._lines[chat_id] = []
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(line, (int(priority), next(self._seq), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.leave(chat_id)  # the turn was handed over just as we were cancelled
            raise

    def leave(self, chat_id: int) -> None:
        line = self._lines[chat_id]
        while line:
            future = heapq.heappop(line)[2]
            if not future.done():  # skip those cancelled while waiting
                future.set_result(None)
                return
        del self._lines[chat_id]  # nobody waiting: memory follows the active chats


class RedisRateLimiter:
    """`RateLimiter` shared through Redis by every process of one bot (see module docstring)."""

    def __init__(
        self,
        redis: Redis,
        bot_id: int | str,
        limits: RateLimits | None = None,
        *,
        time_func: TimeFunc | None = None,
        sleep_func: SleepFunc = asyncio.sleep,
        retry_redis_after: float = 30.0,
        on_grant: GrantHook | None = None,
    ) -> None:
        """`time_func` None means Redis server time; `on_grant(chat_id, stamp)` is called for
        every shared slot taken (for metrics and tests)."""
        self.limits = limits or RateLimits()
        self._redis = redis
        self._prefix = key_prefix(bot_id)
        self._time = time_func
        self._sleep = sleep_func
        self._local = InMemoryRateLimiter(
            self.limits, time_func=time_func or time.monotonic, sleep_func=sleep_func
        )
        self._acquire_script = redis.register_script(_ACQUIRE)
        self._penalize_script = redis.register_script(_PENALIZE)
        self._retry_after = retry_redis_after
        self._down_until: float | None = None
        self._on_grant = on_grant
        self._member_prefix = uuid.uuid4().hex
        self._members = count()
        self._pending: set[asyncio.Task[None]] = set()
        self._turns = _Turnstile()

    async def acquire(self, chat_id: int, *, priority: Priority) -> None:
        await self._turns.enter(chat_id, priority)
        try:
            await self._local.acquire(chat_id, priority=priority)
            await self._acquire_shared(chat_id)
        finally:
            self._turns.leave(chat_id)

    async def _acquire_shared(self, chat_id: int) -> None:
        while self._redis_usable():
            try:
                wait = await self._take_shared_slot(chat_id)
            except RedisError as error:
                self._redis_failed(error)
                return  # fail open: the local limit above still holds
            if wait <= 0:
                return
            await self._sleep(wait)

    def penalize(self, chat_id: int, retry_after: float) -> None:
        """Hold `chat_id` here at once, and in every process as soon as Redis has it."""
        self._local.penalize(chat_id, retry_after)
        self._in_background(self.share_penalty(self._chat_penalty_key(chat_id), retry_after))

    def penalize_global(self, retry_after: float) -> None:
        """A 429 not tied to one chat: every process holds every send for `retry_after` s."""
        self._in_background(self.share_penalty(self._prefix + "pen:global", retry_after))

    async def share_penalty(self, key: str, retry_after: float) -> None:
        if not self._redis_usable():
            return
        try:
            await self._penalize_script(keys=[key], args=[self._now_arg(), repr(retry_after)])
        except RedisError as error:
            self._redis_failed(error)

    async def wait_pending(self) -> None:
        """Wait until the penalties handed to Redis in the background have been written."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def close(self) -> None:
        await self.wait_pending()
        await self._redis.aclose()

    @property
    def redis_available(self) -> bool:
        return self._down_until is None

    async def _take_shared_slot(self, chat_id: int) -> float:
        global_count, global_seconds = self.limits.global_window()
        chat_count, chat_seconds = self.limits.for_chat(chat_id)
        keys = [
            self._prefix + "global",
            self._prefix + f"chat:{chat_id}",
            self._prefix + "pen:global",
            self._chat_penalty_key(chat_id),
        ]
        member = f"{self._member_prefix}:{next(self._members)}"
        args: list[str | int] = [self._now_arg(), global_count, repr(global_seconds)]
        args += [chat_count, repr(chat_seconds), member]
        wait, stamp = await self._acquire_script(keys=keys, args=args)
        if float(wait) <= 0 and self._on_grant is not None:
            self._on_grant(chat_id, float(stamp))
        return float(wait)

    def _chat_penalty_key(self, chat_id: int) -> str:
        return self._prefix + f"pen:{chat_id}"

    def _now_arg(self) -> str:
        return "" if self._time is None else repr(self._time())

    def _local_now(self) -> float:
        return self._time() if self._time is not None else time.monotonic()

    def _redis_usable(self) -> bool:
        if self._down_until is None:
            return True
        if self._local_now() < self._down_until:
            return False
        self._down_until = None  # time to try Redis again
        return True

    def _redis_failed(self, error: RedisError) -> None:
        if self._down_until is None:
            logger.warning(
                "Redis rate limiter unavailable (%s): limiting this process only, retrying in"
                " %.0f s",
                error,
                self._retry_after,
            )
        self._down_until = self._local_now() + self._retry_after

    def _in_background(self, coroutine: Coroutine[Any, Any, None]) -> None:
        # Kept referenced until done: the event loop holds tasks only weakly.
        task = asyncio.get_running_loop().create_task(coroutine)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)


def connect(redis_url: str, *, timeout: float = 1.0) -> Redis:
    """A client that gives up quickly: a slow Redis must not stall every outgoing message."""
    # Blocking pool: a burst of sends waits for a connection rather than failing over to
    # memory with "Too many connections" (redis-py's default pool stops at 100).
    pool = BlockingConnectionPool.from_url(
        redis_url, max_connections=200, timeout=timeout * 5, socket_connect_timeout=timeout,
        socket_timeout=timeout, decode_responses=True,
    )  # fmt: skip
    return Redis(connection_pool=pool)
