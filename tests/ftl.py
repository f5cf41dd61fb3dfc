"""Reading the Fluent catalogues in tests: each message of one file with its variables."""

from __future__ import annotations

import re

from organizer.i18n import LOCALES_DIR

KEY = re.compile(r"^([a-z][a-z0-9_-]*) =")
VARIABLE = re.compile(r"\{\s*\$([a-z_]+)")  # plain placeables and selectors ({ $n -> …)


def files() -> list[str]:
    return sorted(path.name for path in (LOCALES_DIR / "zh").glob("*.ftl"))


def variables(lang: str, filename: str) -> dict[str, set[str]]:
    """Message key → the variables it uses (comment lines skipped)."""
    found: dict[str, set[str]] = {}
    key = None
    for line in (LOCALES_DIR / lang / filename).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        match = KEY.match(line)
        if match:
            key = match.group(1)
            found[key] = set()
        if key:
            found[key] |= set(VARIABLE.findall(line))
    return found
