"""Banned-content lexicons (charter 四(三)1 illegal content, 四(三)5 abuse) and their matcher.

Terms live in `lexicons/<category>.txt` (UTF-8, one per line, `#` comments). Every term is folded
like the messages (`normalize.prepare`), so files and per-group additions may use traditional
characters, full-width letters or capitals. A term is Chinese if it has any non-ASCII character,
English otherwise:

- Chinese terms match anywhere in the compact form ("赌 博" → "赌博").
- English terms match whole words in the spaced form, optionally with a plain ending
  (-s, -es, -ed, -ing, -er, -ers): "bitch" matches "bitches", never "Scunthorpe"-style insides.
  A trailing `*` ("fuck*") matches any word that starts with the term ("fuckyou").
- `!phrase` is an innocent phrase: where it overlaps a term from the left or at the same
  position (反洗钱 over 洗钱, 神经病学 over 神经病), the term does not count.

Matching is one compiled regex per language built from a trie of all terms, so each message is
scanned once whatever the number of terms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Mapping
from importlib import resources
from typing import Any

from organizer.moderation.hits import ABUSE, CHARTER_PROHIBITED, ILLEGAL, Hit, clip
from organizer.moderation.normalize import Prepared, prepare

ILLEGAL_CATEGORIES = ("porn", "violence", "gambling", "fraud", "subversion")
CATEGORIES = (*ILLEGAL_CATEGORIES, "abuse")
EN_ENDINGS = ("ers", "er", "es", "ed", "ing", "s")
_EN_BOUNDED_END = "(?:" + "|".join(EN_ENDINGS) + ")?(?![a-z0-9])"
_END = ""  # trie key marking the end of a term (no real character is empty)
EXCEPTION = "!"
PREFIX = "*"
Trie = dict[str, Any]


def _canonical(entry: str) -> str | None:
    """The folded form of one file line or added term, with its markers; None if empty."""
    entry = entry.strip()
    exception = entry.startswith(EXCEPTION)
    body = entry.removeprefix(EXCEPTION).strip()
    prefix = body.endswith(PREFIX)
    prepared = prepare(body.removesuffix(PREFIX))
    folded = prepared.spaced if prepared.folded.isascii() else prepared.compact
    if not folded:
        return None
    is_en = folded.isascii()
    return (EXCEPTION if exception else "") + folded + (PREFIX if prefix and is_en else "")


def _body(canonical: str) -> str:
    return canonical.removeprefix(EXCEPTION).removesuffix(PREFIX)


def _canonical_set(entries: Iterable[str]) -> set[str]:
    return {entry for entry in map(_canonical, entries) if entry}


def _is_removed(entry: str, removals: Collection[str]) -> bool:
    if entry.startswith(EXCEPTION):
        return entry in removals
    return entry.removesuffix(PREFIX) in removals or entry in removals


def _insert(trie: Trie, word: str, end: str) -> None:
    node = trie
    for char in word:
        node = node.setdefault(char, {})
    # A prefix term ("" end) is more general than the same word with a bounded end: keep it.
    node[_END] = end if node.get(_END) != "" else ""


def _pattern(node: Trie) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if _END in node:
        branches.append(node[_END])  # last, so that a longer term wins at the same position
    if len(branches) == 1:
        return str(branches[0])
    return "(?:" + "|".join(branches) + ")"


class _Matcher:
    """One language: the compiled trie regex and what each matched term means."""

    def __init__(self, entries: Mapping[str, str | None], english: bool) -> None:
        # entries: folded term → category, or None for an innocent phrase
        self.meaning = entries
        self.english = english
        trie: Trie = {}
        for canonical in entries:
            end = "" if not english or canonical.endswith(PREFIX) else _EN_BOUNDED_END
            _insert(trie, _body(canonical), end)
        source = _pattern(trie) if trie else "(?!)"
        self.regex = re.compile("(?<![a-z0-9])" + source if english else source)

    def _lookup(self, matched: str) -> str | None:
        for key in (matched, matched + PREFIX):
            if key in self.meaning:
                return self.meaning[key]
        for ending in EN_ENDINGS:
            if self.english and matched.endswith(ending):
                stem = matched[: -len(ending)]
                if stem in self.meaning:
                    return self.meaning[stem]
        return None

    def first(self, text: str, categories: Collection[str] | None) -> tuple[str, str] | None:
        for match in self.regex.finditer(text):
            category = self._lookup(match.group())
            if category is not None and (categories is None or category in categories):
                return category, _body(match.group())
        return None


class Lexicon:
    def __init__(self, terms: Mapping[str, Iterable[str]]) -> None:
        unknown = set(terms) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown lexicon categories: {sorted(unknown)}")
        self.terms: dict[str, frozenset[str]] = {}
        for category, entries in terms.items():
            folded = (_canonical(entry) for entry in entries)
            self.terms[category] = frozenset(entry for entry in folded if entry)
        zh: dict[str, str | None] = {}
        en: dict[str, str | None] = {}
        for category in CATEGORIES:  # file order decides a term listed in two categories
            for entry in sorted(self.terms.get(category, ())):
                table = en if _body(entry).isascii() else zh
                meaning = None if entry.startswith(EXCEPTION) else category
                table.setdefault(entry.removeprefix(EXCEPTION), meaning)
        self._zh = _Matcher(zh, english=False)
        self._en = _Matcher(en, english=True)

    @staticmethod
    def default() -> Lexicon:
        """The shipped lexicons, parsed and compiled once per process."""
        return _default()

    def with_extra(
        self,
        add: Mapping[str, Iterable[str]] | None = None,
        remove: Mapping[str, Iterable[str]] | Iterable[str] = (),
    ) -> Lexicon:
        """A group's lexicon: `add` maps category → terms (`!phrase` adds an innocent phrase);
        `remove` drops terms by folded text, per category (a mapping, as the block-word table
        stores them) or from every category (a plain list). "porn" drops "porn" and "porn*"."""
        add = add or {}
        unknown = set(add) - set(CATEGORIES)
        if isinstance(remove, Mapping):
            unknown |= set(remove) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown lexicon categories: {sorted(unknown)}")
        everywhere = set() if isinstance(remove, Mapping) else _canonical_set(remove)
        merged: dict[str, set[str]] = {}
        for category in CATEGORIES:
            entries = set(self.terms.get(category, ())) | _canonical_set(add.get(category, ()))
            removals = everywhere
            if isinstance(remove, Mapping):
                removals = _canonical_set(remove.get(category, ()))
            merged[category] = {e for e in entries if not _is_removed(e, removals)}
        return Lexicon(merged)

    def find(self, text: str, categories: Collection[str] | None = None) -> Hit | None:
        """The first banned term in `text`, limited to `categories` when given."""
        return self.find_prepared(prepare(text), categories)

    def find_prepared(
        self, prepared: Prepared, categories: Collection[str] | None = None
    ) -> Hit | None:
        found = None
        if not prepared.folded.isascii():  # every Chinese term has a non-ASCII character
            found = self._zh.first(prepared.compact, categories)
        if found is None:
            found = self._en.first(prepared.spaced, categories)
        if found is None:
            return None
        category, term = found
        return Hit(
            rule=f"banned.{category}",
            category=ABUSE if category == "abuse" else ILLEGAL,
            evidence=clip(term),
            charter_ref=CHARTER_PROHIBITED,
        )


def load_category(category: str) -> list[str]:
    """The lines of one shipped lexicon file, comments and blank lines dropped."""
    path = resources.files("organizer.moderation") / "lexicons" / f"{category}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def _default() -> Lexicon:
    return Lexicon({category: load_category(category) for category in CATEGORIES})


Frozen = tuple[tuple[str, tuple[str, ...]], ...]


def freeze(terms: Mapping[str, Iterable[str]]) -> Frozen:
    """category → terms as a hashable, ordered value (for caching and frozen policies)."""
    return tuple(
        (category, tuple(sorted(set(entries))))
        for category, entries in sorted(terms.items())
        if category in CATEGORIES
    )


@functools.lru_cache(maxsize=256)
def lexicon_for(add: Frozen = (), remove: Frozen = ()) -> Lexicon:
    """The default lexicon with a group's additions and removals (see `freeze`), compiled once
    per distinct variant: most groups share the default object."""
    if not add and not remove:
        return _default()
    return _default().with_extra(dict(add), dict(remove))
