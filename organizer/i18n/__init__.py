"""The text catalogue (Fluent): every text a user sees, in zh (default) and en.

Texts are sent with HTML parse mode, so string arguments are HTML-escaped unless wrapped in
`Markup` (for fragments the bot itself built, such as a mention link).
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

LOCALES_DIR = Path(__file__).parent / "locales"
SUPPORTED = ("zh", "en")
log = logging.getLogger(__name__)


class Markup(str):
    """A string that is already safe HTML and must not be escaped again."""


def escape(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return html.escape(value, quote=False)


def normalize_language(code: str | None, default: str = "zh") -> str:
    """Map a Telegram language_code (e.g. 'zh-hans', 'en-US') onto a supported language."""
    if not code:
        return default
    base = code.lower().replace("_", "-").split("-")[0]
    return base if base in SUPPORTED else default


class Catalogue:
    def __init__(self, default: str = "zh", locales_dir: Path = LOCALES_DIR) -> None:
        self.default = default
        self._bundles = {lang: self._load(lang, locales_dir) for lang in SUPPORTED}

    @staticmethod
    def _load(lang: str, locales_dir: Path) -> FluentBundle:
        bundle = FluentBundle([lang], use_isolating=False)
        for path in sorted((locales_dir / lang).glob("*.ftl")):
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
        return bundle

    def keys(self, lang: str) -> set[str]:
        return set(self._bundles[lang]._messages)

    def has(self, lang: str, key: str) -> bool:
        return self._bundles[normalize_language(lang, self.default)].has_message(key)

    def text(self, lang: str, key: str, **args: Any) -> str:
        lang = normalize_language(lang, self.default)
        for candidate in (lang, self.default):
            bundle = self._bundles[candidate]
            if bundle.has_message(key) and bundle.get_message(key).value is not None:
                message = bundle.get_message(key)
                assert message.value is not None
                escaped = {name: escape(value) for name, value in args.items()}
                value, errors = bundle.format_pattern(message.value, escaped)
                if errors:
                    log.warning("text %s/%s: %s", candidate, key, errors)
                return str(value)
        log.error("text %r missing in every language", key)
        return key

    def for_language(self, lang: str) -> Texts:
        return Texts(self, normalize_language(lang, self.default))


class Texts:
    """The catalogue bound to one language: `texts("key", name=value)`."""

    def __init__(self, catalogue: Catalogue, lang: str) -> None:
        self.catalogue = catalogue
        self.lang = lang

    def __call__(self, key: str, **args: Any) -> str:
        return self.catalogue.text(self.lang, key, **args)

    def lines(self, keys: Mapping[str, Mapping[str, Any]] | list[str]) -> str:
        if isinstance(keys, list):
            return "\n".join(self(key) for key in keys)
        return "\n".join(self(key, **args) for key, args in keys.items())


@functools.cache
def shared_catalogue(default: str = "zh") -> Catalogue:
    """One parsed catalogue per default language, for code that has no injected one (jobs)."""
    return Catalogue(default=default)
