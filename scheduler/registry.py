"""Which code performs which kind of scheduled action.

Features register one async handler per action kind:

    registry = ActionRegistry()

    @registry.action("reminder.send")
    async def send_reminder(ctx: ActionContext, payload: dict[str, Any]) -> None:
        ...

The runner gives each handler an `ActionContext` whose session is committed together with marking
the action done, so a handler's database writes and the "done" mark succeed or fail as one.
Handlers must therefore not commit that session themselves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.clock import Clock
from organizer.messenger import Messenger
from scheduler.receipts import Receipts


@dataclass(frozen=True)
class ActionContext:
    session: AsyncSession
    messenger: Messenger
    clock: Clock
    action_id: int
    kind: str
    # 1 on the first try; the runner increments it on every claim, including a reclaim.
    attempt: int
    # When the action was due on this attempt (lets a handler notice it is running late).
    due_at: datetime
    settings: object | None = None
    # Who this action already reached on an earlier attempt (scheduler.receipts.Receipts);
    # None where a test builds a context by hand.
    receipts: Receipts | None = None


ActionHandler = Callable[[ActionContext, dict[str, Any]], Awaitable[None]]


class PermanentActionError(Exception):
    """Raised by a handler to fail the action now: retrying cannot help (e.g. the group is gone)."""


class ActionRegistry:
    def __init__(self) -> None:
        self._handlers: dict[str, ActionHandler] = {}

    def register(self, kind: str, handler: ActionHandler) -> None:
        if not kind:
            raise ValueError("action kind must not be empty")
        if kind in self._handlers:
            # Two features claiming one kind is a wiring bug; fail at start-up, not at run time.
            raise ValueError(f"a handler for action kind {kind!r} is already registered")
        self._handlers[kind] = handler

    def action(self, kind: str) -> Callable[[ActionHandler], ActionHandler]:
        """Decorator form of `register`; returns the handler unchanged."""

        def decorator(handler: ActionHandler) -> ActionHandler:
            self.register(kind, handler)
            return handler

        return decorator

    def get(self, kind: str) -> ActionHandler | None:
        return self._handlers.get(kind)

    def __contains__(self, kind: object) -> bool:
        return kind in self._handlers

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self._handlers)
