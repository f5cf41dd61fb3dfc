"""Private-data guard (charter 六(二)1: 学员隐私等敏感信息不得在群内随意发布).

Four kinds, each validated so that ordinary numbers are left alone:

- `mobile`: a Chinese mobile number, 1[3-9] + 9 digits, optionally +86 / 0086 / 86 in front and
  spaces or dashes in 3-4-4 grouping. Not when it is part of a longer run of digits or letters
  (order numbers, timestamps), not when the second digit is not 3-9.
- `id_number`: an 18-character resident ID: area code, a real date of birth (1900 onwards, not in
  the future), sequence, and the ISO 7064 MOD 11-2 check character (0-9 or X).
- `bank_card`: 16-19 digits, optionally in groups of 4 separated by spaces or dashes, passing the
  Luhn check and starting like a payment card (2221-2720, 3, 4, 5, 6 or the old domestic 9):
  millisecond timestamps and snowflake ids (starting with 1) do not count.
- `email`: an address with a dotted domain.

Evidence is masked: 138****5678, 110***********002X, 6222********7890, a***@example.com.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date

from organizer.moderation.hits import CHARTER_INFORMATION_SECURITY, PRIVATE_DATA, Hit
from organizer.moderation.normalize import fold

MOBILE, ID_NUMBER, BANK_CARD, EMAIL = "mobile", "id_number", "bank_card", "email"
KINDS = frozenset({MOBILE, ID_NUMBER, BANK_CARD, EMAIL})

_NOT_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_AFTER = r"(?![0-9A-Za-z])"
_MOBILE = re.compile(
    _NOT_BEFORE + r"(?:(?:\+|00)?86[ -]?)?(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})" + _NOT_AFTER
)
_ID_NUMBER = re.compile(_NOT_BEFORE + r"[1-9][0-9]{16}[0-9Xx]" + _NOT_AFTER)
_BANK_CARD = re.compile(
    _NOT_BEFORE + r"[1-9][0-9]{3}(?:[ -]?[0-9]{4}){3}(?:(?P<tail>[ -][0-9]{1,3})|[0-9]{1,3})?"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"


def is_valid_id_number(number: str) -> bool:
    """Date of birth and ISO 7064 MOD 11-2 check character of an 18-character resident ID."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not date(1900, 1, 1) <= born <= date.today():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number, _ID_WEIGHTS, strict=False))
    return _ID_CHECK_CHARS[total % 11] == number[17].upper()


def is_luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _looks_like_card_issuer(digits: str) -> bool:
    return digits[0] in "345689" or 2221 <= int(digits[:4]) <= 2720


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def find_mobile(text: str) -> Hit | None:
    match = _MOBILE.search(text)
    if match is None:
        return None
    head, _, tail = match.groups()
    return _hit(MOBILE, f"{head}****{tail}")


def find_id_number(text: str) -> Hit | None:
    for match in _ID_NUMBER.finditer(text):
        if is_valid_id_number(match.group()):
            return _hit(ID_NUMBER, _mask(match.group().upper(), 3, 4))
    return None


def find_bank_card(text: str) -> Hit | None:
    for match in _BANK_CARD.finditer(text):
        # The pattern cannot say "no digit after the last group" without forbidding a shorter
        # card followed by a separator, so a run that goes on is rejected here.
        end = match.end()
        if end < len(text) and text[end].isascii() and text[end].isalnum():
            continue
        digits = match.group().replace(" ", "").replace("-", "")
        # "6217 0012 3456 7893 123元": a separated tail may be another number, not the card's.
        for candidate in (digits, digits[:16]) if match.group("tail") else (digits,):
            if _is_card_number(candidate):
                return _hit(BANK_CARD, _mask(candidate, 4, 4))
    return None


def _is_card_number(digits: str) -> bool:
    return 16 <= len(digits) <= 19 and _looks_like_card_issuer(digits) and is_luhn_valid(digits)


def find_email(text: str) -> Hit | None:
    match = _EMAIL.search(text)
    if match is None:
        return None
    local, _, domain = match.group().partition("@")
    return _hit(EMAIL, f"{local[:1]}***@{domain}")


_FINDERS: tuple[tuple[str, Callable[[str], Hit | None]], ...] = (
    (ID_NUMBER, find_id_number),  # before the card: an 18-digit ID may also pass Luhn
    (BANK_CARD, find_bank_card),
    (MOBILE, find_mobile),
    (EMAIL, find_email),
)


def find(text: str, kinds: Collection[str] = KINDS) -> Hit | None:
    """The first private datum of the enabled `kinds` in `text` (full-width digits too)."""
    return find_folded(fold(text), kinds)


def find_folded(text: str, kinds: Collection[str] = KINDS) -> Hit | None:
    """`find` for text already folded by `normalize.fold` (the pipeline folds once)."""
    has_at = "@" in text
    if not has_at and not _has_digit_run(text):
        return None
    for kind, finder in _FINDERS:
        if kind in kinds and (kind != EMAIL or has_at):
            hit = finder(text)
            if hit is not None:
                return hit
    return None


_DIGIT_RUN = re.compile(r"[0-9]{3}")


def _has_digit_run(text: str) -> bool:
    """Every number kind has at least three digits in a row: most messages stop here."""
    return _DIGIT_RUN.search(text) is not None


def _hit(kind: str, evidence: str) -> Hit:
    return Hit(
        rule=f"private.{kind}",
        category=PRIVATE_DATA,
        evidence=evidence,
        charter_ref=CHARTER_INFORMATION_SECURITY,
    )
