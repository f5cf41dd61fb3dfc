"""What moderation needs from a Telegram message, as plain values (the core never sees aiogram)."""

from __future__ import annotations

from aiogram.types import Message, MessageEntity

from organizer.moderation.media import MediaFacts

_URL_TYPES = ("url", "text_link")
_MENTION_TYPES = ("mention",)


def text_of(message: Message) -> str:
    return message.text or message.caption or ""


def _entities(message: Message) -> list[MessageEntity]:
    return list(message.entities or message.caption_entities or ())


def urls(message: Message, text: str) -> tuple[str, ...]:
    found = []
    for entity in _entities(message):
        if entity.type == "text_link" and entity.url:
            found.append(entity.url)
        elif entity.type == "url":
            found.append(entity.extract_from(text))
    return tuple(found)


def mentions(message: Message, text: str) -> tuple[str, ...]:
    return tuple(
        entity.extract_from(text).lstrip("@")
        for entity in _entities(message)
        if entity.type in _MENTION_TYPES
    )


def forwarded_from_channel(message: Message) -> bool:
    origin = message.forward_origin
    return origin is not None and origin.type == "channel"


def media(message: Message) -> MediaFacts | None:
    if message.document is not None:
        return MediaFacts("document", message.document.file_size or 0, 0)
    if message.video is not None:
        return MediaFacts("video", message.video.file_size or 0, message.video.duration)
    if message.voice is not None:
        return MediaFacts("voice", message.voice.file_size or 0, message.voice.duration)
    if message.video_note is not None:
        return MediaFacts("video", message.video_note.file_size or 0, message.video_note.duration)
    if message.audio is not None:
        return MediaFacts("document", message.audio.file_size or 0, message.audio.duration)
    return None


def sent_as_chat(message: Message) -> bool:
    """An anonymous admin (sent as the group) or the linked channel: exempt."""
    return message.sender_chat is not None


# What members post, as opposed to service messages (joins, pins, title changes...).
_CHAT_CONTENT = frozenset({
    "text", "photo", "document", "video", "voice", "video_note", "audio", "animation",
    "sticker", "contact", "location", "venue", "poll", "dice", "story",
})  # fmt: skip


def is_chat(message: Message) -> bool:
    return message.content_type in _CHAT_CONTENT


def is_plain(message: Message) -> bool:
    """Ordinary chat that no router handles: member content that is not a command."""
    if not is_chat(message):
        return False
    text = message.text if message.text is not None else message.caption
    return text is None or not text.startswith("/")
