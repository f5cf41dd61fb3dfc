"""Test doubles that record instead of talking to Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field

from organizer.messenger import (
    Document,
    Keyboard,
    MessengerError,
    OutboundText,
    ParseMode,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
    SentMessage,
)


@dataclass(frozen=True)
class SentMedia:
    chat_id: int
    message_id: int
    kind: str
    file_id: str
    caption: str | None
    keyboard: Keyboard | None
    protect_content: bool


@dataclass
class RecordingMessenger:
    """Implements organizer.messenger.Messenger; `unreachable` chats answer like a 403."""

    sent: list[OutboundText] = field(default_factory=list)
    edits: list[tuple[int, int, str, Keyboard | None]] = field(default_factory=list)
    deleted: list[tuple[int, int]] = field(default_factory=list)
    documents: list[tuple[int, Document]] = field(default_factory=list)
    unreachable: set[int] = field(default_factory=set)
    media: list[SentMedia] = field(default_factory=list)
    pins: list[tuple[int, int]] = field(default_factory=list)
    # Chats where pinning fails for want of the right.
    no_pin_rights: set[int] = field(default_factory=set)
    # chat id -> how many more sends to it fail with a transient MessengerError.
    flaky: dict[int, int] = field(default_factory=dict)
    _next_id: int = 1000

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _maybe_flaky(self, chat_id: int) -> None:
        if self.flaky.get(chat_id, 0) > 0:
            self.flaky[chat_id] -= 1
            raise MessengerError(f"TelegramServerError in chat {chat_id}: Bad Gateway")

    async def send_text(self, message: OutboundText) -> SentMessage:
        self._maybe_flaky(message.chat_id)
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
        self._maybe_flaky(chat_id)
        if chat_id in self.unreachable:
            raise RecipientUnreachable(chat_id, "Forbidden: bot was kicked from the group chat")
        message_id = self._new_id()
        self.media.append(
            SentMedia(chat_id, message_id, kind, file_id, caption, keyboard, protect_content)
        )
        return SentMessage(chat_id, message_id)

    async def pin(self, chat_id: int, message_id: int, *, notify: bool = False) -> None:
        if chat_id in self.no_pin_rights:
            raise PermissionMissing(
                chat_id, "Bad Request: not enough rights to manage pinned messages in the chat"
            )
        self.pins.append((chat_id, message_id))

    def texts_to(self, chat_id: int) -> list[str]:
        return [m.text for m in self.sent if m.chat_id == chat_id]
