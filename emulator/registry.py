"""The table of Bot API methods the emulator implements, filled by the methods_* modules."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .updates import BotAccount
from .validation import Params

if TYPE_CHECKING:
    from .actions import UserActions


@dataclass
class CallContext:
    """What a method implementation works with: the emulator and the calling bot."""

    core: UserActions
    bot: BotAccount


Handler = Callable[[CallContext, Params], Awaitable[Any]]

# Method names are case-insensitive in the Bot API, so keys are lower-case.
METHODS: dict[str, Handler] = {}


def api_method(*names: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for name in names:
            METHODS[name.lower()] = handler
        return handler

    return register


def find_method(name: str) -> Handler | None:
    # Importing the modules registers their methods.
    from . import (  # noqa: F401
        methods_bot,
        methods_chat,
        methods_edit,
        methods_invites,
        methods_members,
        methods_send,
    )

    return METHODS.get(name.lower())
