"""Telegram said a member cannot be messaged privately (403): remember it, in the background.

The send that found out may be running inside a transaction that already holds the member's
row (or, on SQLite, the database write lock). Writing the mark in a transaction of its own and
waiting for it there would never end: the mark waits for that transaction, which waits for the
send. So the mark is written once the sender has moved on, and `drain` waits for the marks
still being written at shutdown.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import Clock
from organizer.database import unit_of_work
from organizer.services import users

log = logging.getLogger(__name__)


class UnreachableMarks:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._writing: set[asyncio.Task[None]] = set()

    async def __call__(self, user_id: int, reason: str) -> None:
        log.info("user %s cannot be messaged privately: %s", user_id, reason)
        task = asyncio.create_task(self._mark(user_id))
        self._writing.add(task)
        task.add_done_callback(self._writing.discard)

    async def _mark(self, user_id: int) -> None:
        try:
            async with unit_of_work(self._session_factory) as session:
                await users.mark_private_unreachable(session, user_id, now=self._clock.now())
        except Exception:  # the next 403 marks it again; nothing else depends on this one
            log.warning("could not record that user %s is unreachable", user_id, exc_info=True)

    async def drain(self, grace_seconds: float = 10.0) -> None:
        if self._writing:
            await asyncio.wait(set(self._writing), timeout=grace_seconds)
