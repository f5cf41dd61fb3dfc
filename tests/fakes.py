"""Test doubles that record instead of talking to Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field

from organizer.messenger import (
    Document,
    Keyboard,
    OutboundText,
    ParseMode,
    Priority,
    RecipientUnreachable,
    SentMessage,
)


@dataclass
class RecordingMessenger:
    """Implements organizer.messenger.Messenger; `unreachable` chats answer like a 403."""

    sent: list[OutboundText] = field(default_factory=list)
    edits: list[tuple[int, int, str, Keyboard | None]] = field(default_factory=list)
    deleted: list[tuple[int, int]] = field(default_factory=list)
    documents: list[tuple[int, Document]] = field(default_factory=list)
    unreachable: set[int] = field(default_factory=set)
    _next_id: int = 1000

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    async def send_text(self, message: OutboundText) -> SentMessage:
        if message.chat_id in self.unreachable:
            raise RecipientUnreachable(
                message.chat_id, "Forbidden: bot can't initiate conversation"
            )
        self.sent.append(message)
        return SentMessage(message.chat_id, self._new_id())

    async def edit_text(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        keyboard: Keyboard | None = None,
        parse_mode: ParseMode = ParseMode.HTML,
    ) -> None:
        self.edits.append((chat_id, message_id, text, keyboard))

    async def edit_keyboard(self, chat_id: int, message_id: int, keyboard: Keyboard | None) -> None:
        self.edits.append((chat_id, message_id, "", keyboard))

    async def delete(self, chat_id: int, message_id: int) -> bool:
        self.deleted.append((chat_id, message_id))
        return True

    async def send_document(
        self,
        chat_id: int,
        document: Document,
        *,
        priority: Priority = Priority.INTERACTIVE,
        protect_content: bool = False,
    ) -> SentMessage:
        if chat_id in self.unreachable:
            raise RecipientUnreachable(chat_id, "Forbidden: bot can't initiate conversation")
        self.documents.append((chat_id, document))
        return SentMessage(chat_id, self._new_id())

    def texts_to(self, chat_id: int) -> list[str]:
        return [m.text for m in self.sent if m.chat_id == chat_id]
