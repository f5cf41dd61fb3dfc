"""Telegram's MarkdownV2 and legacy Markdown parse modes."""

from __future__ import annotations

import re
from typing import Any

from .entities import FormattedText, byte_offset, parse_error, sorted_entities, utf16_len

_V2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_V2_MARKERS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler"}
_ENTITY_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
}


def parse_markdown_v2(source: str) -> FormattedText:
    pieces: list[str] = []
    position = 0
    stack: list[tuple[str, int, int]] = []  # (marker, utf-16 start, byte offset)
    entities: list[dict[str, Any]] = []

    def emit(piece: str) -> None:
        nonlocal position
        pieces.append(piece)
        position += utf16_len(piece)

    index = 0
    while index < len(source):
        char = source[index]
        offset = byte_offset(source, index)
        two = source[index : index + 2]
        if char == "\\" and index + 1 < len(source) and ord(source[index + 1]) <= 126:
            emit(source[index + 1])
            index += 2
        elif char == "`":
            fence = "```" if source.startswith("```", index) else "`"
            end = _find_unescaped(source, fence, index + len(fence))
            if end < 0:
                kind = "Pre" if fence == "```" else "Code"
                raise parse_error(f"Can't find end of {kind} entity at byte offset {offset}")
            body = re.sub(r"\\([\\`])", r"\1", source[index + len(fence) : end])
            entity: dict[str, Any] = {"type": "pre" if fence == "```" else "code"}
            if fence == "```" and "\n" in body and re.fullmatch(r"\w+", body.split("\n")[0]):
                entity["language"], body = body.split("\n", 1)
            start = position
            emit(body)
            if body:
                entities.append({**entity, "offset": start, "length": position - start})
            index = end + len(fence)
        elif two in ("__", "||") or char in ("*", "_", "~"):
            marker = two if two in ("__", "||") else char
            if stack and stack[-1][0] == marker:
                _, start, _ = stack.pop()
                if position > start:
                    entities.append(
                        {"type": _V2_MARKERS[marker], "offset": start, "length": position - start}
                    )
            elif any(open_marker == marker for open_marker, _, _ in stack):
                raise parse_error(
                    f"Can't find end of {_v2_name(stack[-1][0])} entity at "
                    f"byte offset {stack[-1][2]}"
                )
            else:
                stack.append((marker, position, offset))
            index += len(marker)
        elif char == "[":
            stack.append(("[", position, offset))
            index += 1
        elif char == "]" and stack and stack[-1][0] == "[" and source.startswith("(", index + 1):
            close = _find_unescaped(source, ")", index + 2)
            if close < 0:
                raise parse_error(f"Can't find end of a URL at byte offset {offset}")
            _, start, _ = stack.pop()
            url = re.sub(r"\\([\\)])", r"\1", source[index + 2 : close])
            if position > start:
                entities.append(
                    {"type": "text_link", "offset": start, "length": position - start, "url": url}
                )
            index = close + 1
        elif char in _V2_RESERVED:
            raise parse_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            emit(char)
            index += 1
    if stack:
        marker, _, offset = stack[-1]
        raise parse_error(f"Can't find end of {_v2_name(marker)} entity at byte offset {offset}")
    return FormattedText("".join(pieces), sorted_entities(entities))


def _v2_name(marker: str) -> str:
    if marker == "[":
        return "TextUrl"
    return _ENTITY_NAMES[_V2_MARKERS[marker]]


def _find_unescaped(source: str, needle: str, start: int) -> int:
    index = start
    while index < len(source):
        if source[index] == "\\":
            index += 2
            continue
        if source.startswith(needle, index):
            return index
        index += 1
    return -1


_LEGACY = re.compile(
    r"\\([_*`\[])|```(.*?)```|`([^`]*)`|\*([^*]*)\*|_([^_]*)_|\[([^\]]*)\]\(([^)]*)\)", re.S
)


def parse_markdown_legacy(source: str) -> FormattedText:
    pieces: list[str] = []
    entities: list[dict[str, Any]] = []
    position = 0
    index = 0
    kinds = {2: "pre", 3: "code", 4: "bold", 5: "italic", 6: "text_link"}
    while index < len(source):
        match = _LEGACY.match(source, index)
        if match is None:
            char = source[index]
            if char in "*_`[":
                raise parse_error(
                    "Can't find end of the entity starting at byte offset "
                    f"{byte_offset(source, index)}"
                )
            pieces.append(char)
            position += utf16_len(char)
            index += 1
            continue
        group = next(number for number in range(1, 8) if match.group(number) is not None)
        body = match.group(group)
        pieces.append(body)
        if group in kinds and body:
            entity: dict[str, Any] = {
                "type": kinds[group],
                "offset": position,
                "length": utf16_len(body),
            }
            if group == 6:
                entity["url"] = match.group(7)
            entities.append(entity)
        position += utf16_len(body)
        index = match.end()
    return FormattedText("".join(pieces), sorted_entities(entities))
