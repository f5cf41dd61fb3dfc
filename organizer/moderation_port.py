"""Restricting and removing members: the second outbound interface the domain uses.

Handlers build the Telegram implementation (`organizer.telegram.moderator.TelegramModerator`)
from the bot they were given. Scheduler jobs have no bot, so the composition root registers
one moderator at start-up:

    from organizer import moderation_port
    from organizer.telegram.moderator import TelegramModerator
    moderation_port.set_moderator(TelegramModerator(bot))

and jobs call `moderation_port.moderator()`. Tests register a recording fake the same way.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class ModerationFailed(Exception):
    """Telegram refused (the bot lacks the right, the user is an admin or already gone)."""

    def __init__(self, chat_id: int, user_id: int, reason: str) -> None:
        super().__init__(f"moderation of {user_id} in {chat_id} failed: {reason}")
        self.chat_id = chat_id
        self.user_id = user_id
        self.reason = reason


class ChatModerator(Protocol):
    async def restrict(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        """The member can read but not send (until `until`, or until lifted)."""

    async def unrestrict(self, chat_id: int, user_id: int) -> None:
        """Lift a restriction: the group's default permissions apply again."""

    async def kick(self, chat_id: int, user_id: int) -> None:
        """Remove the member without banning them (they may come back through approval)."""

    async def ban(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        """Remove the member and keep them out until unbanned (or until `until`)."""

    async def unban(self, chat_id: int, user_id: int) -> None:
        """Let a banned member come back (through approval); not a re-add."""

    async def delete_message(self, chat_id: int, message_id: int) -> bool:
        """Delete a member's message; False when it is already gone."""


_current: ChatModerator | None = None


def set_moderator(moderator: ChatModerator | None) -> None:
    """Register (or with None, forget) the moderator scheduler jobs use."""
    global _current
    _current = moderator


def moderator() -> ChatModerator:
    if _current is None:
        raise RuntimeError("no ChatModerator registered: call moderation_port.set_moderator()")
    return _current
