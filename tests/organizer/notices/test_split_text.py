"""split_text: paragraphs first, then lines, then words; never mid-word unless a word alone is
longer than the limit; tags never cut and re-opened across parts; lengths as Telegram counts."""

from __future__ import annotations

import pytest

from organizer.services.notices_text import split_text, visible_length


def _words(parts: list[str]) -> list[str]:
    return " ".join(parts).split()


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 10, []),
        ("   \n\n ", 10, []),
        ("short", 10, ["short"]),
        # Paragraphs are kept whole and packed together while they fit.
        ("aaa\n\nbbb\n\nccc", 8, ["aaa\n\nbbb", "ccc"]),
        ("aaa\n\nbbb\n\nccc", 3, ["aaa", "bbb", "ccc"]),
        # A paragraph too long on its own is cut between lines…
        ("one\ntwo\nthree", 8, ["one\ntwo", "three"]),
        # …and a line between words.
        ("alpha beta gamma delta", 11, ["alpha beta", "gamma delta"]),
        # A word longer than the limit is the only thing that is cut.
        ("ab abcdefghij", 4, ["ab", "abcd", "efgh", "ij"]),
        # Chinese without spaces: after a sentence's punctuation.
        ("第一句话。第二句话。第三句", 6, ["第一句话。", "第二句话。", "第三句"]),
        # …and a run without any break is cut by characters (each is a word).
        ("一二三四五六七", 3, ["一二三", "四五六", "七"]),
    ],
)
def test_split_table(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_long_notice_keeps_every_word_and_stays_within_the_limit() -> None:
    paragraph = " ".join(f"word{i}" for i in range(300))
    text = "\n\n".join([paragraph] * 10)
    parts = split_text(text)
    assert len(parts) > 1
    assert all(visible_length(part) <= 4096 for part in parts)
    assert _words(parts) == text.split()  # nothing lost, nothing cut mid-word


def test_length_is_counted_as_telegram_does() -> None:
    # Tags do not count, entities count as one character, an emoji as two UTF-16 units.
    assert visible_length("<b>ab</b> &amp;") == 4
    assert visible_length("😀") == 2
    assert split_text("<b>" + "x " * 5 + "</b>", 9) == ["<b>x x x x x</b>"]


def test_a_tag_open_across_a_cut_is_closed_and_reopened() -> None:
    parts = split_text('<b>bold one</b> <a href="https://x.y/a b">link two three</a>', 8)
    assert parts[0].startswith("<b>") and parts[0].endswith("</b>")
    assert all(part.count("<a ") == part.count("</a>") for part in parts)
    assert any(part.startswith('<a href="https://x.y/a b">') for part in parts[1:])
    assert all(visible_length(part) <= 8 for part in parts)


def test_entities_are_never_cut() -> None:
    parts = split_text("&amp;&amp;&amp;&amp;", 3)
    assert parts == ["&amp;&amp;&amp;", "&amp;"]


def test_a_hard_cut_prefers_the_edge_of_a_latin_word_in_mixed_text() -> None:
    parts = split_text("中文中文Telegram", 6)
    assert parts == ["中文中文", "Telegr", "am"]


def test_caption_limit() -> None:
    assert len(split_text("x" * 1024, 1024)) == 1
    assert len(split_text("x " * 600, 1024)) == 2
