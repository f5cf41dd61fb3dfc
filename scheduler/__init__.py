"""The scheduler: APScheduler drives ticks; due actions are claimed from the database and run.

Importing this package does not import aiogram: it talks to chats through a Messenger.
"""

from scheduler.registry import ActionContext, ActionHandler, ActionRegistry, PermanentActionError
from scheduler.runner import ActionRunner, TickResult, exponential_backoff
from scheduler.setup import TICK_JOB_ID, add_cron_job, build_scheduler, shutdown_scheduler

__all__ = [
    "TICK_JOB_ID",
    "ActionContext",
    "ActionHandler",
    "ActionRegistry",
    "ActionRunner",
    "PermanentActionError",
    "TickResult",
    "add_cron_job",
    "build_scheduler",
    "exponential_backoff",
    "shutdown_scheduler",
]
