"""APScheduler wiring: it decides *when to look*, the database knows *what is due*.

Why the database, not APScheduler, is the store of record: every timed action is a row written in
the same transaction as the change that causes it, so it moves and is cancelled with that change,
survives restarts, and is claimed atomically when several scheduler processes run. APScheduler's
in-memory job store has none of that, so here it only fires the periodic tick (and cron-like
jobs). A tick that is skipped, late or coalesced therefore loses nothing: the next tick still
finds the rows due.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.runner import ActionRunner

log = logging.getLogger(__name__)

TICK_JOB_ID = "scheduled-actions.tick"
# A cron job that starts this late (a blocked loop, a long previous run) still runs once.
CRON_MISFIRE_GRACE_SECONDS = 300


def build_scheduler(
    runner: ActionRunner, *, tick_seconds: float, timezone: str = "UTC"
) -> AsyncIOScheduler:
    """An unstarted scheduler whose interval job ticks `runner`; start it inside a running loop."""
    if tick_seconds <= 0:
        raise ValueError("tick_seconds must be positive")
    zone = ZoneInfo(timezone)
    scheduler = AsyncIOScheduler(timezone=zone)
    scheduler.add_job(
        runner.tick,
        IntervalTrigger(seconds=tick_seconds, timezone=zone),
        id=TICK_JOB_ID,
        name=f"scheduled actions tick ({runner.worker_id})",
        # One tick at a time; a backlog of missed ticks collapses into one run.
        max_instances=1,
        coalesce=True,
        # APScheduler's default grace is 1 s: a tick delayed longer than that (busy loop, slow
        # previous tick) would be dropped with a warning. Late ticks are harmless, so allow many.
        misfire_grace_time=max(60, math.ceil(tick_seconds * 10)),
        # Tick once right at start, to catch up on whatever fell due while we were down.
        next_run_time=datetime.now(zone),
        replace_existing=True,
    )
    return scheduler


def add_cron_job(
    scheduler: AsyncIOScheduler,
    func: Callable[..., Any],
    *,
    job_id: str | None = None,
    **cron_fields: Any,
) -> Job:
    """Run `func` on a cron-like schedule (fields as `CronTrigger`: day_of_week, hour, minute...).

    Intended for rule reminders and digests. Such a job should only *schedule* actions (with a
    dedupe key per occurrence, e.g. "digest:<group>:<date>") so the work itself goes through the
    database: that makes a second scheduler process firing the same cron job harmless.
    The trigger uses the scheduler's timezone unless `timezone=` is given.
    """
    cron_fields.setdefault("timezone", scheduler.timezone)
    job: Job = scheduler.add_job(
        func,
        CronTrigger(**cron_fields),
        id=job_id or f"cron.{func.__module__}.{func.__qualname__}",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=CRON_MISFIRE_GRACE_SECONDS,
        replace_existing=True,
    )
    return job


async def shutdown_scheduler(
    scheduler: AsyncIOScheduler,
    runner: ActionRunner | None = None,
    *,
    grace_seconds: float = 30.0,
) -> None:
    """Stop firing jobs, let the tick in progress finish (up to grace_seconds), then shut down.

    A tick cut short is safe anyway (its claims are reclaimed after the lease), but finishing it
    avoids delaying those actions by a whole lease.
    """
    if not scheduler.running:
        return
    scheduler.pause()
    if runner is not None:
        try:
            await asyncio.wait_for(runner.wait_idle(), grace_seconds)
        except TimeoutError:
            log.warning("tick still running after %.0f s; cancelling it", grace_seconds)
    scheduler.shutdown(wait=False)
    # AsyncIOScheduler.shutdown only queues the real shutdown on the loop; let it run now so
    # the caller returns with the scheduler stopped and its timer cancelled.
    await asyncio.sleep(0)
