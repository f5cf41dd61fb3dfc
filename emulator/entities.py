"""Text with entities: the shared pieces of Telegram formatting.

Offsets and lengths are in UTF-16 code units, like every Telegram entity; limits (4096 for text,
1024 for captions) are counted on the visible text in the same units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError, bad_request


@dataclass
class FormattedText:
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


def sorted_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entities, key=lambda entity: (entity["offset"], -entity["length"]))


_AUTO_PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?!\w)")),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}(?!\w)")),
    ("url", re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d_]\w*")),
)


def auto_entities(text: str, explicit: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities Telegram detects by itself: commands, @mentions, URLs, hashtags."""
    found: list[dict[str, Any]] = []
    taken = [
        (e["offset"], e["offset"] + e["length"])
        for e in explicit
        if e["type"] in {"code", "pre", "text_link", "url"}
    ]
    for kind, pattern in _AUTO_PATTERNS:
        for match in pattern.finditer(text):
            start = utf16_len(text[: match.start()])
            end = start + utf16_len(match.group())
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            found.append({"type": kind, "offset": start, "length": end - start})
            taken.append((start, end))
    return sorted_entities(explicit + found)


def strip_whitespace(formatted: FormattedText) -> FormattedText:
    """Telegram trims leading/trailing whitespace and clips entities to what remains."""
    text = formatted.text
    stripped = text.strip()
    if stripped == text:
        return formatted
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    size = utf16_len(stripped)
    entities = []
    for entity in formatted.entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, size)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return FormattedText(stripped, entities)
