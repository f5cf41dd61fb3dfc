"""content.ftl: the same keys and variables in zh and en, and the shared renderings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from organizer.content import render
from organizer.i18n import Catalogue
from organizer.services.library import LibraryEntry
from tests import ftl

SLOT = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)


def test_the_help_texts_are_there() -> None:
    # zh/en parity of every file: tests/organizer/test_i18n.py
    assert {"help-content", "help-content-admin"} <= set(ftl.variables("zh", "content.ftl"))


def test_over_quota_notice_says_when() -> None:
    zh = Catalogue().for_language("zh")
    deferred = render.over_quota_notice(
        zh, group_title="项目一组", quota=3, slot=SLOT, timezone="Asia/Shanghai",
        text="#政策 <新规>", deferred=True,
    )  # fmt: skip
    assert "2026年3月3日 周二 09:00 代您发布" in deferred and "#政策 &lt;新规&gt;" in deferred
    en = Catalogue().for_language("en")
    resend = render.over_quota_notice(
        en, group_title="G", quota=3, slot=SLOT, timezone="Asia/Shanghai", text="x",
        deferred=False,
    )  # fmt: skip
    assert resend.endswith("Please post it again after Tue 3 Mar 2026, 09:00.")


def test_materials_and_ages() -> None:
    en = Catalogue().for_language("en")
    entry = LibraryEntry(1, -1001234567890, 5, 31, "material", "A & B " + "x" * 100, "post",
                         None, SLOT)  # fmt: skip
    text = render.materials(en, [entry], group_title="G", timezone="Asia/Shanghai")
    assert '1. <a href="https://t.me/c/1234567890/5">A &amp; B xxx' in text
    assert "…</a> #material · 2026-03-03" in text
    assert render.age(en, SLOT, SLOT + timedelta(minutes=5)) == "5 min ago"
    assert render.age(en, SLOT, SLOT + timedelta(hours=30)) == "30 h ago"
    assert render.age(en, SLOT, SLOT + timedelta(days=3)) == "3 days ago"
