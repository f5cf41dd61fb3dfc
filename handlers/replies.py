"""Small helpers so handlers answer through the messenger (rate-limited, like every send)."""

from __future__ import annotations

from aiogram.types import Message

from handlers.deps import HandlerDeps
from organizer.messenger import Keyboard, OutboundText, SentMessage


async def reply(
    deps: HandlerDeps, message: Message, text: str, *, keyboard: Keyboard | None = None
) -> SentMessage:
    return await deps.messenger.send_text(
        OutboundText(
            chat_id=message.chat.id,
            text=text,
            keyboard=keyboard,
            reply_to_message_id=message.message_id if message.chat.type != "private" else None,
        )
    )


async def send(
    deps: HandlerDeps, chat_id: int, text: str, *, keyboard: Keyboard | None = None
) -> SentMessage:
    return await deps.messenger.send_text(
        OutboundText(chat_id=chat_id, text=text, keyboard=keyboard)
    )
