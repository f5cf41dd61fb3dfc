import pytest

from organizer.moderation.normalize import fold, normalize, prepare, words


@pytest.mark.parametrize(
    ("text", "compact"),
    [
        ("赌博", "赌博"),
        ("赌 博", "赌博"),  # inserted space
        ("赌*博", "赌博"),  # inserted symbol
        ("赌\u200b博", "赌博"),  # zero-width space
        ("賭博", "赌博"),  # traditional
        ("賭　博", "赌博"),  # ideographic space
        ("f.u.c.k", "fuck"),
        ("F U C K", "fuck"),
        ("ｆｕｃｋ", "fuck"),  # full-width
        ("FuCk", "fuck"),  # mixed case
        ("f_u-c+k", "fuck"),
        ("大家好，明天见！", "大家好明天见"),
        ("", ""),
    ],
)
def test_normalize_removes_what_splits_a_word(text: str, compact: str) -> None:
    assert normalize(text) == compact


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Hello,   World!", "hello world"),
        ("f.u.c.k you", "fuck you"),  # a word spelled out letter by letter is joined
        ("f u c k", "fuck"),
        ("i am a teacher", "i am a teacher"),  # lone single letters stay words
        ("room B at 3pm", "room b at 3pm"),
        ("Ｃｌａｓｓ　ａｃｔ", "class act"),
        ("你好 world", "你好 world"),
    ],
)
def test_words_keeps_word_boundaries(text: str, spaced: str) -> None:
    assert words(text) == spaced


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＱＱ：１２３４５", "qq:12345"),  # full-width letters and digits become ASCII
        ("請問下週的培訓資料", "请问下周的培训资料"),
        ("收到，谢谢", "收到，谢谢"),  # full-width punctuation may stay: it is a separator
        ("ABC", "abc"),
        ("a\u00adb\u2060c", "abc"),  # soft hyphen, word joiner
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_prepare_gives_all_three_forms_at_once() -> None:
    prepared = prepare("賭 博 F.U.C.K")
    assert prepared.folded == "赌 博 f.u.c.k"
    assert prepared.compact == "赌博fuck"
    assert prepared.spaced == "赌 博 fuck"
