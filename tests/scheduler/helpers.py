"""Shared test helpers for the scheduler: a recording messenger and small DB shortcuts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.database import unit_of_work
from organizer.messenger import Document, Keyboard, OutboundText, ParseMode, Priority, SentMessage
from organizer.services import scheduled_actions
from organizer.services.scheduled_actions import ScheduledActionInfo
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner


class RecordingMessenger:
    """A Messenger that records what would have been sent."""

    def __init__(self) -> None:
        self.sent: list[OutboundText] = []
        self.edits: list[tuple[int, int, str]] = []
        self.deleted: list[tuple[int, int]] = []
        self.documents: list[tuple[int, Document]] = []

    async def send_text(self, message: OutboundText) -> SentMessage:
        self.sent.append(message)
        return SentMessage(chat_id=message.chat_id, message_id=len(self.sent))

    async def edit_text(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        keyboard: Keyboard | None = None,
        parse_mode: ParseMode = ParseMode.HTML,
    ) -> None:
        self.edits.append((chat_id, message_id, text))

    async def edit_keyboard(self, chat_id: int, message_id: int, keyboard: Keyboard | None) -> None:
        self.edits.append((chat_id, message_id, ""))

    async def delete(self, chat_id: int, message_id: int) -> bool:
        self.deleted.append((chat_id, message_id))
        return True

    async def send_document(
        self,
        chat_id: int,
        document: Document,
        *,
        priority: Priority = Priority.INTERACTIVE,
        protect_content: bool = False,
    ) -> SentMessage:
        self.documents.append((chat_id, document))
        return SentMessage(chat_id=chat_id, message_id=len(self.documents))


def make_runner(
    session_factory: async_sessionmaker[AsyncSession],
    registry: ActionRegistry,
    clock: FakeClock,
    *,
    worker_id: str = "worker-a",
    messenger: RecordingMessenger | None = None,
    **options: Any,
) -> ActionRunner:
    return ActionRunner(
        session_factory,
        registry,
        messenger or RecordingMessenger(),
        clock,
        worker_id=worker_id,
        **options,
    )


async def add_action(
    session_factory: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    *,
    kind: str = "test.action",
    due_in: timedelta = timedelta(0),
    **options: Any,
) -> int:
    async with unit_of_work(session_factory) as session:
        return await scheduled_actions.schedule(
            session, kind=kind, due_at=clock.now() + due_in, now=clock.now(), **options
        )


async def load(
    session_factory: async_sessionmaker[AsyncSession], action_id: int
) -> ScheduledActionInfo:
    async with session_factory() as session:
        info = await scheduled_actions.get(session, action_id)
    assert info is not None, f"action {action_id} does not exist"
    return info
