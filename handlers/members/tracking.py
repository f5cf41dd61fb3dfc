"""The hot path: every group message from a person is noted in memory (no database work)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.types import Message, TelegramObject

from handlers.moderation.facts import is_chat, is_plain
from organizer.services.activity_tracker import ActivityTracker

TRACKER_KEY = "activity_tracker"


class ActivityMiddleware(BaseMiddleware):
    """OUTER on purpose: it must see messages no handler takes. It never opens a session."""

    def __init__(self, tracker: ActivityTracker) -> None:
        self.tracker = tracker

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if (
            isinstance(event, Message)
            and event.chat.type in ("group", "supergroup")
            and event.from_user is not None
            and not event.from_user.is_bot
            and is_chat(event)  # a join or a pin is not the member speaking
        ):
            deps = data.get("deps")
            at = deps.clock.now() if deps is not None else event.date
            self.tracker.seen(
                event.chat.id, event.from_user.id, event.from_user.full_name, at,
                reply=event.reply_to_message is not None,
                counted=is_plain(event),  # a command to the bot is not taking part in the talk
            )  # fmt: skip
        return await handler(event, data)


def install_tracker(dispatcher: Dispatcher) -> ActivityTracker:
    """One tracker per dispatcher, kept in `dispatcher["activity_tracker"]` for the flush job."""
    tracker = ActivityTracker()
    dispatcher[TRACKER_KEY] = tracker
    dispatcher.message.outer_middleware(ActivityMiddleware(tracker))
    return tracker
