"""APScheduler wiring: the tick job, cron jobs, and a clean start/stop inside a running loop."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.models.scheduled_action import ActionStatus
from scheduler.registry import ActionContext, ActionRegistry
from scheduler.runner import TickResult
from scheduler.setup import TICK_JOB_ID, add_cron_job, build_scheduler, shutdown_scheduler
from tests.scheduler.helpers import add_action, load, make_runner

Factory = async_sessionmaker[AsyncSession]
SAFETY_TIMEOUT = 30  # only guards against a hang; nothing waits for real time to pass


def signalling_handler(registry: ActionRegistry) -> tuple[list[int], asyncio.Event]:
    runs: list[int] = []
    ran = asyncio.Event()

    @registry.action("test.action")
    async def handler(ctx: ActionContext, payload: dict[str, Any]) -> None:
        runs.append(ctx.action_id)
        ran.set()

    return runs, ran


async def test_the_tick_job_is_registered_and_runs_the_runner(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    runs, ran = signalling_handler(registry)
    first = await add_action(session_factory, clock)
    runner = make_runner(session_factory, registry, clock)
    scheduler = build_scheduler(runner, tick_seconds=3600, timezone="Asia/Shanghai")
    scheduler.start()
    try:
        job = scheduler.get_job(TICK_JOB_ID)
        assert job.func == runner.tick
        assert (job.max_instances, job.coalesce) == (1, True)
        assert job.misfire_grace_time >= 60
        assert isinstance(job.trigger, IntervalTrigger)
        assert job.trigger.interval == timedelta(hours=1)
        assert scheduler.timezone == ZoneInfo("Asia/Shanghai")

        # The first tick fires at start, to catch up on what fell due while the bot was down.
        await asyncio.wait_for(ran.wait(), SAFETY_TIMEOUT)
        assert runs == [first]

        # Firing the job again (instead of waiting an hour) runs the runner's tick.
        ran.clear()
        second = await add_action(session_factory, clock)
        job.modify(next_run_time=datetime.now(UTC))
        await asyncio.wait_for(ran.wait(), SAFETY_TIMEOUT)
        assert runs == [first, second]

        # Calling the job function directly is a plain tick.
        assert await job.func() == TickResult()
    finally:
        await shutdown_scheduler(scheduler, runner)
    assert scheduler.state == STATE_STOPPED


async def test_shutdown_lets_the_running_tick_finish(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    entered, release = asyncio.Event(), asyncio.Event()

    @registry.action("test.action")
    async def slow(ctx: ActionContext, payload: dict[str, Any]) -> None:
        entered.set()
        await release.wait()

    action_id = await add_action(session_factory, clock)
    runner = make_runner(session_factory, registry, clock)
    scheduler = build_scheduler(runner, tick_seconds=3600)
    scheduler.start()
    await asyncio.wait_for(entered.wait(), SAFETY_TIMEOUT)

    stopping = asyncio.ensure_future(shutdown_scheduler(scheduler, runner))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not stopping.done()  # waiting for the tick, not cancelling it
    assert scheduler.state != STATE_RUNNING  # but no new ticks fire meanwhile

    release.set()
    await asyncio.wait_for(stopping, SAFETY_TIMEOUT)
    assert scheduler.state == STATE_STOPPED
    assert (await load(session_factory, action_id)).status is ActionStatus.DONE


async def test_shutdown_of_a_stopped_scheduler_is_a_no_op(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    scheduler = build_scheduler(make_runner(session_factory, registry, clock), tick_seconds=1)
    await shutdown_scheduler(scheduler)
    assert scheduler.state == STATE_STOPPED


async def test_cron_jobs_use_the_scheduler_timezone(
    session_factory: Factory, registry: ActionRegistry, clock: FakeClock
) -> None:
    calls: list[str] = []

    async def weekly_digest() -> None:
        calls.append("digest")

    scheduler = build_scheduler(
        make_runner(session_factory, registry, clock), tick_seconds=1, timezone="Asia/Shanghai"
    )
    scheduler.start(paused=True)  # registered and inspectable, but nothing fires
    try:
        job = add_cron_job(scheduler, weekly_digest, day_of_week="mon", hour=9, minute=0)
        assert job.id.startswith("cron.") and job.id.endswith("weekly_digest")
        assert isinstance(job.trigger, CronTrigger)
        assert job.trigger.timezone == ZoneInfo("Asia/Shanghai")
        assert (job.max_instances, job.coalesce) == (1, True)
        monday_9am = job.trigger.get_next_fire_time(None, datetime(2026, 3, 2, tzinfo=UTC))
        assert monday_9am == datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Shanghai"))

        await job.func()  # the registered function is the one given
        assert calls == ["digest"]

        custom = add_cron_job(scheduler, weekly_digest, job_id="digest", hour=18, timezone="UTC")
        assert custom.id == "digest" and str(custom.trigger.timezone) == "UTC"
    finally:
        await shutdown_scheduler(scheduler)
