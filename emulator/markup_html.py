"""Telegram's HTML parse mode: the tags it knows, its entities, its error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .entities import FormattedText, byte_offset, parse_error, sorted_entities, utf16_len

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][\w-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ATTR = re.compile(r"([a-zA-Z][\w-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_HTML_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}


def _decode_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _NAMED:
        return _NAMED[name]
    number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(number) if 0 < number < 0x110000 else "\ufffd"


def _unescape(value: str) -> str:
    return _HTML_ENTITY.sub(_decode_entity, value)


@dataclass
class _OpenTag:
    name: str
    entity: dict[str, Any] | None  # None: the tag makes no entity (e.g. <a> without href)
    start: int  # utf-16 offset in the output


def _entity_for_tag(name: str, attrs: dict[str, str], byte_offset: int) -> dict[str, Any] | None:
    if name in _SIMPLE_TAGS:
        entity: dict[str, Any] = {"type": _SIMPLE_TAGS[name]}
        if name == "code" and attrs.get("class", "").startswith("language-"):
            entity["language"] = attrs["class"][len("language-") :]
        return entity
    if name == "span":
        if attrs.get("class") != "tg-spoiler":
            raise parse_error('Tag "span" must have class "tg-spoiler"')
        return {"type": "spoiler"}
    if name == "a":
        href = attrs.get("href")
        if not href:
            return None
        user = re.fullmatch(r"tg://user\?id=(\d+)", href)
        if user:
            return {"type": "text_mention", "user": {"id": int(user.group(1))}}
        return {"type": "text_link", "url": href}
    if name == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in attrs else "blockquote"}
    if name == "tg-emoji":
        return {"type": "custom_emoji", "custom_emoji_id": attrs.get("emoji-id", "")}
    raise parse_error(f'Unsupported start tag "{name}" at byte offset {byte_offset}')


def parse_html(source: str) -> FormattedText:
    pieces: list[str] = []
    position = 0  # utf-16 length of the output so far
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "&":
            match = _HTML_ENTITY.match(source, index)
            piece = _decode_entity(match) if match else "&"
            index = match.end() if match else index + 1
        elif char == "<":
            offset = byte_offset(source, index)
            match = _TAG.match(source, index)
            if match is None:
                guess = re.match(r"</?([^\s>]*)", source[index:])
                name = guess.group(1) if guess else ""
                raise parse_error(f'Unsupported start tag "{name}" at byte offset {offset}')
            closing, name = match.group(1) == "/", match.group(2).lower()
            index = match.end()
            if closing:
                _close_tag(stack, name, offset, position, entities)
            else:
                attrs = {
                    key.lower(): _unescape((value or "").strip("\"'"))
                    for key, value in _ATTR.findall(match.group(3))
                }
                entity = _entity_for_tag(name, attrs, offset)
                stack.append(_OpenTag(name, entity, position))
            continue
        else:
            piece = char
            index += 1
        pieces.append(piece)
        position += utf16_len(piece)
    if stack:
        raise parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    return FormattedText("".join(pieces), sorted_entities(entities))


def _close_tag(
    stack: list[_OpenTag], name: str, offset: int, position: int, entities: list[dict[str, Any]]
) -> None:
    if not stack:
        raise parse_error(f"Unexpected end tag at byte offset {offset}")
    top = stack[-1]
    if top.name != name:
        raise parse_error(
            f'Unmatched end tag at byte offset {offset}, expected "</{top.name}>", '
            f'found "</{name}>"'
        )
    stack.pop()
    if top.entity is None or position == top.start:
        return
    # <pre><code class="language-x"> is one pre entity carrying the language.
    if top.name == "code" and stack and stack[-1].name == "pre":
        if "language" in top.entity and stack[-1].entity is not None:
            stack[-1].entity["language"] = top.entity["language"]
        return
    entities.append({**top.entity, "offset": top.start, "length": position - top.start})
