import pytest

from organizer.i18n import Catalogue, Markup, normalize_language
from tests import ftl


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


def test_every_text_exists_in_both_languages(catalogue: Catalogue) -> None:
    assert catalogue.keys("zh") == catalogue.keys("en")
    assert len(catalogue.keys("zh")) > 40


@pytest.mark.parametrize("filename", ftl.files())
def test_texts_use_the_same_variables_in_both_languages(filename: str) -> None:
    zh = ftl.variables("zh", filename)
    assert zh, f"{filename} has no messages"
    assert zh == ftl.variables("en", filename)


def test_arguments_are_html_escaped_unless_markup(catalogue: Catalogue) -> None:
    text = catalogue.text("en", "rules-title", title="<b>x</b> & y")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in text
    assert "<b>x</b>" in catalogue.text("en", "rules-title", title=Markup("<b>x</b>"))


def test_unknown_language_falls_back_to_default(catalogue: Catalogue) -> None:
    assert catalogue.text("fr", "language-name") == "中文"
    assert catalogue.for_language("en-US")("language-name") == "English"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh-hans", "zh"), ("zh_TW", "zh"), ("en-GB", "en"), ("EN", "en"), ("ru", "zh"), (None, "zh")],
)
def test_normalize_language(code: str | None, expected: str) -> None:
    assert normalize_language(code, "zh") == expected
