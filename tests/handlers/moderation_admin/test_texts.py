"""moderation_cmds.ftl: the same keys and variables in zh and en, every key the package uses
written, and the help and command-menu texts the composition root will include."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.moderation_admin import GROUP_ADMIN_COMMANDS, HELP_ADMIN_KEY, HELP_MEMBER_KEY
from handlers.moderation_admin import MEMBER_COMMANDS as MEMBER
from organizer.i18n import Catalogue
from tests import ftl

KEY = re.compile(r'"((?:modcmd|error|moderation-admin)-[a-z-]*[a-z])"')
PACKAGE = Path(__file__).resolve().parents[3] / "handlers" / "moderation_admin"


def test_the_file_holds_all_the_packages_texts() -> None:
    # zh/en parity of every file: tests/organizer/test_i18n.py
    assert len(ftl.variables("zh", "moderation_cmds.ftl")) > 80


def test_every_literal_key_the_package_uses_is_written() -> None:
    catalogue = Catalogue()
    used: set[str] = set()
    for path in PACKAGE.glob("*.py"):
        used |= set(KEY.findall(path.read_text()))
    assert len(used) > 40
    for lang in ("zh", "en"):
        assert used <= catalogue.keys(lang), used - catalogue.keys(lang)


def test_every_composed_key_is_written() -> None:
    keys = Catalogue().keys("zh")
    actions = ("warn", "unwarn", "mute", "unmute", "kick", "ban", "unban", "delete")
    composed = {f"modcmd-{kind}-{action}" for kind in ("done", "notice") for action in actions}
    composed |= {f"modcmd-notice-undo-{lift}" for lift in ("unmute", "unban")}
    composed |= {f"modcmd-report-button-{a}" for a in ("delete", "warn", "mute", "dismiss")}
    statuses = ("open", "deleted", "warned", "muted", "dismissed")
    composed |= {f"modcmd-report-status-{status}" for status in statuses}
    categories = ("porn", "violence", "gambling", "fraud", "subversion", "abuse")
    composed |= {f"modcmd-category-{category}" for category in categories}
    composed |= {f"modcmd-blockword-{verb}-{end}" for verb in ("add", "remove")
                 for end in ("done", "unchanged")}  # fmt: skip
    composed |= {f"modcmd-unit-{unit}" for unit in "dhm"}
    assert composed <= keys, composed - keys


def test_help_and_menu_texts() -> None:
    catalogue = Catalogue()
    for lang in ("zh", "en"):
        help_text = catalogue.text(lang, HELP_ADMIN_KEY)
        for name in GROUP_ADMIN_COMMANDS:
            assert f"/{name}" in help_text
            assert 3 <= len(catalogue.text(lang, f"cmd-{name}")) <= 256  # Telegram's limits
        assert "/report" in catalogue.text(lang, HELP_MEMBER_KEY)
        assert catalogue.has(lang, f"cmd-{MEMBER[0]}")
