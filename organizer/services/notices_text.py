"""Pure helpers for notices: splitting a long text within Telegram's limits, and repeat times.

Notice texts are HTML (the parse mode of everything the bot sends). Telegram counts a message's
length after parsing, in UTF-16 code units, so the length of a piece is measured without its
tags and with its entities (&amp;) decoded; tags are never cut, and a tag open across a cut is
closed at the end of one part and opened again at the start of the next.
"""

from __future__ import annotations

import calendar
import html
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
REPEATS = ("daily", "weekly", "monthly")

_TAG = re.compile(r"<[^<>]*>")
# A word: a run of non-space characters, a tag counting as part of the word it touches.
_WORD = re.compile(r"(?:<[^<>]*>|[^\s<]|<(?![^<>]*>))+")
# The atoms a word is cut into when it alone is over the limit: tags, entities, characters.
_ATOM = re.compile(r"<[^<>]*>|&#?\w+;|.", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Where a text without spaces (Chinese) can be cut: after a sentence's punctuation.
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;…])")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")


def visible_length(text: str) -> int:
    """What Telegram counts: the text without tags, entities decoded, in UTF-16 code units."""
    plain = html.unescape(_TAG.sub("", text))
    return len(plain.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Parts of at most `limit` visible characters: cut between paragraphs, else between lines,
    else between words (or after a sentence in text without spaces); a word is cut only when it
    alone is longer than the limit. Empty text gives no parts."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    for piece in _pack(text, limit, level=0):
        # A piece of tags only (a closing tag after the last word) belongs to the one before.
        if pieces and not html.unescape(_TAG.sub("", piece)).strip():
            pieces[-1] += piece
        elif piece.strip():
            pieces.append(piece.strip())
    return _balance_tags(pieces)


def _pack(text: str, limit: int, level: int) -> list[str]:
    if visible_length(text) <= limit:
        return [text]
    if level == 0:
        units, joiner = _PARAGRAPH_BREAK.split(text), "\n\n"
    elif level == 1:
        units, joiner = text.split("\n"), "\n"
    elif level == 2:
        units, joiner = _WORD.findall(text), " "
    elif level == 3:
        units, joiner = [u for u in _SENTENCE_END.split(text) if u], ""
    else:
        return _cut_word(text, limit)
    if len(units) <= 1:
        return _pack(text, limit, level + 1)
    parts: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current}{joiner}{unit}" if current else unit
        if visible_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        if visible_length(unit) <= limit:
            current = unit
        else:
            *whole, current = _pack(unit, limit, level + 1)
            parts.extend(whole)
    if current:
        parts.append(current)
    return parts


def _cut_word(word: str, limit: int) -> list[str]:
    """Cut a word longer than the limit, never inside a tag or an entity, and preferably not
    between two Latin letters or digits (in mixed text that is where a word would break)."""
    atoms = _ATOM.findall(word)
    parts: list[str] = []
    start = 0
    while start < len(atoms):
        end, used = start, 0
        while end < len(atoms):
            width = visible_length(atoms[end])
            if used + width > limit and end > start:
                break
            used += width
            end += 1
        if end < len(atoms):
            end = _nicer_cut(atoms, start, end)
        parts.append("".join(atoms[start:end]))
        start = end
    return parts


def _nicer_cut(atoms: list[str], start: int, end: int, lookback: int = 40) -> int:
    for cut in range(end, max(start + 1, end - lookback), -1):
        before, after = atoms[cut - 1], atoms[cut]
        if not (_ALNUM.fullmatch(before) and _ALNUM.fullmatch(after)):
            return cut
    return end


def _balance_tags(parts: list[str]) -> list[str]:
    """Close the tags still open at the end of a part and open them again in the next one."""
    if len(parts) < 2:
        return parts
    balanced = []
    open_tags: list[tuple[str, str]] = []  # (name, the opening tag as written)
    for part in parts:
        prefix = "".join(tag for _, tag in open_tags)
        for tag in _TAG.findall(part):
            match = _TAG_NAME.match(tag)
            if match is None:
                continue
            closing, name = match.group(1) == "/", match.group(2).lower()
            if not closing:
                open_tags.append((name, tag))
                continue
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index][0] == name:
                    del open_tags[index]
                    break
        suffix = "".join(f"</{name}>" for name, _ in reversed(open_tags))
        balanced.append(f"{prefix}{part}{suffix}")
    return balanced


def occurrence_at(first: datetime, repeat: str, occurrence: int, timezone: str) -> datetime:
    """When occurrence n of a notice first due at `first` falls due, in UTC: the same local wall
    clock time in `timezone` (across DST); monthly on the same day, clamped to the month's end."""
    if repeat not in REPEATS:
        raise ValueError(f"unknown repeat rule {repeat!r}")
    tz = ZoneInfo(timezone)
    local = first.astimezone(tz)
    day = local.date()
    if repeat == "daily":
        day += timedelta(days=occurrence)
    elif repeat == "weekly":
        day += timedelta(weeks=occurrence)
    else:
        day = _add_months(day, occurrence)
    wall = datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=tz)
    return wall.astimezone(UTC)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
