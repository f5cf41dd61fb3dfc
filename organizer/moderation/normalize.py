"""Text folding that defeats simple evasions before lexicon matching.

Three forms of a message, computed once per message by `prepare`:

- `folded`: NFKC (full-width → half-width, ligatures), lower case, traditional → simplified
  Chinese, zero-width and soft-hyphen characters removed (they are only ever inserted to split a
  word). Private-data and advertising checks read this form.
- `compact` (`normalize()`): `folded` with every character that is not a letter or digit removed,
  so "赌 博", "赌*博" and "f.u.c.k" become "赌博" and "fuck". Chinese terms are matched as
  substrings of this form; it is also the flood fingerprint.
- `spaced` (`words()`): `folded` with each run of non-letters/digits turned into one space, and
  runs of single letters ("f u c k", "f.u.c.k") joined back into one word. English terms are
  matched on word boundaries in this form, so "class" never matches "ass" and "Scunthorpe" never
  matches "cunt".

Deliberately not handled: leetspeak (f4ck, sh!t) and homoglyphs (Cyrillic "а"); both would need
guessing that costs false positives in ordinary text with numbers.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from organizer.moderation._trad_simp import TRADITIONAL_TO_SIMPLIFIED

# Zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_FOLD_TABLE: dict[int, str | None] = {
    **TRADITIONAL_TO_SIMPLIFIED,
    **dict.fromkeys(map(ord, _INVISIBLE)),
}
# Safe as they are: ASCII, CJK ideographs, CJK punctuation, full-width punctuation other than
# the ． ／ ＠ that could hide a link or a mention.
_MAY_CHANGE_UNDER_NFKC = re.compile(
    "[^\x00-\x7f\u4e00-\u9fff\u3001-\u3035\u303b-\u303f"
    "\uff01-\uff0d\uff1a-\uff1f\uff3b-\uff40\uff5b-\uff65]"
)
_TRADITIONAL_OR_INVISIBLE = re.compile(
    "[" + re.escape("".join(map(chr, TRADITIONAL_TO_SIMPLIFIED)) + _INVISIBLE) + "]"
)
_SEPARATORS = re.compile(r"[\W_]+")
# Two or more single letters in a row ("f u c k"): a word split letter by letter.
_SPELLED_OUT = re.compile(r"(?<![a-z0-9])[a-z](?: [a-z](?![a-z0-9]))+")


class Prepared(NamedTuple):
    folded: str
    compact: str
    spaced: str


def fold(text: str) -> str:
    """NFKC, lower case, traditional → simplified, invisible characters removed."""
    if text.isascii():  # NFKC and the table cannot change ASCII: skip them on the common path
        return text.lower()
    # Most chat text is simplified Chinese with full-width punctuation: NFKC would only turn that
    # punctuation (a separator either way) into ASCII, at ~2 µs a message, so it runs only when
    # some other character (full-width letters, circled or styled letters) is present.
    if _MAY_CHANGE_UNDER_NFKC.search(text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if _TRADITIONAL_OR_INVISIBLE.search(text):  # a scan is cheaper than a dict-driven translate
        text = text.translate(_FOLD_TABLE)
    return text


def _join_spelled_out(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def prepare(text: str) -> Prepared:
    folded = fold(text)
    spaced = _SEPARATORS.sub(" ", folded)
    compact = spaced.replace(" ", "")
    if " " in spaced:
        spaced = _SPELLED_OUT.sub(_join_spelled_out, spaced)
    return Prepared(folded, compact, spaced.strip())


def normalize(text: str) -> str:
    """The compact form: folded, with separators removed ("賭 博" → "赌博")."""
    return prepare(text).compact


def words(text: str) -> str:
    """The spaced form: folded words separated by single spaces, spelled-out words joined."""
    return prepare(text).spaced
