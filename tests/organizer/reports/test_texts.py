"""reports.ftl: every key in both languages with the same variables.

The shared i18n test compares only main.ftl's variables, so this one covers reports.ftl.
"""

from __future__ import annotations

import re

from organizer.i18n import LOCALES_DIR

KEY = re.compile(r"^([a-z][a-z0-9-]*) =")
VARIABLE = re.compile(r"\{\s*\$([a-z_]+)")


def variables(lang: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    key = None
    for line in (LOCALES_DIR / lang / "reports.ftl").read_text(encoding="utf-8").splitlines():
        match = KEY.match(line)
        if match:
            key = match.group(1)
            found[key] = set()
        if key:
            found[key] |= set(VARIABLE.findall(line))
    return found


def test_reports_texts_have_the_same_keys_and_variables_in_both_languages() -> None:
    zh, en = variables("zh"), variables("en")
    assert len(zh) > 60
    assert all(key.startswith("summary-") for key in zh)
    assert zh == en
    assert zh["summary-attendance"] == {"attended", "late", "rate"}
