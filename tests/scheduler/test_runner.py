"""ActionRunner against a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.messenger import OutboundText, Priority
from organizer.models.scheduled_action import ActionStatus
from organizer.services import scheduled_actions
from scheduler.registry import ActionContext, ActionRegistry, PermanentActionError
from scheduler.runner import MAX_ERROR_CHARS, TickResult, exponential_backoff
from tests.scheduler.helpers import RecordingMessenger, add_action, load, make_runner

Factory = async_sessionmaker[AsyncSession]


def counting_handler(registry: ActionRegistry, kind: str = "test.action") -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    @registry.action(kind)
    async def handler(ctx: ActionContext, payload: dict[str, Any]) -> None:
        calls.append(payload)

    return calls


async def test_a_due_action_runs_exactly_once(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    calls = counting_handler(registry)
    action_id = await add_action(session_factory, clock, payload={"n": 1})
    runner = make_runner(session_factory, registry, clock)

    first = await runner.tick()
    for _ in range(5):
        clock.advance(hours=1)
        assert (await runner.tick()).claimed == 0

    assert first == TickResult(claimed=1, done=1)
    assert calls == [{"n": 1}]
    info = await load(session_factory, action_id)
    assert info.status is ActionStatus.DONE
    assert info.attempts == 1
    assert info.finished_at == clock.now() - timedelta(hours=5)
    assert info.claimed_by == "worker-a"


async def test_an_action_waits_until_its_due_time(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    calls = counting_handler(registry)
    await add_action(session_factory, clock, due_in=timedelta(minutes=10))
    runner = make_runner(session_factory, registry, clock)

    assert (await runner.tick()).claimed == 0
    clock.advance(minutes=9, seconds=59)
    assert (await runner.tick()).claimed == 0
    assert calls == []

    clock.advance(seconds=1)  # due_at <= now: exactly on time counts as due
    assert (await runner.tick()).done == 1
    assert len(calls) == 1


async def test_the_handler_gets_its_context_and_can_send(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    messenger = RecordingMessenger()
    seen: list[ActionContext] = []

    @registry.action("reminder.send")
    async def send(ctx: ActionContext, payload: dict[str, Any]) -> None:
        seen.append(ctx)
        text = OutboundText(payload["chat"], payload["text"], priority=Priority.BULK)
        await ctx.messenger.send_text(text)

    action_id = await add_action(
        session_factory, clock, kind="reminder.send", payload={"chat": -100, "text": "hi"}
    )
    settings = object()
    runner = make_runner(session_factory, registry, clock, messenger=messenger, settings=settings)
    await runner.tick()

    [ctx] = seen
    assert (ctx.action_id, ctx.kind, ctx.attempt) == (action_id, "reminder.send", 1)
    assert ctx.clock is clock and ctx.settings is settings and ctx.messenger is messenger
    assert ctx.due_at == clock.now()
    assert [(m.chat_id, m.text) for m in messenger.sent] == [(-100, "hi")]


async def test_a_failing_action_is_retried_after_backoff_then_fails(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    attempts: list[int] = []

    @registry.action("test.flaky")
    async def flaky(ctx: ActionContext, payload: dict[str, Any]) -> None:
        attempts.append(ctx.attempt)
        raise RuntimeError(f"boom {ctx.attempt}")

    action_id = await add_action(session_factory, clock, kind="test.flaky", max_attempts=3)
    runner = make_runner(session_factory, registry, clock)

    assert await runner.tick() == TickResult(claimed=1, retried=1)
    info = await load(session_factory, action_id)
    assert info.status is ActionStatus.PENDING
    assert info.due_at == clock.now() + timedelta(seconds=30)
    assert info.last_error == "RuntimeError: boom 1"
    assert info.claimed_by is None

    clock.advance(seconds=29)  # one second before the backoff ends: nothing happens
    assert (await runner.tick()).claimed == 0
    clock.advance(seconds=1)
    assert (await runner.tick()).retried == 1
    assert (await load(session_factory, action_id)).due_at == clock.now() + timedelta(seconds=60)

    clock.advance(seconds=59)
    assert (await runner.tick()).claimed == 0
    clock.advance(seconds=1)
    assert await runner.tick() == TickResult(claimed=1, failed=1)

    clock.advance(days=1)
    assert (await runner.tick()).claimed == 0
    assert attempts == [1, 2, 3]
    info = await load(session_factory, action_id)
    assert info.status is ActionStatus.FAILED
    assert info.attempts == 3
    assert info.last_error == "RuntimeError: boom 3"
    assert info.finished_at == clock.now() - timedelta(days=1)


async def test_a_permanent_error_fails_at_once(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    @registry.action("test.gone")
    async def gone(ctx: ActionContext, payload: dict[str, Any]) -> None:
        raise PermanentActionError("group was deleted")

    action_id = await add_action(session_factory, clock, kind="test.gone")
    runner = make_runner(session_factory, registry, clock)

    assert await runner.tick() == TickResult(claimed=1, failed=1)
    info = await load(session_factory, action_id)
    assert (info.status, info.attempts) == (ActionStatus.FAILED, 1)
    assert info.last_error == "PermanentActionError: group was deleted"


async def test_an_unknown_kind_fails_with_a_clear_error(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    calls = counting_handler(registry)
    action_id = await add_action(session_factory, clock, kind="test.nobody-handles-this")
    runner = make_runner(session_factory, registry, clock)

    assert await runner.tick() == TickResult(claimed=1, failed=1)
    clock.advance(days=1)
    assert (await runner.tick()).claimed == 0
    info = await load(session_factory, action_id)
    assert info.status is ActionStatus.FAILED
    assert info.last_error is not None and "'test.nobody-handles-this'" in info.last_error
    assert calls == []


async def test_long_errors_are_truncated(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    @registry.action("test.verbose")
    async def verbose(ctx: ActionContext, payload: dict[str, Any]) -> None:
        raise PermanentActionError("x" * 10_000)

    action_id = await add_action(session_factory, clock, kind="test.verbose")
    await make_runner(session_factory, registry, clock).tick()

    error = (await load(session_factory, action_id)).last_error
    assert error is not None and len(error) == MAX_ERROR_CHARS
    assert error.startswith("PermanentActionError: xxx")


async def test_handler_writes_commit_with_the_done_mark(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    @registry.action("test.chain")
    async def chain(ctx: ActionContext, payload: dict[str, Any]) -> None:
        await scheduled_actions.schedule(
            ctx.session,
            kind="test.next",
            due_at=ctx.clock.now() + timedelta(days=1),
            dedupe_key="next:1",
            now=ctx.clock.now(),
        )

    action_id = await add_action(session_factory, clock, kind="test.chain")
    await make_runner(session_factory, registry, clock).tick()

    assert (await load(session_factory, action_id)).status is ActionStatus.DONE
    async with session_factory() as session:
        assert [a.dedupe_key for a in await scheduled_actions.pending(session)] == ["next:1"]


async def test_handler_writes_roll_back_when_it_raises(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    @registry.action("test.chain")
    async def chain(ctx: ActionContext, payload: dict[str, Any]) -> None:
        await scheduled_actions.schedule(
            ctx.session,
            kind="test.next",
            due_at=ctx.clock.now() + timedelta(days=1),
            dedupe_key="next:1",
            now=ctx.clock.now(),
        )
        raise RuntimeError("after writing")

    action_id = await add_action(session_factory, clock, kind="test.chain")
    assert (await make_runner(session_factory, registry, clock).tick()).retried == 1

    async with session_factory() as session:
        remaining = await scheduled_actions.pending(session)
    assert [a.id for a in remaining] == [action_id]  # the follow-up was rolled back


async def test_run_until_idle_drains_every_batch(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    calls = counting_handler(registry)
    for n in range(12):
        await add_action(session_factory, clock, payload={"n": n})
    await add_action(session_factory, clock, due_in=timedelta(hours=1), payload={"n": "later"})
    runner = make_runner(session_factory, registry, clock, batch_size=5)

    total = await runner.run_until_idle()

    assert total == TickResult(claimed=12, done=12)
    assert sorted(call["n"] for call in calls) == list(range(12))


def test_backoff_doubles_from_30_seconds_up_to_an_hour() -> None:
    backoff = exponential_backoff()
    delays = [backoff(attempt).total_seconds() for attempt in range(1, 9)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600]
    assert backoff(10_000) == timedelta(hours=1)


@pytest.mark.parametrize("worker_id", ["", "w" * 65])
def test_worker_id_must_fit_the_column(
    worker_id: str, registry: ActionRegistry, clock: FakeClock
) -> None:
    with pytest.raises(ValueError, match="worker_id"):
        make_runner(None, registry, clock, worker_id=worker_id)  # type: ignore[arg-type]
