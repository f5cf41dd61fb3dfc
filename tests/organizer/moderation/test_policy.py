from typing import Any

import pytest

from organizer.models.group import GroupKind
from organizer.moderation.flood import FloodLimits
from organizer.moderation.lexicon import CATEGORIES
from organizer.moderation.media import MediaLimits
from organizer.moderation.policy import (
    DEFAULT_ALLOWED_DOMAINS,
    DEFAULT_LADDER,
    INDUSTRY_EXCHANGE,
    PROJECT,
    STUDENT_SERVICE,
    ModerationPolicy,
    clean_domain,
    is_valid_ladder_step,
)

ALL_PRIVATE = {"mobile", "id_number", "bank_card", "email"}


def test_kind_names_are_the_group_kinds() -> None:
    assert {PROJECT, STUDENT_SERVICE, INDUSTRY_EXCHANGE} == {kind.value for kind in GroupKind}


@pytest.mark.parametrize(
    ("kind", "private_data"),
    [
        (STUDENT_SERVICE, ALL_PRIVATE),  # strictest: students' details never in a group
        (PROJECT, {"id_number", "bank_card"}),
        (INDUSTRY_EXCHANGE, {"id_number", "bank_card"}),
        (None, {"id_number", "bank_card"}),  # not set up yet
        ("unknown-kind", {"id_number", "bank_card"}),
    ],
)
def test_private_data_defaults_by_kind(kind: str | None, private_data: set[str]) -> None:
    assert ModerationPolicy.for_kind(kind).private_data == private_data


@pytest.mark.parametrize("kind", [PROJECT, STUDENT_SERVICE, INDUSTRY_EXCHANGE, None])
def test_shared_defaults(kind: str | None) -> None:
    policy = ModerationPolicy.for_kind(kind)
    assert policy.enabled and policy.check_ads and policy.exempt_admins
    assert policy.categories == set(CATEGORIES)
    assert policy.flood == FloodLimits(5, 10.0, 3, 60.0)
    assert policy.media == MediaLimits(20, 50, 60)
    assert policy.news_quota_per_day == 3
    assert policy.ladder == ("warn", "mute:1h", "mute:24h", "kick") == DEFAULT_LADDER
    assert policy.ladder_window_days == 30
    assert not policy.allow_channel_forwards
    assert policy.allowed_domains == DEFAULT_ALLOWED_DOMAINS
    assert not policy.exempt_user_ids and not policy.advertisers


def overrides(kind: str | None, **moderation: Any) -> ModerationPolicy:
    return ModerationPolicy.from_settings(kind, {"moderation": moderation, "other": 1})


def test_no_settings_means_the_kind_defaults() -> None:
    assert ModerationPolicy.from_settings(STUDENT_SERVICE, {}) == ModerationPolicy.for_kind(
        STUDENT_SERVICE
    )
    assert ModerationPolicy.from_settings(PROJECT, None) == ModerationPolicy()
    assert ModerationPolicy.from_settings(PROJECT, {"moderation": "garbage"}) == ModerationPolicy()


def test_every_documented_key_is_read() -> None:
    policy = overrides(
        PROJECT,
        enabled=False,
        categories=["porn", "abuse"],
        flood={"max_messages": 8, "per_seconds": 20, "repeat_limit": 4, "repeat_window": 120},
        ads=False,
        allow_channel_forwards=True,
        allowed_domains=["https://www.Company.com/about", "partner.cn"],
        private_data=["mobile"],
        max_file_mb=100,
        max_video_mb=0,
        max_voice_s=120,
        news_quota_per_day=5,
        ladder=["warn", "warn", "mute:30m", "ban:7d"],
        ladder_window_days=90,
        exempt_admins=False,
        exempt_user_ids=[11, 12],
        advertisers=[13],
    )
    assert policy == ModerationPolicy(
        enabled=False,
        categories=frozenset({"porn", "abuse"}),
        flood=FloodLimits(8, 20.0, 4, 120.0),
        check_ads=False,
        allow_channel_forwards=True,
        allowed_domains=DEFAULT_ALLOWED_DOMAINS | {"company.com", "partner.cn"},
        private_data=frozenset({"mobile"}),
        media=MediaLimits(100, 0, 120),
        news_quota_per_day=5,
        ladder=("warn", "warn", "mute:30m", "ban:7d"),
        ladder_window_days=90,
        exempt_admins=False,
        exempt_user_ids=frozenset({11, 12}),
        advertisers=frozenset({13}),
    )


