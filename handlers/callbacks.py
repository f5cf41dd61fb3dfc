"""Callback data factories. Versioned prefixes, ids and codes only, always ≤ 64 bytes.

Never trusted: every press re-checks rights and state in the database.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class SetupCallback(CallbackData, prefix="v1su"):
    step: str  # "kind" | "tz" | "lang"
    value: str  # a GroupKind value, an index into COMMON_TIMEZONES or "other", a language code


class LanguageCallback(CallbackData, prefix="v1lg"):
    code: str
