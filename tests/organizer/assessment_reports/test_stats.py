"""Group statistics and the texts, against the hand-counted March (see world.py)."""

from __future__ import annotations

from datetime import date

from organizer.i18n import Catalogue
from organizer.reports.assessment import (
    group_stats,
    leaderboard_text,
    mystats_text,
    number,
    parse_period_kind,
    render_stats,
)
from organizer.reports.assessment_chart import activity_chart, messages_per_day
from organizer.services.scores import score_period
from organizer.services.scores_periods import PeriodKind, month
from tests.organizer.assessment_reports.world import MARCH, build
from tests.organizer.members.fixtures import ANNA, GROUP

catalogue = Catalogue()
zh, en = catalogue.for_language("zh"), catalogue.for_language("en")


def test_period_words() -> None:
    assert parse_period_kind(None) is PeriodKind.MONTH
    assert parse_period_kind(" Week ") is PeriodKind.WEEK
    assert parse_period_kind("周") is PeriodKind.WEEK
    assert parse_period_kind("月") is PeriodKind.MONTH
    assert parse_period_kind("季度") is PeriodKind.QUARTER
    assert parse_period_kind("quarter") is PeriodKind.QUARTER
    assert parse_period_kind("year") is None


def test_number() -> None:
    assert [number(v) for v in (4.5, 2.0, -2.0, 0.1, 20.5, -0.0, 1 / 3)] == [
        "4.5", "2", "−2", "0.1", "20.5", "0", "0.33",
    ]  # fmt: skip


async def test_stats_are_hand_counted(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        stats = await group_stats(session, GROUP, MARCH)
    assert (stats.members, stats.active_members, stats.active_share) == (5, 2, 0.4)
    assert stats.messages == 155
    assert stats.shares_by_category == (("industry", 2), ("", 1), ("case", 1))
    assert stats.shares == 4
    assert (stats.questions_asked, stats.questions_answered) == (3, 2)
    assert stats.median_answer_seconds == 30 * 60
    assert stats.violations_by_rule == (("x.abuse", 1), ("x.advertising", 1), ("x.flooding", 1))
    assert (stats.activities_held, stats.average_rating) == (2, 5.0)
    assert (stats.joins, stats.leaves) == (3, 1)

    text = render_stats(stats, en, "Asia/Shanghai", group_title="项目一组")
    assert text.splitlines() == [
        "📈 <b>Statistics | 项目一组</b> — month 2026-03-01 – 2026-03-31",
        "Times in Asia/Shanghai",
        "👥 Members: 5, active 2 (40%)",
        "💬 Messages: 155",
        "📚 Shares: 4",
        "• industry: 2",
        "• untagged: 1",
        "• case: 1",
        "❓ Questions: 3 asked, 2 answered; median time to answer 30 min",
        "⚠️ Violations: 3",
        "• x.abuse: 1",
        "• x.advertising: 1",
        "• x.flooding: 1",
        "🗓 Activities held: 2; average rating 5",
        "➕ Joined: 3 · ➖ Left: 1",
    ]
    zh_text = render_stats(stats, zh, "Asia/Shanghai", group_title="项目一组")
    assert "👥 成员：5，活跃 2（40%）" in zh_text
    assert "❓ 提问：3 个，已回答 2 个；回答时间中位数 30 分钟" in zh_text
    assert "• 未分类：1" in zh_text


async def test_empty_period(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    june = month(date(2026, 6, 1), "Asia/Shanghai")
    async with session_factory() as session:
        stats = await group_stats(session, GROUP, june)
        assert await activity_chart(session, GROUP, june) is None
    assert (stats.messages, stats.questions_asked, stats.median_answer_seconds) == (0, 0, None)
    assert stats.average_rating is None and stats.shares_by_category == ()
    assert "average rating —" in render_stats(stats, en, "UTC")


async def test_chart(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        counts = await messages_per_day(session, GROUP, MARCH)
        png = await activity_chart(session, GROUP, MARCH)
    assert len(counts) == 31 and sum(counts) == 155
    assert (counts[1], counts[2], counts[8], counts[30]) == (10, 40, 100, 5)
    assert png is not None and png.startswith(b"\x89PNG")


async def test_leaderboard_and_mystats_texts(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        scores = await score_period(session, GROUP, MARCH)
    assert leaderboard_text(scores, en).splitlines() == [
        "Top 4:", "1. Anna — 20.5", "2. Bo — 11", "3. 张 经理 — 5", "4. 77 — 2",
    ]  # fmt: skip
    assert leaderboard_text(scores, zh, top=2).splitlines() == [
        "前 2 名：", "1. Anna — 20.5", "2. Bo — 11",
    ]  # fmt: skip
    assert leaderboard_text([], zh) == "本周期暂无积分。"
    anna = next(score for score in scores if score.user_id == ANNA.id)
    lines = mystats_text(anna, en, "项目一组", MARCH).splitlines()
    assert lines[:6] == [
        "🏅 <b>项目一组</b> — month 2026-03-01 – 2026-03-31",
        "Total <b>20.5</b> points, rank 1",
        "<b>Participation</b>: 9.5",
        "· Days active: 3 × 1 = 3",
        "· Messages (counted under the daily cap, of 55 sent): 45 × 0.1 = 4.5",
        "· Notices acknowledged: 2 × 1 = 2",
    ]
    assert "· Violation points: 4 × −1 = −4" in lines
    assert "<b>Compliance</b>: −2" in lines
    assert len(lines) == 2 + 5 + 15  # head, one line per component, one per indicator
    zh_lines = mystats_text(anna, zh, "项目一组", MARCH).splitlines()
    assert zh_lines[1] == "总分 <b>20.5</b>，排名第 1"
    assert "· 消息数（按每日上限计，共发送 55 条）：45 × 0.1 = 4.5" in zh_lines
