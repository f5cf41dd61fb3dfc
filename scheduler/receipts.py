"""Who a scheduled action has already reached, so a retried or reclaimed action (its worker
crashed or the group send failed after the private messages went out) sends nobody a second
copy.

Each receipt is committed in its own short transaction right after the send, apart from the
action's session, which commits only when the action is done. On SQLite (the one-process
embedded mode) receipts go into the action's own session instead: a second writer would wait
on the action's write lock, and a crash there takes the whole process, the action with it.
The one window left is between a send and its receipt (one message per recipient at most).
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
        self._reached: set[int] | None = None

    async def reached(self) -> set[int]:
        """The recipients reached on earlier attempts (read once per attempt)."""
        if self._reached is None:
            rows = await self._action_session.scalars(
                select(ActionReceipt.recipient_id).where(ActionReceipt.action_id == self.action_id)
            )
            self._reached = {int(recipient) for recipient in rows}
        return self._reached

    async def already(self, recipient_id: int) -> bool:
        return recipient_id in await self.reached()

    async def record(self, recipient_id: int, *, now: datetime) -> None:
        values = {"action_id": self.action_id, "recipient_id": recipient_id, "sent_at": now}
        key = ["action_id", "recipient_id"]
        if self._factory is None:
            await insert_if_absent(self._action_session, ActionReceipt, values, key)
        else:
            async with self._factory() as session, session.begin():
                await insert_if_absent(session, ActionReceipt, values, key)
        (await self.reached()).add(recipient_id)
