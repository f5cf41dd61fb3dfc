"""The summary message: figures, escaping, and Telegram's 4096-character limit."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from organizer.i18n import Catalogue
from organizer.reports import render_summary, summarize
from organizer.reports.render import MESSAGE_LIMIT, histogram_lines, telegram_length
from tests.organizer.reports.factory import PREVIOUS, answer, seminar


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


class _Tags(HTMLParser):
    """Records the tags of a message and whether each one that opened also closed."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)
        self.seen.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def tags_of(message: str) -> set[str]:
    parser = _Tags()
    parser.feed(message)
    parser.close()
    assert parser.open == [], f"unclosed tags {parser.open}"
    return parser.seen


def test_chinese_message_has_every_figure(catalogue: Catalogue) -> None:
    message = render_summary(summarize(seminar(), PREVIOUS), catalogue, language="zh")

    assert "📊 <b>活动总结｜季度案例研讨 &lt;第 3 期&gt;</b>" in message
    assert "专题研讨 · 2026-03-02 09:00 – 11:00（Asia/Shanghai）" in message
    assert "参加 6 · 待定 2 · 不参加 1 · 候补 2 · 名额 20" in message
    assert "签到 5 人，其中迟到 1 人；出勤率 83%" in message
    assert "报名参加但未签到 2 人，缺席率 33%" in message
    assert "收回 4 / 5 份，回收率 80%" in message
    assert "总体 3.8 · 内容 4.0 · 组织 3.5" in message
    assert "与此前 3 次同类活动相比</b>：更差" in message
    assert "出勤率 −2 个百分点（持平）" in message
    assert "总体评分 −0.6 分（更差）" in message
    assert "• 教室太小，后排看不清投影" in message
    assert "下次换大教室 &amp; 提前发资料" in message
    assert tags_of(message) == {"b", "pre"}


def test_english_message_has_every_figure(catalogue: Catalogue) -> None:
    message = render_summary(summarize(seminar(), PREVIOUS), catalogue, language="en")

    assert "Seminar · 2026-03-02 09:00 – 11:00 (Asia/Shanghai)" in message
    assert "going 6 · maybe 2 · can't 1 · waitlist 2 · capacity 20" in message
    assert "5 checked in, 1 of them late; attendance rate 83%" in message
    assert 'No-shows: 2 said "going" but did not check in; no-show rate 33%' in message
    assert "4 of 5 answered, response rate 80%" in message
    assert "overall 3.8 · content 4.0 · organisation 3.5" in message
    assert "previous 3 activities of this kind</b>: worse" in message
    assert "Attendance rate −2 percentage points (about the same)" in message
    assert "Overall rating −0.6 (worse)" in message
    assert "summary-" not in message  # no key fell through untranslated
    assert "{???}" not in message  # no argument was refused


def test_the_histogram_shows_the_overall_distribution(catalogue: Catalogue) -> None:
    summary = summarize(seminar(), ())
    expected = "5★ █████ 1\n4★ ██████████ 2\n3★ 0\n2★ █████ 1\n1★ 0"
    assert histogram_lines(summary.overall) == expected
    assert f"<pre>{expected}</pre>" in render_summary(summary, catalogue, language="zh")


def test_user_text_is_escaped(catalogue: Catalogue) -> None:
    message = render_summary(summarize(seminar(), ()), catalogue, language="en")
    assert "<script>" not in message
    assert "• &lt;script&gt;alert('x')&lt;/script&gt; 很实用" in message
    assert tags_of(message) == {"b", "pre"}


def test_times_are_in_the_activitys_timezone(catalogue: Catalogue) -> None:
    message = render_summary(
        summarize(seminar(timezone="Europe/Berlin"), ()), catalogue, language="en"
    )
    assert "2026-03-02 02:00 – 04:00 (Europe/Berlin)" in message


