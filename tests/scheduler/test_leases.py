"""A worker that dies (or stalls) mid-action: its lease expires and one other worker re-runs it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.models.scheduled_action import ActionStatus
from organizer.services import scheduled_actions
from scheduler.registry import ActionContext, ActionRegistry
from scheduler.runner import TickResult
from tests.scheduler.helpers import add_action, load, make_runner

Factory = async_sessionmaker[AsyncSession]
LEASE = timedelta(minutes=5)


class FirstCallHangs:
    """A handler whose first invocation never returns on its own (the worker "hangs")."""

    def __init__(self) -> None:
        self.invocations: list[tuple[int, int]] = []  # (attempt, action id)
        self.first_entered = asyncio.Event()
        self.release_first = asyncio.Event()

    async def __call__(self, ctx: ActionContext, payload: dict[str, Any]) -> None:
        self.invocations.append((ctx.attempt, ctx.action_id))
        if len(self.invocations) == 1:
            self.first_entered.set()
            await self.release_first.wait()
        # The handler's own effect: a follow-up action named after this attempt.
        await scheduled_actions.schedule(
            ctx.session,
            kind="test.effect",
            due_at=ctx.clock.now() + timedelta(days=1),
            dedupe_key=f"effect:{ctx.attempt}",
            now=ctx.clock.now(),
        )


async def start_and_hang(
    runner_tick: Callable[[], Coroutine[Any, Any, TickResult]], handler: FirstCallHangs
) -> asyncio.Task[TickResult]:
    task = asyncio.create_task(runner_tick())
    await asyncio.wait_for(handler.first_entered.wait(), timeout=30)
    return task


async def effect_keys(session_factory: Factory) -> list[str | None]:
    async with session_factory() as session:
        return [a.dedupe_key for a in await scheduled_actions.pending(session, kind="test.effect")]


async def test_a_crashed_worker_s_action_is_rerun_once_after_the_lease(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    handler = FirstCallHangs()
    registry.register("test.action", handler)
    action_id = await add_action(session_factory, clock)
    crashed = make_runner(session_factory, registry, clock, worker_id="crashed", lease=LEASE)
    survivor = make_runner(session_factory, registry, clock, worker_id="survivor", lease=LEASE)

    task = await start_and_hang(crashed.tick, handler)
    task.cancel()  # the process dies mid-action
    with pytest.raises(asyncio.CancelledError):
        await task
    info = await load(session_factory, action_id)
    assert (info.status, info.claimed_by, info.attempts) == (ActionStatus.RUNNING, "crashed", 1)

    clock.advance(LEASE - timedelta(seconds=1))
    assert (await survivor.tick()).claimed == 0  # the lease still holds
    clock.advance(seconds=2)
    assert await survivor.tick() == TickResult(claimed=1, reclaimed=1, done=1)
    for _ in range(3):
        clock.advance(LEASE * 2)
        assert (await survivor.tick()).claimed == 0

    assert handler.invocations == [(1, action_id), (2, action_id)]
    info = await load(session_factory, action_id)
    assert (info.status, info.claimed_by, info.attempts) == (ActionStatus.DONE, "survivor", 2)
    assert await effect_keys(session_factory) == ["effect:2"]


async def test_a_stalled_worker_cannot_overwrite_the_new_owner(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    handler = FirstCallHangs()
    registry.register("test.action", handler)
    action_id = await add_action(session_factory, clock)
    stalled = make_runner(session_factory, registry, clock, worker_id="stalled", lease=LEASE)
    survivor = make_runner(session_factory, registry, clock, worker_id="survivor", lease=LEASE)

    stalled_tick = await start_and_hang(stalled.tick, handler)
    clock.advance(LEASE + timedelta(seconds=1))
    assert await survivor.tick() == TickResult(claimed=1, reclaimed=1, done=1)

    handler.release_first.set()  # the stalled worker wakes up and tries to mark it done
    assert await stalled_tick == TickResult(claimed=1, lost=1)

    info = await load(session_factory, action_id)
    assert (info.status, info.claimed_by, info.attempts) == (ActionStatus.DONE, "survivor", 2)
    # The stalled attempt's writes were rolled back with its rejected "done".
    assert await effect_keys(session_factory) == ["effect:2"]
    assert len(handler.invocations) == 2


async def test_a_stalled_worker_s_late_failure_cannot_reschedule(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    entered, release = asyncio.Event(), asyncio.Event()
    calls: list[str] = []

    @registry.action("test.action")
    async def fails_late(ctx: ActionContext, payload: dict[str, Any]) -> None:
        calls.append(ctx.kind)
        if len(calls) == 1:
            entered.set()
            await release.wait()
            raise RuntimeError("too late")

    action_id = await add_action(session_factory, clock)
    stalled = make_runner(session_factory, registry, clock, worker_id="stalled", lease=LEASE)
    survivor = make_runner(session_factory, registry, clock, worker_id="survivor", lease=LEASE)
    stalled_tick = asyncio.ensure_future(stalled.tick())
    await asyncio.wait_for(entered.wait(), timeout=30)
    clock.advance(LEASE + timedelta(seconds=1))
    assert (await survivor.tick()).done == 1

    release.set()
    assert await stalled_tick == TickResult(claimed=1, lost=1)
    info = await load(session_factory, action_id)
    assert (info.status, info.last_error) == (ActionStatus.DONE, None)


async def test_a_crash_on_the_last_attempt_fails_instead_of_running_again(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    handler = FirstCallHangs()
    registry.register("test.action", handler)
    action_id = await add_action(session_factory, clock, max_attempts=1)
    crashed = make_runner(session_factory, registry, clock, worker_id="crashed", lease=LEASE)
    survivor = make_runner(session_factory, registry, clock, worker_id="survivor", lease=LEASE)

    task = await start_and_hang(crashed.tick, handler)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    clock.advance(LEASE + timedelta(seconds=1))

    assert await survivor.tick() == TickResult(claimed=1, reclaimed=1, failed=1)
    info = await load(session_factory, action_id)
    assert info.status is ActionStatus.FAILED
    assert info.last_error is not None and "no attempts left" in info.last_error
    assert len(handler.invocations) == 1
