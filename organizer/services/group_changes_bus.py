"""Group changes heard by every process: with several bot instances behind a load balancer, a
setting changed through one instance must reach the others' group caches at once, not after
their time-to-live. Each process publishes the groups its commits changed on a Redis channel
and drops the cache entries the others report.

Without Redis (one process, the embedded default) nothing is needed: `group_context` already
tells this process's caches after each commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from typing import Any

import redis.asyncio as aioredis

from organizer.services import group_context

log = logging.getLogger(__name__)

CHANNEL = "organizer:group-changed"


class GroupChangesBus:
    def __init__(self, redis_url: str, channel: str = CHANNEL) -> None:
        self._redis = aioredis.from_url(redis_url)
        self._channel = channel
        self.origin = uuid.uuid4().hex  # this process: its own messages come back to it
        self._relaying = False
        self._listening: asyncio.Task[None] | None = None
        self._publishing: set[asyncio.Task[None]] = set()
        self._unsubscribe = group_context.subscribe(self._changed_here)
        self._subscribed = asyncio.Event()

    async def start(self) -> None:
        self._listening = asyncio.create_task(self._listen())
        await self._subscribed.wait()

    async def stop(self) -> None:
        self._unsubscribe()
        if self._publishing:
            await asyncio.wait(set(self._publishing), timeout=5)
        if self._listening is not None:
            self._listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listening
        await self._redis.aclose()

    def _changed_here(self, group_id: int | None) -> None:
        if self._relaying:
            return  # another process's change, being passed to our caches: not ours to send
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a commit outside the event loop (a script): nobody to tell
            return
        task = loop.create_task(self._publish(group_id))
        self._publishing.add(task)
        task.add_done_callback(self._publishing.discard)

    async def _publish(self, group_id: int | None) -> None:
        message = json.dumps({"origin": self.origin, "group": group_id})
        try:
            await self._redis.publish(self._channel, message)
        except Exception:  # the others still catch up after their cache's time-to-live
            log.warning("could not announce the change of group %s", group_id, exc_info=True)

    async def _listen(self) -> None:
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    self._subscribed.set()
                    async for message in pubsub.listen():
                        self._received(message)
            except asyncio.CancelledError:
                raise
            except Exception:  # Redis restarted: subscribe again; caches still expire
                log.warning("group change channel lost; subscribing again", exc_info=True)
                self._subscribed.set()
                await asyncio.sleep(1)

    def _received(self, message: dict[str, Any]) -> None:
        if message.get("type") != "message":
            return
        try:
            body = json.loads(message["data"])
            origin, group_id = body["origin"], body["group"]
        except (ValueError, KeyError, TypeError):
            return
        if origin == self.origin or not (group_id is None or isinstance(group_id, int)):
            return
        self._relaying = True
        try:
            group_context.notify(group_id)
        finally:
            self._relaying = False
