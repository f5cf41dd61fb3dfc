"""Scheduler (DESIGN.md §4): reminders sent within 5 s of due; none lost or doubled across a
restart. Real time, real APScheduler ticks (1 s), PostgreSQL, two scheduler "processes"
(separate engines and runners, as `organizer scheduler` twice) claiming from one table; halfway
through, one of them is stopped and a fresh one takes its place, as a restart does.

Each action's lateness is when its handler ran minus its due time. Run: make bench
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from benchmarks.common import in_scratch_database, line
from organizer.clock import SystemClock
from organizer.database import Base, create_engine, create_session_factory, unit_of_work
from organizer.services import scheduled_actions
from scheduler.registry import ActionContext, ActionRegistry
from scheduler.runner import ActionRunner
from scheduler.setup import build_scheduler, shutdown_scheduler
from tests.fakes import RecordingMessenger

ACTIONS, SPREAD_SECONDS, LEAD_SECONDS = 300, 12.0, 2.0
KIND = "bench.reminder"
performed: list[tuple[int, float]] = []  # (action number, seconds late)
all_done = asyncio.Event()


async def remind(ctx: ActionContext, payload: dict[str, Any]) -> None:
    performed.append((int(payload["n"]), time.time() - float(payload["due"])))
    if len({n for n, _ in performed}) >= ACTIONS:
        all_done.set()


def registry() -> ActionRegistry:
    actions = ActionRegistry()
    actions.register(KIND, remind)
    return actions


async def start_process(url: str, name: str) -> tuple[Any, AsyncIOScheduler, ActionRunner]:
    engine = create_engine(url)
    runner = ActionRunner(
        create_session_factory(engine), registry(), RecordingMessenger(), SystemClock(),
        worker_id=name,
    )  # fmt: skip
    scheduler = build_scheduler(runner, tick_seconds=1.0)
    scheduler.start()
    return engine, scheduler, runner


async def stop_process(process: tuple[Any, AsyncIOScheduler, ActionRunner]) -> None:
    engine, scheduler, runner = process
    await shutdown_scheduler(scheduler, runner)
    await engine.dispose()


async def seed(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    start = datetime.now(UTC) + timedelta(seconds=LEAD_SECONDS)
    async with unit_of_work(create_session_factory(engine)) as session:
        for n in range(ACTIONS):
            due = start + timedelta(seconds=SPREAD_SECONDS * n / ACTIONS)
            await scheduled_actions.schedule(
                session, kind=KIND, due_at=due, payload={"n": n, "due": due.timestamp()},
                now=datetime.now(UTC),
            )  # fmt: skip
    await engine.dispose()


async def run(url: str) -> None:
    await seed(url)
    first, second = await start_process(url, "bench-a"), await start_process(url, "bench-b")
    await asyncio.sleep(LEAD_SECONDS + SPREAD_SECONDS / 2)
    await stop_process(first)  # a restart: this process goes, a new one comes up
    first = await start_process(url, "bench-a2")
    with contextlib.suppress(TimeoutError):  # a loss shows in the report
        await asyncio.wait_for(all_done.wait(), LEAD_SECONDS + SPREAD_SECONDS + 30)
    await asyncio.sleep(2)  # a late double would show up here
    await stop_process(first)
    await stop_process(second)
    report()


def report() -> None:
    counts = Counter(n for n, _ in performed)
    lateness = [late for _, late in performed]
    p95 = statistics.quantiles(lateness, n=100)[94] if len(lateness) > 1 else float("inf")
    print(line("scheduler_lateness_p95", round(p95, 2), "s", "<=", 5))
    print(line("scheduler_lateness_max", round(max(lateness, default=float("inf")), 2), "s",
               "<=", 5))  # fmt: skip
    print(line("scheduler_lost_across_restart", ACTIONS - len(counts), "actions", "==", 0))
    print(line("scheduler_doubled_across_restart", sum(c - 1 for c in counts.values()),
               "actions", "==", 0))  # fmt: skip


if __name__ == "__main__":
    asyncio.run(in_scratch_database(run))
