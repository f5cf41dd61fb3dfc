"""The scheduled-action handlers, registered by kind with `register_jobs`."""

from __future__ import annotations

from scheduler.jobs import (
    commendation_jobs,
    content_jobs,
    digest_jobs,
    joining_jobs,
    member_jobs,
    member_notice,
    notice_jobs,
    welcome_jobs,
)
from scheduler.jobs.activity_jobs import register_activity_jobs
from scheduler.registry import ActionRegistry


def register_jobs(registry: ActionRegistry) -> ActionRegistry:
    member_notice.register(registry)
    register_activity_jobs(registry)
    joining_jobs.register(registry)
    welcome_jobs.register(registry)
    member_jobs.register(registry)
    content_jobs.register(registry)
    digest_jobs.register(registry)
    commendation_jobs.register(registry)
    notice_jobs.register(registry)
    return registry
