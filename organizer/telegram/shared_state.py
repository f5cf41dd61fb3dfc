"""State shared by every process of one bot in production mode: FSM storage, event isolation,
and the outbound rate limiter, all in Redis; without `REDIS_URL` the embedded in-process
defaults (memory storage, no isolation, in-memory limiter) stay in place.
"""

from __future__ import annotations

from datetime import timedelta

from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import DisabledEventIsolation, MemoryStorage
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage
from redis.asyncio import BlockingConnectionPool, Redis

from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimiter, RateLimits
from organizer.telegram.ratelimit_redis import RedisRateLimiter, connect


def key_builder() -> DefaultKeyBuilder:
    # with_bot_id: several bots may share one Redis; with_destiny: scenes and plain FSM data
    # of one user do not overwrite each other.
    return DefaultKeyBuilder(with_bot_id=True, with_destiny=True)


# Connections per process to Redis, and how long an update waits for a free one. redis-py's
# default pool refuses the 101st concurrent command ("Too many connections"): a burst of
# updates (a notice acknowledged by many at once) then failed instead of waiting a moment.
POOL_SIZE = 200
POOL_WAIT_SECONDS = 20.0


def redis_client(redis_url: str) -> Redis:
    pool = BlockingConnectionPool.from_url(
        redis_url, max_connections=POOL_SIZE, timeout=POOL_WAIT_SECONDS
    )
    return Redis(connection_pool=pool)


# A dialog left half-way is forgotten after this long, so Redis does not keep every abandoned
# wizard forever (a form's draft itself is in the database and survives).
FSM_TTL = timedelta(days=30)


def build_storage(redis_url: str | None) -> BaseStorage:
    """FSM storage every bot instance sees: a wizard started on one instance continues on
    whichever instance receives the next update."""
    if not redis_url:
        return MemoryStorage()
    return RedisStorage(
        redis_client(redis_url), key_builder=key_builder(), state_ttl=FSM_TTL, data_ttl=FSM_TTL
    )


def build_events_isolation(redis_url: str | None) -> BaseEventIsolation:
    """A Redis lock per (bot, chat, user): with several webhook instances behind a load balancer
    two updates of one user could otherwise run concurrently on two instances and race on the
    same FSM state. One process needs no cross-process lock."""
    if not redis_url:
        return DisabledEventIsolation()
    return RedisEventIsolation(redis_client(redis_url), key_builder=key_builder())


def build_fsm(redis_url: str | None) -> tuple[BaseStorage, BaseEventIsolation]:
    """Storage and isolation over one Redis connection pool, closed with the storage (aiogram's
    `RedisEventIsolation.close` does not close its own pool)."""
    storage = build_storage(redis_url)
    if not isinstance(storage, RedisStorage):
        return storage, DisabledEventIsolation()
    return storage, storage.create_isolation()


def build_rate_limiter(
    redis_url: str | None, limits: RateLimits, *, bot_id: int | str
) -> RateLimiter:
    """The limiter shared through Redis when configured (bot instances and the scheduler process
    then share Telegram's per-bot limits), the in-memory one otherwise."""
    if not redis_url:
        return InMemoryRateLimiter(limits)
    return RedisRateLimiter(connect(redis_url), bot_id, limits)


def bot_id_from_token(token: str) -> int:
    """The bot's id is the token's part before the colon (known without a getMe call)."""
    return int(token.split(":", 1)[0])
