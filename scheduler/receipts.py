"""Who a scheduled action has already reached, so a retried or reclaimed action (its worker
crashed or the group send failed after the private messages went out) sends nobody a second
copy.

Each receipt is committed in its own short transaction right after the send, apart from the
action's session, which commits only when the action is done. On SQLite (the one-process
embedded mode) receipts go into the action's own session instead: a second writer would wait
on the action's write lock, and a crash there takes the whole process, the action with it.
The one window left is between a send and its receipt (one message per recipient at most).

An action may send one recipient several messages (a group gets the summary, then a mention):
each is its own receipt, numbered in the order the action sends them, which is the same on
every attempt. Call `already` before a send and `record` after it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.database import insert_if_absent
from organizer.models import ActionReceipt


class Receipts:
    def __init__(
        self,
        action_id: int,
        action_session: AsyncSession,
        session_factory: async_sessionmaker[AsyncSession] | None,
    ) -> None:
        self.action_id = action_id
        self._action_session = action_session
        separate = action_session.get_bind().dialect.name != "sqlite"
        self._factory = session_factory if separate else None
        self._reached: set[tuple[int, int]] | None = None
        self._sends: dict[int, int] = {}  # recipient → sends asked about so far

    async def reached(self) -> set[tuple[int, int]]:
        """(recipient, ordinal) of the sends made on earlier attempts (read once)."""
        if self._reached is None:
            rows = await self._action_session.execute(
                select(ActionReceipt.recipient_id, ActionReceipt.ordinal).where(
                    ActionReceipt.action_id == self.action_id
                )
            )
            self._reached = {(int(recipient), int(ordinal)) for recipient, ordinal in rows}
        return self._reached

    async def already(self, recipient_id: int) -> bool:
        """Whether the next send to `recipient_id` went out on an earlier attempt."""
        ordinal = self._sends.get(recipient_id, 0)
        self._sends[recipient_id] = ordinal + 1
        return (recipient_id, ordinal) in await self.reached()

    async def record(self, recipient_id: int, *, now: datetime) -> None:
        """The send `already` was last asked about went out."""
        ordinal = self._sends.get(recipient_id, 1) - 1
        values = {
            "action_id": self.action_id, "recipient_id": recipient_id, "ordinal": ordinal,
            "sent_at": now,
        }  # fmt: skip
        key = ["action_id", "recipient_id", "ordinal"]
        if self._factory is None:
            await insert_if_absent(self._action_session, ActionReceipt, values, key)
        else:
            async with self._factory() as session, session.begin():
                await insert_if_absent(session, ActionReceipt, values, key)
        (await self.reached()).add((recipient_id, ordinal))
