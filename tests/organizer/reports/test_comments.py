"""Which free-text answers the summary shows."""

from __future__ import annotations

from organizer.reports.comments import select_comments


def test_blank_and_empty_answers_are_ignored() -> None:
    assert select_comments([None, "", "   ", "\n\t", "有用"]) == ("有用",)


def test_answers_that_say_nothing_are_ignored() -> None:
    assert select_comments(["无", "N/A", "none.", "没有", "-", "……", "内容扎实"]) == ("内容扎实",)


def test_longest_first_and_ties_keep_their_order() -> None:
    assert select_comments(["bb", "aaaa", "cc", "ddd"]) == ("aaaa", "ddd", "bb", "cc")


def test_at_most_five() -> None:
    texts = [f"comment {'x' * n}" for n in range(1, 9)]
    chosen = select_comments(texts)
    assert len(chosen) == 5
    assert chosen[0] == "comment xxxxxxxx"
    assert chosen[-1] == "comment xxxx"


def test_duplicates_differing_in_case_spacing_or_final_punctuation_show_once() -> None:
    chosen = select_comments(["Great  cases", "great cases!", "GREAT CASES", "讲得好。", "讲得好"])
    assert chosen == ("great cases!", "讲得好。")


def test_inner_whitespace_and_newlines_become_single_spaces() -> None:
    assert select_comments(["  line one\n\nline   two  "]) == ("line one line two",)


def test_long_answers_are_trimmed_to_200_characters_with_an_ellipsis() -> None:
    long = "很" * 300
    (chosen,) = select_comments([long])
    assert len(chosen) == 200
    assert chosen == "很" * 199 + "…"


def test_an_answer_of_exactly_200_characters_is_kept_whole() -> None:
    assert select_comments(["a" * 200]) == ("a" * 200,)


def test_two_long_answers_that_would_look_the_same_once_trimmed_show_once() -> None:
    first = "x" * 199 + "y" * 50
    second = "x" * 199 + "z" * 60
    assert select_comments([first, second]) == ("x" * 199 + "…",)


def test_an_answer_that_equals_the_trimmed_start_of_another_shows_once() -> None:
    assert select_comments(["x" * 250, "x" * 199]) == ("x" * 199 + "…",)
