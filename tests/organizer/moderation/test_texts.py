"""Every rule has a reason text in both languages, with no arguments."""

import re

import pytest

from organizer.i18n import LOCALES_DIR, Catalogue
from organizer.moderation.hits import RULES, Hit

KEY = re.compile(r"^([a-z0-9-]+) =", re.MULTILINE)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


def keys(lang: str) -> list[str]:
    return KEY.findall((LOCALES_DIR / lang / "moderation.ftl").read_text(encoding="utf-8"))


def test_zh_and_en_have_the_same_keys() -> None:
    assert keys("zh") == keys("en")


def test_the_files_hold_exactly_the_rules() -> None:
    expected = [Hit(rule, "", "", "").message_key for rule in RULES]
    assert sorted(keys("zh")) == sorted(expected)


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_has_a_reason(catalogue: Catalogue, rule: str, lang: str) -> None:
    key = Hit(rule, "", "", "").message_key
    text = catalogue.text(lang, key)
    assert text != key and "{" not in text
    # The reason cites the charter section the hit gives.
    section = rule.split(".")[0]
    expected = {"private": "六(二)", "media": "三(二)" if "size" in rule else "四(一)"}
    assert expected.get(section, "四(三)") in text


def test_message_key() -> None:
    assert Hit("private.id_number", "", "", "").message_key == "mod-reason-private-id-number"
    assert Hit("ad.link", "", "", "").message_key == "mod-reason-ad-link"


def test_rules_cover_every_category_and_private_kind() -> None:
    from organizer.moderation.lexicon import CATEGORIES
    from organizer.moderation.private_data import KINDS

    assert {f"banned.{category}" for category in CATEGORIES} <= set(RULES)
    assert {f"private.{kind}" for kind in KINDS} <= set(RULES)
    assert len(set(RULES)) == len(RULES) == 20
