"""Turning (text, parse_mode) into visible text + entities, as Telegram does.

Limits apply to the visible text, so markup is parsed before counting; malformed markup is a
400 "can't parse entities".
"""

from __future__ import annotations

from typing import Any

from .entities import (
    FormattedText,
    auto_entities,
    sorted_entities,
    strip_whitespace,
    utf16_len,
)
from .errors import bad_request
from .markup_html import parse_html
from .markup_markdown import parse_markdown_legacy, parse_markdown_v2

__all__ = ["FormattedText", "auto_entities", "format_text", "utf16_len"]


def format_text(
    source: str, parse_mode: str | None, entities: list[dict[str, Any]] | None
) -> FormattedText:
    """Visible text and entities for a message, before length checks."""
    if entities is not None:  # explicit entities replace parse_mode, as in the Bot API
        formatted = FormattedText(source, _validated_entities(source, entities))
    elif not parse_mode:
        formatted = FormattedText(source)
    elif parse_mode.lower() == "html":
        formatted = parse_html(source)
    elif parse_mode.lower() == "markdownv2":
        formatted = parse_markdown_v2(source)
    elif parse_mode.lower() == "markdown":
        formatted = parse_markdown_legacy(source)
    else:
        raise bad_request(f'unsupported parse_mode "{parse_mode}"')
    return strip_whitespace(formatted)


def _validated_entities(source: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    size = utf16_len(source)
    result = []
    for entity in entities:
        if not isinstance(entity, dict) or not {"type", "offset", "length"} <= entity.keys():
            raise bad_request('can\'t parse entities: field "type" must be of type String')
        if entity["offset"] < 0 or entity["length"] <= 0 or entity["offset"] > size:
            continue  # Telegram silently drops entities outside the text
        result.append(dict(entity))
    return sorted_entities(result)
