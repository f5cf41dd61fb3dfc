"""Choosing which free-text survey answers a summary shows.

Length stands in for informativeness: "讲师准备充分，案例贴近工作" says more than "好". Answers
that say nothing ("无", "n/a", "-") are dropped, so a survey full of them does not crowd out the
one real suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

COMMENT_LIMIT = 5
COMMENT_MAX_LENGTH = 200
ELLIPSIS = "…"

# Compared case-folded, after trailing punctuation is stripped.
NON_ANSWERS = frozenset(
    {
        "无",
        "没有",
        "暂无",
        "没",
        "无建议",
        "没有建议",
        "暂时没有",
        "none",
        "no",
        "n/a",
        "na",
        "nil",
        "nothing",
        "nope",
    }
)
_WHITESPACE = re.compile(r"\s+")


def select_comments(
    texts: Iterable[str | None],
    *,
    limit: int = COMMENT_LIMIT,
    max_length: int = COMMENT_MAX_LENGTH,
) -> tuple[str, ...]:
    """The `limit` most informative distinct texts, longest first, each at most `max_length`.

    Ties keep the order given (the summary passes answers oldest first).
    """
    candidates = [clean for text in texts if (clean := _normalise(text))]
    candidates.sort(key=len, reverse=True)  # stable: ties keep their order
    chosen: list[str] = []
    seen: set[str] = set()
    for text in candidates:
        trimmed = _trim(text, max_length)
        keys = {_identity(text), _identity(trimmed)}
        if keys & seen:
            continue
        seen |= keys
        chosen.append(trimmed)
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _normalise(text: str | None) -> str:
    """One line of text with single spaces, or "" when there is nothing worth showing."""
    if text is None:
        return ""
    clean = _WHITESPACE.sub(" ", text).strip()
    if not clean or _only_punctuation(clean) or _identity(clean) in NON_ANSWERS:
        return ""
    return clean


def _identity(text: str) -> str:
    """What makes two comments "the same": case, spacing and trailing punctuation do not."""
    folded = _WHITESPACE.sub(" ", text.casefold()).strip()
    return folded.rstrip(ELLIPSIS + ".!?。！？~～ ")


def _only_punctuation(text: str) -> bool:
    return all(unicodedata.category(char)[0] in "PSZ" for char in text)


def _trim(text: str, max_length: int) -> str:
    if len(text) <= max_length:
        return text
    return text[: max_length - len(ELLIPSIS)].rstrip() + ELLIPSIS
