from __future__ import annotations

from typing import Any

import pytest

from scheduler.registry import ActionContext, ActionRegistry


async def handle(ctx: ActionContext, payload: dict[str, Any]) -> None:
    return None


def test_the_decorator_registers_and_returns_the_handler() -> None:
    registry = ActionRegistry()

    decorated = registry.action("reminder.send")(handle)

    assert decorated is handle
    assert registry.get("reminder.send") is handle
    assert "reminder.send" in registry
    assert registry.kinds == frozenset({"reminder.send"})
    assert registry.get("survey.send") is None


def test_a_kind_can_have_only_one_handler() -> None:
    registry = ActionRegistry()
    registry.register("reminder.send", handle)

    with pytest.raises(ValueError, match="already registered"):
        registry.register("reminder.send", handle)
    with pytest.raises(ValueError, match="empty"):
        registry.register("", handle)
