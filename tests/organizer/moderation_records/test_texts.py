"""moderation_admin.ftl: both languages, same keys and variables, every key the services use."""

from __future__ import annotations

import re
from pathlib import Path

from organizer.i18n import LOCALES_DIR, Catalogue

PLACEABLE = re.compile(r"\{\s*\$([a-z_]+)\s*\}")
SERVICES = Path(__file__).resolve().parents[3] / "organizer" / "services"


def _variables(lang: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    key = None
    for line in (LOCALES_DIR / lang / "moderation_admin.ftl").read_text("utf-8").splitlines():
        match = re.match(r"^([a-z0-9-]+) =", line)
        if match:
            key = match.group(1)
            found[key] = set()
        if key:
            found[key] |= set(PLACEABLE.findall(line))
    return found


def test_same_keys_and_variables_in_both_languages() -> None:
    assert _variables("zh") == _variables("en")
    assert _variables("zh")


def test_every_key_the_services_raise_is_written() -> None:
    catalogue = Catalogue()
    used = set()
    for name in ("violations.py", "reports.py", "blockwords.py"):
        used |= set(re.findall(r'"(moderation-admin-[a-z-]+)"', (SERVICES / name).read_text()))
    assert used
    for lang in ("zh", "en"):
        assert used <= catalogue.keys(lang)
        for key in used:
            assert key in _variables(lang)
