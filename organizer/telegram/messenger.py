"""`Messenger` over aiogram: rate limited, retried, with Bot API errors turned into domain ones.

Every message-producing call (send, edit) first takes a slot from the rate limiter with the
message's priority; deletes are not counted. Flood control (429) is waited out and retried, and
so are network and server errors, within `max_retries`. What cannot succeed becomes a
`MessengerError`: `RecipientUnreachable`, `PermissionMissing` or `MessageNotFound`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    DeleteMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    PinChatMessage,
    SendDocument,
    SendMessage,
    SendPhoto,
)
from aiogram.methods.base import TelegramMethod
from aiogram.types import BufferedInputFile, Message, ReplyParameters

from organizer.messenger import (
    ChatMigrated,
    Document,
    Keyboard,
    MessageNotFound,
    MessengerError,
    OutboundText,
    ParseMode,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
    SentMessage,
)
from organizer.telegram.keyboards import to_inline_markup
from organizer.telegram.ratelimit import RateLimiter, SleepFunc

logger = logging.getLogger(__name__)

T = TypeVar("T")
UnreachableCallback = Callable[[int, str], Awaitable[None]]

# Bot API descriptions (lower-cased substrings) that mean the bot lacks a right in the chat.
_NO_RIGHTS = (
    "not enough rights",
    "have no rights",
    "can't be deleted",
    "need administrator rights",
    "chat_write_forbidden",
    "chat_admin_required",
)
_MESSAGE_GONE = (
    "message to edit not found",
    "message to delete not found",
    "message to pin not found",
    "message_id_invalid",
)
_NOT_MODIFIED = "message is not modified"
_CHAT_NOT_FOUND = "chat not found"


class _MessageNotModified(MessengerError):
    """An edit that changes nothing: Telegram calls it an error, for us it is a success."""


def _telegram_parse_mode(parse_mode: ParseMode) -> str | None:
    # None, not the bot's default: plain text must not be parsed as HTML.
    return None if parse_mode is ParseMode.PLAIN else parse_mode.value


class TelegramMessenger:
    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter,
        *,
        on_unreachable: UnreachableCallback | None = None,
        max_retries: int = 5,
        sleep_func: SleepFunc = asyncio.sleep,
        backoff_seconds: float = 0.5,
        max_backoff_seconds: float = 8.0,
    ) -> None:
        self._bot = bot
        self._limiter = limiter
        self._on_unreachable = on_unreachable
        self._max_retries = max_retries
        self._sleep = sleep_func
        self._backoff_seconds = backoff_seconds
        self._max_backoff_seconds = max_backoff_seconds

    async def send_text(self, message: OutboundText) -> SentMessage:
        fields: dict[str, Any] = {
            "chat_id": message.chat_id,
            "text": message.text,
            "parse_mode": _telegram_parse_mode(message.parse_mode),
            "reply_markup": to_inline_markup(message.keyboard),
            "protect_content": message.protect_content,
            "disable_notification": message.disable_notification,
        }
        if message.reply_to_message_id is not None:
            fields["reply_parameters"] = ReplyParameters(
                message_id=message.reply_to_message_id, allow_sending_without_reply=True
            )
        fields.update(message.extra)  # further Bot API fields, e.g. message_thread_id
        sent = await self._request(SendMessage(**fields), message.chat_id, message.priority)
        return SentMessage(chat_id=sent.chat.id, message_id=sent.message_id)

    async def edit_text(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        keyboard: Keyboard | None = None,
        parse_mode: ParseMode = ParseMode.HTML,
    ) -> None:
        method = EditMessageText(
            chat_id=chat_id,
            message_id=message_id,
            text=text,
            parse_mode=_telegram_parse_mode(parse_mode),
            reply_markup=to_inline_markup(keyboard),
        )
        await self._edit(method, chat_id)

    async def edit_keyboard(self, chat_id: int, message_id: int, keyboard: Keyboard | None) -> None:
        method = EditMessageReplyMarkup(
            chat_id=chat_id, message_id=message_id, reply_markup=to_inline_markup(keyboard)
        )
        await self._edit(method, chat_id)

    async def delete(self, chat_id: int, message_id: int) -> bool:
        try:
            return await self._request(
                DeleteMessage(chat_id=chat_id, message_id=message_id), chat_id, priority=None
            )
        except MessageNotFound:
            return False

    async def send_document(
        self,
        chat_id: int,
        document: Document,
        *,
        priority: Priority = Priority.INTERACTIVE,
        protect_content: bool = False,
    ) -> SentMessage:
        method = SendDocument(
            chat_id=chat_id,
            document=BufferedInputFile(document.data, filename=document.filename),
            caption=document.caption,
            # Captions are HTML like message texts (the interface's default parse mode).
            parse_mode=ParseMode.HTML.value if document.caption else None,
            protect_content=protect_content,
        )
        sent: Message = await self._request(method, chat_id, priority)
        return SentMessage(chat_id=sent.chat.id, message_id=sent.message_id)

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
        fields: dict[str, Any] = {
            "chat_id": chat_id,
            "caption": caption or None,
            "parse_mode": ParseMode.HTML.value if caption else None,
            "reply_markup": to_inline_markup(keyboard),
            "protect_content": protect_content,
        }
        method: SendPhoto | SendDocument
        if kind == "photo":
            method = SendPhoto(photo=file_id, **fields)
        elif kind == "document":
            method = SendDocument(document=file_id, **fields)
        else:
            raise ValueError(f"unknown media kind {kind!r}")
        sent: Message = await self._request(method, chat_id, priority)
        return SentMessage(chat_id=sent.chat.id, message_id=sent.message_id)

    async def pin(self, chat_id: int, message_id: int, *, notify: bool = False) -> None:
        method = PinChatMessage(
            chat_id=chat_id, message_id=message_id, disable_notification=not notify
        )
        # Pinning posts a service message, so it takes a slot like a send.
        await self._request(method, chat_id, Priority.BULK)

    async def _edit(self, method: TelegramMethod[Any], chat_id: int) -> None:
        # Edits serve live views (RSVP counts): they are answers to someone's press.
        with contextlib.suppress(_MessageNotModified):
            await self._request(method, chat_id, Priority.INTERACTIVE)

    async def _request(
        self, method: TelegramMethod[T], chat_id: int, priority: Priority | None
    ) -> T:
        """Call with limits and retries; a Bot API failure leaves as a MessengerError."""
        try:
            return await self._call_with_retries(method, chat_id, priority)
        except TelegramAPIError as error:
            raise await self._translate(error, chat_id) from error

    async def _call_with_retries(
        self, method: TelegramMethod[T], chat_id: int, priority: Priority | None
    ) -> T:
        attempt = 0
        while True:
            if priority is not None:
                await self._limiter.acquire(chat_id, priority=priority)
            try:
                return await self._bot(method)
            except TelegramRetryAfter as error:
                self._give_up_if_exhausted(attempt, error, chat_id)
                self._limiter.penalize(chat_id, error.retry_after)
                await self._sleep(error.retry_after)
            except TelegramEntityTooLarge:
                raise  # a network error by class, but retrying cannot make the file smaller
            except (TelegramNetworkError, TelegramServerError) as error:
                self._give_up_if_exhausted(attempt, error, chat_id)
                await self._sleep(self._backoff(attempt))
            attempt += 1

    def _give_up_if_exhausted(self, attempt: int, error: TelegramAPIError, chat_id: int) -> None:
        if attempt >= self._max_retries:
            raise MessengerError(
                f"{type(error).__name__} in chat {chat_id}, gave up after"
                f" {self._max_retries} retries: {error.message}"
            ) from error

    def _backoff(self, attempt: int) -> float:
        return float(min(self._max_backoff_seconds, self._backoff_seconds * 2**attempt))

    async def _translate(self, error: TelegramAPIError, chat_id: int) -> MessengerError:
        description = error.message
        text = description.lower()
        is_client_error = isinstance(error, TelegramBadRequest | TelegramForbiddenError)
        if is_client_error and any(marker in text for marker in _NO_RIGHTS):
            return PermissionMissing(chat_id, description)
        if isinstance(error, TelegramForbiddenError) or _CHAT_NOT_FOUND in text:
            await self._report_unreachable(chat_id, description)
            return RecipientUnreachable(chat_id, description)
        if isinstance(error, TelegramBadRequest):
            if _NOT_MODIFIED in text:
                return _MessageNotModified(description)
            if any(marker in text for marker in _MESSAGE_GONE):
                return MessageNotFound(chat_id, description)
        if isinstance(error, TelegramMigrateToChat):
            return ChatMigrated(chat_id, error.migrate_to_chat_id)
        return MessengerError(f"{type(error).__name__} in chat {chat_id}: {description}")

    async def _report_unreachable(self, chat_id: int, description: str) -> None:
        # Only a private chat is a user; a group that is gone is the caller's to handle.
        if self._on_unreachable is None or chat_id <= 0:
            return
        try:
            await self._on_unreachable(chat_id, description)
        except Exception:
            # The send has failed either way; the caller must still learn why.
            logger.exception("on_unreachable failed for user %s", chat_id)
