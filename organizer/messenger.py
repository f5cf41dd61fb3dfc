"""The one outbound interface the domain uses to talk to chats.

Handlers and scheduler jobs send the same way, through a Messenger. The Telegram adapter
(`organizer.telegram.messenger`) implements it over aiogram with rate limiting and retries;
tests may replace it with a recorder.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None


Keyboard = tuple[tuple[Button, ...], ...]


def keyboard(*rows: list[Button] | tuple[Button, ...]) -> Keyboard:
    return tuple(tuple(row) for row in rows)


class Priority(enum.IntEnum):
    """Interactive replies go before bulk sends (reminders, notices)."""

    INTERACTIVE = 0
    BULK = 1


class ParseMode(enum.StrEnum):
    HTML = "HTML"
    PLAIN = ""


@dataclass(frozen=True)
class SentMessage:
    chat_id: int
    message_id: int


@dataclass(frozen=True)
class Document:
    filename: str
    data: bytes
    caption: str | None = None


@dataclass(frozen=True)
class OutboundText:
    chat_id: int
    text: str
    keyboard: Keyboard | None = None
    parse_mode: ParseMode = ParseMode.HTML
    reply_to_message_id: int | None = None
    protect_content: bool = False
    disable_notification: bool = False
    priority: Priority = Priority.INTERACTIVE
    extra: dict[str, object] = field(default_factory=dict)


class MessengerError(Exception):
    """A send that failed for good (after retries)."""


class RecipientUnreachable(MessengerError):
    """The chat cannot be written to: a user who never started or blocked the bot (403),
    a chat the bot was removed from, or a chat that does not exist."""

    def __init__(self, chat_id: int, reason: str) -> None:
        super().__init__(f"chat {chat_id} unreachable: {reason}")
        self.chat_id = chat_id
        self.reason = reason


class PermissionMissing(MessengerError):
    """The bot lacks a right it needs in that chat (delete, restrict, pin, invite)."""

    def __init__(self, chat_id: int, reason: str) -> None:
        super().__init__(f"missing rights in chat {chat_id}: {reason}")
        self.chat_id = chat_id
        self.reason = reason


class MessageNotFound(MessengerError):
    """The message to edit or delete no longer exists (or never did)."""

    def __init__(self, chat_id: int, reason: str) -> None:
        super().__init__(f"message not found in chat {chat_id}: {reason}")
        self.chat_id = chat_id
        self.reason = reason


class ChatMigrated(MessengerError):
    """The group became a supergroup with a new id; the domain must move its records."""

    def __init__(self, chat_id: int, new_chat_id: int) -> None:
        super().__init__(f"chat {chat_id} migrated to {new_chat_id}")
        self.chat_id = chat_id
        self.new_chat_id = new_chat_id


class Messenger(Protocol):
    async def send_text(self, message: OutboundText) -> SentMessage: ...

    async def edit_text(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        keyboard: Keyboard | None = None,
        parse_mode: ParseMode = ParseMode.HTML,
    ) -> None: ...

    async def edit_keyboard(
        self, chat_id: int, message_id: int, keyboard: Keyboard | None
    ) -> None: ...

    async def delete(self, chat_id: int, message_id: int) -> bool: ...

    async def send_document(
        self,
        chat_id: int,
        document: Document,
        *,
        priority: Priority = Priority.INTERACTIVE,
        protect_content: bool = False,
    ) -> SentMessage: ...

    async def send_media(
        self,
        chat_id: int,
        kind: str,
        file_id: str,
        *,
        caption: str | None = None,
        keyboard: Keyboard | None = None,
        protect_content: bool = False,
        priority: Priority = Priority.BULK,
    ) -> SentMessage:
        """A photo or document already on Telegram's servers (`kind` "photo" | "document"),
        with an HTML caption."""
        ...

    async def pin(self, chat_id: int, message_id: int, *, notify: bool = False) -> None: ...