@pytest.mark.parametrize(
    ("moderation", "field", "expected"),
    [
        ({"private_data": True}, "private_data", ALL_PRIVATE),
        ({"private_data": False}, "private_data", set()),
        ({"flood": False}, "flood", None),
        ({"flood": True}, "flood", FloodLimits()),
        ({"flood": {"max_messages": 10}}, "flood", FloodLimits(max_messages=10)),
    ],
)
def test_switches(moderation: dict[str, Any], field: str, expected: object) -> None:
    assert getattr(overrides(PROJECT, **moderation), field) == expected


@pytest.mark.parametrize(
    "moderation",
    [
        {"enabled": "no"},
        {"categories": ["porn", "spam"]},
        {"categories": "porn"},
        {"ads": 0},
        {"private_data": ["passport"]},
        {"max_file_mb": -1},
        {"max_voice_s": True},
        {"news_quota_per_day": 2.5},
        {"ladder": []},
        {"ladder": ["warn", "mute"]},  # a mute needs a duration
        {"ladder": ["kick:1h"]},  # a kick cannot have one
        {"ladder": ["mute:400d"]},
        {"ladder": ["slap"]},
        {"ladder_window_days": 0},
        {"exempt_user_ids": ["11"]},
        {"advertisers": [True]},
        {"allowed_domains": "example.com"},
        {"unknown_key": 1},
    ],
)
def test_bad_values_are_ignored(moderation: dict[str, Any]) -> None:
    assert overrides(STUDENT_SERVICE, **moderation) == ModerationPolicy.for_kind(STUDENT_SERVICE)


def test_bad_flood_fields_keep_their_defaults() -> None:
    policy = overrides(PROJECT, flood={"max_messages": 0, "per_seconds": "x", "repeat_limit": 2})
    assert policy.flood == FloodLimits(repeat_limit=2)


@pytest.mark.parametrize(
    ("step", "valid"),
    [
        ("warn", True),
        ("kick", True),
        ("ban", True),
        ("ban:7d", True),
        ("mute:1h", True),
        ("MUTE:30m", True),
        ("mute:1小时", True),
        ("mute", False),
        ("warn:1h", False),
        ("mute:0m", False),
        ("mute:soon", False),
    ],
)
def test_ladder_steps(step: str, valid: bool) -> None:
    assert is_valid_ladder_step(step) is valid


def test_block_words_come_in_with_the_lexicon_changes() -> None:
    policy = ModerationPolicy().with_lexicon(
        {"fraud": ["代写论文", "代写论文"], "unknown": ["x"]}, {"gambling": ["六合彩"]}
    )
    assert policy.lexicon_add == (("fraud", ("代写论文",)),)
    assert policy.lexicon_remove == (("gambling", ("六合彩",)),)
    assert hash(policy) == hash(
        ModerationPolicy().with_lexicon({"fraud": ["代写论文"]}, {"gambling": ["六合彩"]})
    )


@pytest.mark.parametrize(
    ("pasted", "domain"),
    [
        ("https://www.Example.com/path?q=1", "example.com"),
        ("docs.example.com:8443", "docs.example.com"),
        ("example.com.", "example.com"),
        ("  ", ""),
    ],
)
def test_clean_domain(pasted: str, domain: str) -> None:
    assert clean_domain(pasted) == domain