def test_unknown_figures_show_a_dash(catalogue: Catalogue) -> None:
    facts = seminar(attendees=(), answers=(), surveys_sent=0, capacity=None, kind="workshop")
    message = render_summary(summarize(facts, ()), catalogue, language="en")
    assert "0 checked in, 0 of them late; attendance rate —" in message
    assert "no-show rate —" in message
    assert "0 of 0 answered, response rate —" in message
    assert "No survey answers yet." in message
    assert "<pre>" not in message
    assert "capacity" not in message
    assert "No earlier activity of this kind to compare with yet." in message
    assert "🗓 Activity · " in message  # an unknown kind reads as a plain activity


def test_a_trend_without_comparable_figures_shows_a_dash(catalogue: Catalogue) -> None:
    from tests.organizer.reports.factory import past

    summary = summarize(seminar(), (past(1, 7, None, None),))
    message = render_summary(summary, catalogue, language="zh")
    assert "与此前 1 次同类活动相比</b>：—" in message
    assert "个百分点" not in message


def test_texts_bound_to_another_language_still_render_in_the_language_asked(
    catalogue: Catalogue,
) -> None:
    summary = summarize(seminar(), ())
    from_texts = render_summary(summary, catalogue.for_language("zh"), language="en")
    assert from_texts == render_summary(summary, catalogue, language="en")


def _noisy_answers(count: int, text: str) -> tuple:
    return tuple(
        answer(100 + i, 3, 3, 3, good=f"{i:02d}{text}", improve=f"{i:02d}{text}", minute=i)
        for i in range(count)
    )


@pytest.mark.parametrize("language", ["zh", "en"])
def test_long_comments_are_dropped_lowest_ranked_first_to_fit(
    catalogue: Catalogue, language: str
) -> None:
    # Every "<" becomes "&lt;": 200 characters of text become about 800 of HTML.
    facts = seminar(answers=_noisy_answers(30, "<" * 250), organizer_notes="备注")
    summary = summarize(facts, PREVIOUS)
    assert len(summary.comments) == len(summary.improvements) == 5
    message = render_summary(summary, catalogue, language=language)

    assert telegram_length(message) <= MESSAGE_LIMIT
    assert len(message) <= MESSAGE_LIMIT
    assert tags_of(message) == {"b", "pre"}
    shown = message.count("• ")
    assert 0 < shown < 10
    more = "条未显示" if language == "zh" else "more (see the export)"
    assert more in message
    # The figures and the notes survive; the first-ranked comment is the one kept.
    assert "83%" in message and "备注" in message
    assert "• 00&lt;" in message


def test_very_long_notes_are_shortened_after_the_comments_are_gone(catalogue: Catalogue) -> None:
    facts = seminar(organizer_notes="<b>注意</b> " * 1000)
    message = render_summary(summarize(facts, PREVIOUS), catalogue, language="zh")
    assert MESSAGE_LIMIT - 20 < telegram_length(message) <= MESSAGE_LIMIT
    assert tags_of(message) == {"b", "pre"}
    assert "• " not in message  # the comments went first
    assert message.endswith("…")
    assert "&lt;b&gt;注意&lt;/b&gt;" in message


def test_a_short_message_is_not_cut(catalogue: Catalogue) -> None:
    message = render_summary(summarize(seminar(), PREVIOUS), catalogue, language="zh")
    assert message.count("• ") == 4
    assert "未显示" not in message


def test_a_very_long_title_is_shortened(catalogue: Catalogue) -> None:
    message = render_summary(summarize(seminar(title="&" * 500), ()), catalogue, language="en")
    title_line = message.splitlines()[0]
    assert title_line.count("&amp;") == 99
    assert "…</b>" in title_line


def test_a_comment_that_escapes_to_the_longest_html_still_renders(catalogue: Catalogue) -> None:
    # Near 1000 characters of "&amp;", the most a catalogue argument may hold. (All "&" would
    # be dropped as saying nothing.)
    facts = seminar(answers=(answer(1, 4, 4, 4, good="x" + "&" * 300),))
    message = render_summary(summarize(facts, ()), catalogue, language="zh")
    assert "{???}" not in message
    assert "• x" + "&amp;" * 198 + "…" in message
