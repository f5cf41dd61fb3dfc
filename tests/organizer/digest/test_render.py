"""`render`: the digest as one HTML text in zh and en, every item with its action; long
sections cut with "…and N more" within Telegram's 4096 characters; "all quiet" when empty."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from organizer.i18n import Catalogue
from organizer.models import Group
from organizer.services import digest
from organizer.services.digest import JoinItem, QuestionItem
from organizer.services.digest_render import TELEGRAM_LIMIT, render
from tests.organizer.digest.world import make_world
from tests.organizer.members.fixtures import GROUP, make_group

LINK = "https://t.me/c/1009001/{}"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


async def _built(session_factory, clock) -> tuple[digest.Digest, Group]:
    now = clock.now()
    await make_world(session_factory, now)
    async with session_factory() as session:
        found = await digest.build(session, GROUP, since=now - timedelta(days=1), now=now)
        group = await session.get(Group, GROUP)
    assert group is not None
    return found, group


async def test_render_in_english(session_factory, clock, catalogue) -> None:
    found, group = await _built(session_factory, clock)
    text = render(found, catalogue.for_language("en"), group)
    lines = text.splitlines()
    assert lines[0] == "📋 <b>Admin digest: 项目一组</b>"
    assert lines[1] == "03-01 09:00 – 03-02 09:00"  # the group's time zone (Shanghai)
    assert "<b>Join requests waiting (1)</b> — decide on their cards; routing: /approvers" in lines
    assert "• Dan (<code>40</code>), since 03-02 06:00" in lines
    assert f'• message by Bo, reported by 1 — <a href="{LINK.format(501)}">open</a>' in lines
    assert (
        "• Chen: How do I export the &lt;b&gt;attendance&lt;/b&gt; sheet? (since 03-02 04:00)"
        f' — <a href="{LINK.format(502)}">open</a>'
    ) in lines  # the member's text is escaped
    assert f'• Course design review, 03-04 09:00 — <a href="{LINK.format(503)}">open</a>' in lines
    assert "Far away" not in text and "Old idea" not in text
    assert "• Team lunch by Anna, 03-05 09:00" in lines
    assert "• Bo (<code>32</code>), review on 03-07 09:00" in lines
    assert "<b>Violations since the last digest: 3</b>" in lines
    assert "• <code>banned.ads</code>: 2" in lines and "• <code>manual.warn</code>: 1" in lines
    [notice] = [line for line in lines if line.startswith("• #")]
    assert notice.startswith("• #1 Safety drill &amp; fire exits: 4 not acknowledged — /acks 1")
    assert notice.endswith(f'<a href="{LINK.format(504)}">open</a>')
    assert "All quiet" not in text and "more" not in text


async def test_render_in_chinese(session_factory, clock, catalogue) -> None:
    found, group = await _built(session_factory, clock)
    text = render(found, catalogue.for_language("zh"), group)
    assert text.startswith("📋 <b>管理员摘要：项目一组</b>\n")
    assert "<b>待审批的入群申请（1）</b>" in text and "<b>未处理的举报（1）</b>" in text
    assert "<b>未回答的问题（1）</b>— 回复即可作答；全部：/questions" in text
    assert "<b>上次摘要以来的违规：3</b>" in text and "/acks 1" in text
    assert "• Team lunch（Anna 提出），03-05 09:00" in text


def _many(now, count: int) -> digest.Digest:
    return digest.Digest(
        GROUP, now - timedelta(days=1), now,
        join_requests=tuple(
            JoinItem(i, 1000 + i, f"Applicant {i}", now - timedelta(hours=1)) for i in range(count)
        ),
        questions=tuple(
            QuestionItem(i, "Asker", "x" * 60, now, LINK.format(i)) for i in range(count)
        ),
    )  # fmt: skip


async def test_long_sections_are_cut_with_and_n_more(session_factory, clock, catalogue) -> None:
    await make_group(session_factory, clock.now())
    async with session_factory() as session:
        group = await session.get(Group, GROUP)
    assert group is not None
    text = render(_many(clock.now(), 8), catalogue.for_language("en"), group)
    assert "<b>Join requests waiting (8)</b>" in text
    assert "Applicant 4" in text and "Applicant 5" not in text
    assert text.count("…and 3 more") == 2
    huge = render(_many(clock.now(), 400), catalogue.for_language("zh"), group)
    assert len(huge) <= TELEGRAM_LIMIT
    assert huge.count("…另有 395 项") == 2  # 5 shown per section
    long_names = replace(
        _many(clock.now(), 5),
        join_requests=tuple(
            JoinItem(i, i, "N" * 900, clock.now()) for i in range(5)
        ),
    )  # fmt: skip
    cut = render(long_names, catalogue.for_language("en"), group)
    assert len(cut) <= TELEGRAM_LIMIT  # 5 × 900 characters would not fit: 3 shown
    assert cut.count("N" * 900) == 3 and "…and 2 more" in cut


async def test_all_quiet(session_factory, clock, catalogue) -> None:
    await make_group(session_factory, clock.now())
    async with session_factory() as session:
        found = await digest.build(session, GROUP, since=clock.now(), now=clock.now())
        group = await session.get(Group, GROUP)
    assert group is not None
    en = render(found, catalogue.for_language("en"), group)
    assert en.splitlines()[-1] == "✅ All quiet: nothing is waiting for you."
    zh = render(found, catalogue.for_language("zh"), group)
    assert zh.splitlines()[-1] == "✅ 一切正常：没有待处理的事项。"
