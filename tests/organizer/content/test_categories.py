"""Hashtag categories (zh and en synonyms) and question detection, including false positives."""

from __future__ import annotations

import pytest

from organizer.content.categories import (
    CATEGORY_KEYS,
    NEWS_CATEGORIES,
    SYNONYMS,
    categories,
    category_of,
    display_tag,
    is_question,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#进展 本周完成三门课程", ("progress",)),
        ("#progress week 3", ("progress",)),
        ("#PROGRESS week 3", ("progress",)),
        ("＃资料 Python 入门讲义", ("material",)),  # full-width sign
        ("#materials: slides attached", ("material",)),
        ("#课件 第二讲", ("material",)),
        ("学员说很有收获 #反馈", ("feedback",)),
        ("#案例分析 某机构的转型", ("case",)),
        ("#case study", ("case",)),
        ("#政策 新规解读 #趋势", ("policy", "trend")),
        ("#政策法规解读", ("policy",)),  # CJK tags are written without a space after them
        ("#行业动态 报告", ("trend",)),
        ("#经验分享 我们怎么做招生", ("experience",)),
        ("#通知 明天 9 点开会", ("notice",)),
        ("#提醒 周五交材料", ("reminder",)),
        ("#policy #policies #政策", ("policy",)),  # repeats collapse
        ("#趋势 and #progress", ("trend", "progress")),  # order of appearance
        ("#ｐｒｏｇｒｅｓｓ", ("progress",)),  # full-width letters
    ],
)
def test_categories(text: str, expected: tuple[str, ...]) -> None:
    assert categories(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no tags here",
        "C# is a language",  # a sign without a word after it
        "#progressive rock",  # English tags match whole words only
        "#hello #world",
        "issue #42 is fixed",
        "价格 #",
        "see https://example.com/#material",  # a URL fragment is not a tag
        "##",
    ],
)
def test_no_categories(text: str) -> None:
    assert categories(text) == ()


def test_every_category_has_a_zh_and_an_en_tag() -> None:
    for key, tags in SYNONYMS.items():
        assert any(not t.isascii() for t in tags) and any(t.isascii() for t in tags), key
        assert category_of(display_tag(key, "zh")) == key
        assert category_of(display_tag(key, "en")) == key
    assert NEWS_CATEGORIES.issubset(CATEGORY_KEYS)
    assert display_tag("policy", "zh") == "#政策" and display_tag("policy", "en") == "#policy"


def test_category_of_prefix_only_when_asked() -> None:
    assert category_of("资料课件") == "material"
    assert category_of("资料课件", prefix=False) is None
    assert category_of("#资料", prefix=False) == "material"


@pytest.mark.parametrize(
    "text",
    [
        "这个课程怎么报名？",
        "How do I book the room?",
        "请问下周的研讨会在哪里开？ ",
        "会议几点开始？😊",
        "会议几点开始？🙏🏻",  # emoji with a skin-tone modifier
        "真的要今天交吗？！",
        "Is the deadline Friday?!",
        "#问题 报销流程是什么",
        "#question where are the slides",
        "＃提问 谁有上次的课件",
        "Anyone has the slides for week 3?",
    ],
)
def test_questions(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "?",
        "？？？",
        "在吗？",  # a greeting, not a question
        "真的吗？",
        "what?",
        "Really?!",
        "/materials?",  # commands are not questions
        "/help 怎么用？",
        "好的，明天见！",
        "几点开始？我先去开会了",  # the question mark is not at the end
        "see https://example.com/page?id=1",
        "#资料 讲义",
    ],
)
def test_not_questions(text: str) -> None:
    assert not is_question(text)
