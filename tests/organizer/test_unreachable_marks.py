"""Regression: moderation hung forever when the member it wrote to privately had blocked the
bot — the send ran inside a transaction holding the member's row, and the "unreachable" mark
waited for that transaction in one of its own. The mark is now written in the background."""

from __future__ import annotations

import asyncio

from sqlalchemy import update

from organizer.database import unit_of_work
from organizer.models import User
from organizer.services import users
from organizer.services.unreachable_marks import UnreachableMarks
from organizer.services.users import TelegramProfile

ANNA = TelegramProfile(id=4242, first_name="Anna")


async def test_a_mark_does_not_wait_for_the_transaction_that_found_out(
    session_factory, clock
) -> None:
    async with unit_of_work(session_factory) as session:
        await users.remember(session, ANNA, now=clock.now())
        await users.mark_started(session, ANNA, now=clock.now())
    marks = UnreachableMarks(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        # the caller holds the row (PostgreSQL) or the write lock (SQLite), as take_down did
        await session.execute(update(User).where(User.id == ANNA.id).values(updated_at=clock.now()))
        # returns at once; a hang here is the bug (the guard only keeps a failure short)
        await asyncio.wait_for(marks(ANNA.id, "Forbidden: bot was blocked by the user"), 30)
    await marks.drain()
    async with session_factory() as session:
        stored = await users.get(session, ANNA.id)
    assert stored is not None and not stored.can_message_privately
