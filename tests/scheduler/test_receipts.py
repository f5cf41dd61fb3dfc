"""Receipts: an attempt skips the sends an earlier attempt made, counted per recipient in send
order, so two messages to one chat in one action are two receipts (regression: the summary's
mention of an unreachable organizer was skipped as if it were the summary itself)."""

from __future__ import annotations

from scheduler.receipts import Receipts
from tests.scheduler.helpers import add_action

GROUP, ANNA = -100, 7


async def _attempt(session_factory, action_id: int, clock, sends: list[int]) -> list[int]:
    """One attempt sending to `sends` in order; returns the recipients actually sent to."""
    sent = []
    async with session_factory() as session:
        receipts = Receipts(action_id, session, session_factory)
        for recipient in sends:
            if await receipts.already(recipient):
                continue
            sent.append(recipient)
            await receipts.record(recipient, now=clock.now())
        await session.commit()
    return sent


async def test_each_send_has_its_own_receipt_and_a_retry_skips_them(session_factory, clock) -> None:
    action_id = await add_action(session_factory, clock)
    assert await _attempt(session_factory, action_id, clock, [ANNA, GROUP, GROUP]) == [
        ANNA, GROUP, GROUP,
    ]  # fmt: skip
    # the retry goes one send further: only the new, third message to the group goes out
    assert await _attempt(session_factory, action_id, clock, [ANNA, GROUP, GROUP, GROUP]) == [GROUP]
    other = await add_action(session_factory, clock)
    assert await _attempt(session_factory, other, clock, [GROUP]) == [GROUP]
