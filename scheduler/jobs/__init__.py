"""The scheduled-action handlers, registered by kind with `register_jobs`."""

from __future__ import annotations

from scheduler.jobs import member_notice
from scheduler.jobs.activity_jobs import register_activity_jobs
from scheduler.registry import ActionRegistry


def register_jobs(registry: ActionRegistry) -> ActionRegistry:
    member_notice.register(registry)
    register_activity_jobs(registry)
    return registry
