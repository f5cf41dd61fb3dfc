"""Group changes cross processes through Redis: a commit here is announced on the channel, and
a change announced by another process drops this process's cached group at once."""

from __future__ import annotations

import asyncio
import json
import os
import uuid

import pytest
import redis.asyncio as aioredis

from organizer.database import unit_of_work
from organizer.services import group_context, groups
from organizer.services.group_changes_bus import GroupChangesBus
from organizer.services.group_context import GroupContextCache

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
pytestmark = pytest.mark.skipif(not TEST_REDIS_URL, reason="TEST_REDIS_URL not set")
GROUP = -100777


@pytest.fixture
async def bus():
    channel = f"test:group-changed:{uuid.uuid4().hex}"  # parallel runs stay apart
    bus = GroupChangesBus(TEST_REDIS_URL, channel=channel)
    await bus.start()
    yield bus, channel
    await bus.stop()


async def _register(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip


async def test_a_commit_here_is_announced(bus, session_factory, clock) -> None:
    bus_, channel = bus
    await _register(session_factory, clock)
    listener = aioredis.from_url(TEST_REDIS_URL)
    async with listener.pubsub() as pubsub:
        await pubsub.subscribe(channel)
        await pubsub.get_message(timeout=5)  # the subscription's confirmation
        async with unit_of_work(session_factory) as session:
            group_context.group_changed(session, GROUP)
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=10)
    await listener.aclose()
    assert message is not None
    assert json.loads(message["data"]) == {"origin": bus_.origin, "group": GROUP}


async def test_a_change_from_another_process_drops_the_cached_group(
    bus, session_factory, clock
) -> None:
    _, channel = bus
    await _register(session_factory, clock)
    cache = GroupContextCache(session_factory, ttl_seconds=3600)
    first = await cache.get(GROUP)
    assert first is not None and await cache.get(GROUP) is first  # cached
    publisher = aioredis.from_url(TEST_REDIS_URL)
    await publisher.publish(channel, json.dumps({"origin": "web2", "group": GROUP}))
    await publisher.aclose()
    for _ in range(200):  # until the bus has relayed it (a deadline, not a timing claim)
        again = await cache.get(GROUP)
        if again is not first:
            break
        await asyncio.sleep(0.05)
    assert again is not first
    cache.close()
