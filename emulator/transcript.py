"""Readable chat transcripts (for failing waits) and the matching rule of wait_for_message."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .state import EmuChat, EmuMessage, EmuUser

if TYPE_CHECKING:
    from .core import EmulatorCore


def message_matches(
    core: EmulatorCore,
    message: EmuMessage,
    text_contains: str | None,
    predicate: Callable[[EmuMessage], bool] | None,
    sender: EmuUser | None,
    after: int | None,
    include_service: bool,
) -> bool:
    if message.deleted or (message.service is not None and not include_service):
        return False
    if after is not None and message.message_id <= after:
        return False
    if sender is None:
        if not core.users[message.from_id].is_bot:
            return False
    elif message.from_id != sender.id:
        return False
    if text_contains is not None and text_contains not in message.content:
        return False
    return predicate is None or predicate(message)


def describe_message(core: EmulatorCore, message: EmuMessage) -> str:
    sender = core.users[message.from_id]
    who = f"{sender.first_name}{' [bot]' if sender.is_bot else ''}"
    if message.service is not None:
        body = f"<service {', '.join(message.service)}>"
    elif message.document is not None:
        body = f"<document {message.document.filename}> {message.caption or ''}"
    elif message.photo is not None:
        body = f"<photo> {message.caption or ''}"
    elif message.poll is not None:
        body = f"<poll {message.poll.question!r}: {' / '.join(message.poll.options)}>"
    else:
        body = message.text or ""
    flags = []
    if message.buttons:
        flags.append("buttons: " + " | ".join(message.buttons))
    if message.reply_to_message_id:
        flags.append(f"reply to #{message.reply_to_message_id}")
    if message.edited:
        flags.append(f"edited {message.edited}x")
    if message.pinned:
        flags.append("pinned")
    if message.deleted:
        flags.append("DELETED")
    suffix = f"  [{'; '.join(flags)}]" if flags else ""
    return f"  #{message.message_id} {who}: {body}{suffix}"


def transcript(core: EmulatorCore, chat: EmuChat) -> str:
    name = chat.title or (chat.private_user.first_name if chat.private_user else "?")
    if chat.is_private and chat.private_bot is not None:
        name = f"private {name} <-> {chat.private_bot.first_name}"
    lines = [f"chat {name} ({chat.id}), {len(chat.messages)} messages:"]
    lines.extend(describe_message(core, message) for message in chat.messages)
    return "\n".join(lines)
