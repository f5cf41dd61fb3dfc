"""Production-mode shared state: FSM storage and event isolation in Redis, seen by every
instance built from the same URL; the embedded in-process defaults without a URL."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import DisabledEventIsolation, MemoryStorage
from aiogram.fsm.storage.redis import RedisEventIsolation, RedisStorage

from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from organizer.telegram.ratelimit_redis import RedisRateLimiter
from organizer.telegram.shared_state import (
    FSM_TTL,
    bot_id_from_token,
    build_events_isolation,
    build_fsm,
    build_rate_limiter,
    build_storage,
)

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
needs_redis = pytest.mark.skipif(not TEST_REDIS_URL, reason="TEST_REDIS_URL not set")
TOKEN = "4343:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
CHAT, USER, OTHER_USER = -4343, 7, 8


def test_embedded_defaults_without_redis() -> None:
    storage, isolation = build_fsm(None)
    assert isinstance(storage, MemoryStorage)
    assert isinstance(isolation, DisabledEventIsolation)
    assert isinstance(build_storage(None), MemoryStorage)
    assert isinstance(build_events_isolation(None), DisabledEventIsolation)
    assert isinstance(build_rate_limiter(None, RateLimits(), bot_id=1), InMemoryRateLimiter)


def test_bot_id_is_the_token_prefix() -> None:
    assert bot_id_from_token(TOKEN) == 4343


def build_instance(shared_pool: bool) -> Dispatcher:
    """A dispatcher as a bot process builds it from the settings."""
    if shared_pool:
        storage, isolation = build_fsm(TEST_REDIS_URL)
    else:
        storage, isolation = build_storage(TEST_REDIS_URL), build_events_isolation(TEST_REDIS_URL)
    return Dispatcher(storage=storage, events_isolation=isolation)


@pytest.fixture
async def dispatchers() -> AsyncIterator[list[Dispatcher]]:
    """Two instances of the bot, built both ways: each must see what the other wrote."""
    instances = [build_instance(shared_pool=True), build_instance(shared_pool=False)]
    yield instances
    for dispatcher in instances:
        await dispatcher.fsm.close()


@needs_redis
async def test_redis_backends_when_configured(dispatchers: list[Dispatcher]) -> None:
    assert all(isinstance(dp.storage, RedisStorage) for dp in dispatchers)
    assert all(isinstance(dp.fsm.events_isolation, RedisEventIsolation) for dp in dispatchers)
    limiter = build_rate_limiter(TEST_REDIS_URL, RateLimits(), bot_id=4343)
    assert isinstance(limiter, RedisRateLimiter)
    await limiter.close()


@needs_redis
async def test_fsm_state_set_on_one_instance_is_seen_by_another(
    dispatchers: list[Dispatcher],
) -> None:
    bot = Bot(TOKEN)
    first, second = (dp.fsm.get_context(bot, chat_id=CHAT, user_id=USER) for dp in dispatchers)
    try:
        await first.set_state("SetupStates:typing_timezone")
        await first.set_data({"wizard_message_id": 5})
        assert await second.get_state() == "SetupStates:typing_timezone"
        assert await second.get_data() == {"wizard_message_id": 5}
        other = dispatchers[1].fsm.get_context(bot, chat_id=CHAT, user_id=OTHER_USER)
        assert await other.get_state() is None
    finally:
        await first.clear()
        await bot.session.close()


@needs_redis
async def test_one_users_updates_never_run_on_two_instances_at_once(
    dispatchers: list[Dispatcher],
) -> None:
    first, second = (dp.fsm.events_isolation for dp in dispatchers)
    key = StorageKey(bot_id=4343, chat_id=CHAT, user_id=USER)
    other_user = StorageKey(bot_id=4343, chat_id=CHAT, user_id=OTHER_USER)

    async def handle_on_second() -> None:
        async with second.lock(key):
            pass

    async with first.lock(key):
        waiting = asyncio.get_running_loop().create_task(handle_on_second())
        # However long we wait here, the second instance cannot enter: the check cannot fail
        # for timing reasons, only if the lock does not work.
        await asyncio.sleep(0.3)
        assert not waiting.done()
        async with second.lock(other_user):  # another user is not held up
            pass
    await asyncio.wait_for(waiting, timeout=30)


@needs_redis
async def test_an_abandoned_dialog_expires_from_redis(dispatchers: list[Dispatcher]) -> None:
    bot = Bot(TOKEN)
    context = dispatchers[0].fsm.get_context(bot, chat_id=CHAT, user_id=USER + 1)
    storage = dispatchers[0].storage
    assert isinstance(storage, RedisStorage)
    try:
        await context.set_state("SetupStates:typing_timezone")
        await context.set_data({"step": 2})
        keys = [key async for key in storage.redis.scan_iter(f"fsm:{bot.id}:{CHAT}:{USER + 1}:*")]
        assert len(keys) == 2
        for key in keys:
            assert 0 < await storage.redis.ttl(key) <= FSM_TTL.total_seconds()
    finally:
        await context.clear()
        await bot.session.close()


@needs_redis
async def test_a_burst_waits_for_a_redis_connection_instead_of_failing() -> None:
    """Regression (soak): 200 groups' first updates at once raised "Too many connections" in
    the event-isolation lock; redis-py's default pool refuses the 101st concurrent command."""
    storage = build_storage(TEST_REDIS_URL)
    assert isinstance(storage, RedisStorage)
    try:
        keys = [f"organizer:test:burst:{n}" for n in range(500)]
        await asyncio.gather(*(storage.redis.set(key, 1, px=10_000) for key in keys))
        assert await storage.redis.exists(*keys) == len(keys)
    finally:
        await storage.close()
