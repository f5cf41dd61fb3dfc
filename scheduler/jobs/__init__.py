"""The scheduled-action handlers, registered by kind with `register_jobs`."""

from __future__ import annotations

from scheduler.jobs import member_notice
from scheduler.registry import ActionRegistry


def register_jobs(registry: ActionRegistry) -> ActionRegistry:
    member_notice.register(registry)
    return registry
