"""Shared test helpers for the scheduler: small DB shortcuts (the messenger is tests.fakes')."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.database import unit_of_work
from organizer.services import scheduled_actions
from organizer.services.scheduled_actions import ScheduledActionInfo
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger


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
