"""(being built)"""

from __future__ import annotations

from scheduler.registry import ActionRegistry


def register(registry: ActionRegistry) -> None:
    """Register this feature's scheduled-action handlers."""
