"""moderation_admin.ftl: both languages, same keys and variables, every key the services use."""

from __future__ import annotations

import re
from pathlib import Path

from organizer.i18n import Catalogue
from tests import ftl

SERVICES = Path(__file__).resolve().parents[3] / "organizer" / "services"


def test_the_file_has_texts() -> None:
    # zh/en parity of every file: tests/organizer/test_i18n.py
    assert ftl.variables("zh", "moderation_admin.ftl")


def test_every_key_the_services_raise_is_written() -> None:
    catalogue = Catalogue()
    used = set()
    for name in ("violations.py", "reports.py", "blockwords.py"):
        used |= set(re.findall(r'"(moderation-admin-[a-z-]+)"', (SERVICES / name).read_text()))
    assert used
    for lang in ("zh", "en"):
        assert used <= catalogue.keys(lang)
        for key in used:
            assert key in ftl.variables(lang, "moderation_admin.ftl")
