"""The moderation settings: /settings' nested "moderation" section and the /modlist lists, and
that whatever they store is what ModerationPolicy reads."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from organizer.database import unit_of_work
from organizer.models import Group
from organizer.moderation.media import MediaLimits
from organizer.moderation.policy import (
    _READERS,
    DEFAULT_LADDER,
    IDENTITY_AND_CARD,
    STUDENT_SERVICE,
    ModerationPolicy,
)
from organizer.moderation.private_data import KINDS
from organizer.services import group_settings, groups, moderation_settings, users
from organizer.services.group_settings import SettingError
from organizer.services.moderation_settings import ModListError
from organizer.services.users import TelegramProfile

GROUP = -100888
BASE = ModerationPolicy()
MODERATION_SETTINGS = [s for s in group_settings.SETTINGS.values() if s.section == "moderation"]
POLICY_FIELDS: dict[str, Callable[[ModerationPolicy], Any]] = {
    "moderation": lambda p: p.enabled,
    "ad_check": lambda p: p.check_ads,
    "channel_forwards_allowed": lambda p: p.allow_channel_forwards,
    "news_quota": lambda p: p.news_quota_per_day,
    "max_file_mb": lambda p: p.media.max_file_mb,
    "max_video_mb": lambda p: p.media.max_video_mb,
    "max_voice_s": lambda p: p.media.max_voice_s,
    "warning_days": lambda p: p.ladder_window_days,
    "admins_exempt": lambda p: p.exempt_admins,
}
# (setting, value set) → the policy it must produce, from the defaults of a project group.
EFFECTS: list[tuple[str, Any, ModerationPolicy]] = [
    ("moderation", False, replace(BASE, enabled=False)),
    ("ad_check", False, replace(BASE, check_ads=False)),
    ("channel_forwards_allowed", True, replace(BASE, allow_channel_forwards=True)),
    ("private_data_check", True, replace(BASE, private_data=KINDS)),
    ("private_data_check", False, replace(BASE, private_data=frozenset())),
    ("news_quota", 0, replace(BASE, news_quota_per_day=0)),
    ("news_quota", 50, replace(BASE, news_quota_per_day=50)),
    ("max_file_mb", 100, replace(BASE, media=MediaLimits(max_file_mb=100))),
    ("max_video_mb", 0, replace(BASE, media=MediaLimits(max_video_mb=0))),
    ("max_voice_s", 3600, replace(BASE, media=MediaLimits(max_voice_s=3600))),
    ("warning_days", 365, replace(BASE, ladder_window_days=365)),
    ("admins_exempt", False, replace(BASE, exempt_admins=False)),
]


async def _group(session, clock, kind: str | None = None) -> None:
    await groups.register(
        session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
        default_language="zh", now=clock.now(),
    )  # fmt: skip
    if kind:
        await groups.configure(session, GROUP, kind=kind, now=clock.now())


async def _settings(session) -> dict[str, Any]:
    group = await groups.get(session, GROUP)
    assert group is not None
    return group.settings


def test_every_moderation_setting_has_an_effect_listed() -> None:
    assert {name for name, _, _ in EFFECTS} == {s.name for s in MODERATION_SETTINGS}
    assert all(s.path[0] == "moderation" for s in MODERATION_SETTINGS)


@pytest.mark.parametrize("setting", MODERATION_SETTINGS, ids=lambda s: s.name)
def test_every_allowed_value_is_accepted_by_the_policys_reader(
    setting: group_settings.Setting,
) -> None:
    """/settings and the pipeline agree: the limits and on/off that /settings accepts are each
    taken by the policy's reader for that key, none dropped as invalid."""
    reader = _READERS[setting.path[1]]
    values: list[Any] = [True, False] if setting.is_bool else [setting.minimum, setting.maximum]
    for value in values:
        assert group_settings.view(
            {"moderation": {setting.path[1]: value}}, setting.name
        ).value == (value)
        assert reader(value, BASE) is not None, (setting.name, value)


@pytest.mark.parametrize("setting", MODERATION_SETTINGS, ids=lambda s: s.name)
def test_defaults_are_the_policys(setting: group_settings.Setting) -> None:
    if setting.by_kind:
        return  # private_data_check: see test_private_data_check_unset_follows_the_group_kind
    assert POLICY_FIELDS[setting.name](BASE) == setting.default


# Ids from the setting and value only: a policy's repr holds frozensets, whose order changes
# from process to process (and pytest-xdist needs every worker to collect the same ids).
@pytest.mark.parametrize(
    ("name", "value", "expected"), EFFECTS, ids=[f"{name}-{value}" for name, value, _ in EFFECTS]
)
async def test_set_value_changes_the_policy(session, clock, name, value, expected) -> None:
    await _group(session, clock)
    await group_settings.set_value(session, GROUP, name, value, now=clock.now())
    settings = await _settings(session)
    assert ModerationPolicy.from_settings("project", settings) == expected
    await group_settings.reset(session, GROUP, name, now=clock.now())
    settings = await _settings(session)
    assert settings == {"moderation": {}}  # the emptied dict stays: the policy reads no overrides
    assert ModerationPolicy.from_settings("project", settings) == BASE


async def test_nested_settings_keep_each_other_and_the_lists(session, clock) -> None:
    await _group(session, clock)
    now = clock.now()
    await group_settings.set_value(session, GROUP, "inactive_days", 10, now=now)
    await moderation_settings.add_domain(session, GROUP, "example.com", now=now)
    await group_settings.set_value(session, GROUP, "news_quota", 5, now=now)
    await group_settings.set_value(session, GROUP, "ad_check", False, now=now)
    await group_settings.reset(session, GROUP, "news_quota", now=now)
    assert await _settings(session) == {
        "inactive_days": 10,
        "moderation": {"allowed_domains": ["example.com"], "ads": False},
    }


def test_private_data_check_unset_follows_the_group_kind() -> None:
    view = group_settings.view({}, "private_data_check")
    assert (view.value, view.default, view.is_default, view.inherits) == (None, None, True, None)
    assert ModerationPolicy.from_settings(None, {}).private_data == IDENTITY_AND_CARD
    assert ModerationPolicy.from_settings(STUDENT_SERVICE, {}).private_data == KINDS
    # On/off override the kind either way.
    on, off = {"moderation": {"private_data": True}}, {"moderation": {"private_data": False}}
    assert ModerationPolicy.from_settings("project", on).private_data == KINDS
    assert ModerationPolicy.from_settings(STUDENT_SERVICE, off).private_data == frozenset()
    with pytest.raises(LookupError):
        group_settings.effective({}, "private_data_check")


@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        ("news_quota", "51", "settings-error-range"),
        ("news_quota", "-1", "settings-error-range"),
        ("max_file_mb", "2001", "settings-error-range"),
        ("max_voice_s", "1.5", "settings-error-not-int"),
        ("warning_days", "0", "settings-error-range"),
        ("question_raise_hours", "169", "settings-error-range"),
        ("question_raise_hours", "0", "settings-error-range"),
        ("private_data_check", "maybe", "settings-error-not-bool"),
        ("moderation", "2", "settings-error-not-bool"),
    ],
)
def test_parse_rejects_out_of_range(name: str, text: str, key: str) -> None:
    with pytest.raises(SettingError) as raised:
        group_settings.parse(name, text)
    assert raised.value.key == key


def test_stored_values_of_the_wrong_shape_are_ignored() -> None:
    for settings in ({"moderation": "off"}, {"moderation": {"ads": "no"}}, {"ads": False}):
        assert group_settings.view(settings, "ad_check").is_default
    assert group_settings.view({"moderation": {"max_file_mb": 2.5}}, "max_file_mb").value == 20


def test_question_raise_hours() -> None:
    assert group_settings.question_raise_hours({}) == 4
    assert group_settings.question_raise_hours({"question_raise_hours": 48}) == 48
    assert group_settings.question_raise_hours({"question_raise_hours": 0}) == 4
    assert group_settings.parse("question_raise_hours", "168") == 168


# /modlist's lists


async def test_domains(session, clock) -> None:
    await _group(session, clock)
    now = clock.now()
    assert await moderation_settings.add_domain(
        session, GROUP, "HTTPS://www.Foo.org/a", now=now
    ) == ("foo.org")
    await moderation_settings.add_domain(session, GROUP, "bar.net", now=now)
    for text, key in [
        ("foo.org", "modset-domain-already"),
        ("x.foo.org", "modset-domain-already"),
        ("edu.cn", "modset-domain-default"),
        ("www.tsinghua.edu.cn", "modset-domain-default"),
        ("localhost", "modset-bad-domain"),
        ("-bad.com", "modset-bad-domain"),
        ("1.2.3.4", "modset-bad-domain"),
        ("", "modset-bad-domain"),
    ]:
        with pytest.raises(ModListError) as raised:
            await moderation_settings.add_domain(session, GROUP, text, now=now)
        assert raised.value.key == key, text
    assert await moderation_settings.remove_domain(session, GROUP, "foo.org", now=now) == "foo.org"
    for text, key in [
        ("foo.org", "modset-domain-not-listed"),
        ("gov.cn", "modset-domain-is-default"),
    ]:
        with pytest.raises(ModListError) as raised:
            await moderation_settings.remove_domain(session, GROUP, text, now=now)
        assert raised.value.key == key
    settings = await _settings(session)
    assert settings["moderation"] == {"allowed_domains": ["bar.net"]}
    lists = moderation_settings.read(settings)
    assert lists.domains == ("bar.net",) and "gov.cn" in lists.default_domains
    assert "bar.net" in ModerationPolicy.from_settings(None, settings).allowed_domains


async def test_member_lists(session, clock) -> None:
    await _group(session, clock)
    now = clock.now()
    set_member = moderation_settings.set_member
    assert await set_member(session, GROUP, "exempt", 7, True, now=now)
    assert not await set_member(session, GROUP, "exempt", 7, True, now=now)
    assert await set_member(session, GROUP, "exempt", 3, True, now=now)
    assert await set_member(session, GROUP, "advertisers", 7, True, now=now)
    assert await set_member(session, GROUP, "exempt", 7, False, now=now)
    assert not await set_member(session, GROUP, "advertisers", 9, False, now=now)
    settings = await _settings(session)
    assert settings["moderation"] == {"exempt_user_ids": [3], "advertisers": [7]}
    policy = ModerationPolicy.from_settings(None, settings)
    assert (policy.exempt_user_ids, policy.advertisers) == ({3}, {7})
    lists = moderation_settings.read(settings)
    assert (lists.exempt, lists.advertisers) == ((3,), (7,))


async def test_a_hand_written_list_the_policy_ignores_is_replaced(session, clock) -> None:
    await _group(session, clock)
    group = await session.get(Group, GROUP)
    group.settings = {"moderation": {"exempt_user_ids": ["x"], "allowed_domains": "a.com"}}
    await session.flush()
    assert moderation_settings.read(await _settings(session)).exempt == ()
    await moderation_settings.set_member(session, GROUP, "exempt", 5, True, now=clock.now())
    await moderation_settings.add_domain(session, GROUP, "b.com", now=clock.now())
    assert (await _settings(session))["moderation"] == {
        "exempt_user_ids": [5], "allowed_domains": ["b.com"],
    }  # fmt: skip


async def test_ladder(session, clock) -> None:
    await _group(session, clock)
    now = clock.now()
    ladder = await moderation_settings.set_ladder(
        session, GROUP, ["Warn", "mute:2h", "ban:30d"], now=now
    )
    assert ladder == ("warn", "mute:2h", "ban:30d")
    settings = await _settings(session)
    assert settings["moderation"] == {"ladder": ["warn", "mute:2h", "ban:30d"]}
    assert ModerationPolicy.from_settings(None, settings).ladder == ladder
    assert not moderation_settings.read(settings).ladder_is_default
    for steps, key in [
        ([], "modset-ladder-empty"),
        (["warn", "mute"], "modset-ladder-bad-step"),
        (["kick:1h"], "modset-ladder-bad-step"),
        (["mute:30s"], "modset-ladder-bad-step"),
        (["warn"] * 11, "modset-ladder-too-long"),
    ]:
        with pytest.raises(ModListError) as raised:
            await moderation_settings.set_ladder(session, GROUP, steps, now=now)
        assert raised.value.key == key
    assert await moderation_settings.set_ladder(session, GROUP, None, now=now) == DEFAULT_LADDER
    assert (await _settings(session))["moderation"] == {}


async def test_unknown_group(session, clock) -> None:
    with pytest.raises(LookupError):
        await moderation_settings.set_ladder(session, -1, None, now=clock.now())


async def test_resolve_member(session, clock) -> None:
    now = clock.now()
    await users.mark_started(
        session, TelegramProfile(id=41, first_name="Li", username="li_wei"), now=now
    )
    resolve = moderation_settings.resolve_member
    assert await resolve(session, "@LI_WEI") == moderation_settings.Member(41, "Li (@li_wei)")
    assert await resolve(session, "li_wei") == moderation_settings.Member(41, "Li (@li_wei)")
    assert await resolve(session, "41") == moderation_settings.Member(41, "Li (@li_wei)")
    assert await resolve(session, "99") == moderation_settings.Member(99, "99")
    for text, key in [("@nobody", "modset-unknown-username"), ("-5", "modset-bad-user"),
                      ("0", "modset-bad-user"), ("a b", "modset-bad-user")]:  # fmt: skip
        with pytest.raises(ModListError) as raised:
            await resolve(session, text)
        assert raised.value.key == key, text


async def test_concurrent_list_changes_are_not_lost(session_factory, clock) -> None:
    """The second writer waits for the first one's commit and then sees its change."""
    async with unit_of_work(session_factory) as session:
        await _group(session, clock)
    now = clock.now()
    async with session_factory() as first, session_factory() as second:
        await moderation_settings.set_member(first, GROUP, "exempt", 1, True, now=now)
        waiting = asyncio.create_task(
            group_settings.set_value(second, GROUP, "ad_check", False, now=now)
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()  # blocked on the row lock held by `first`
        await first.commit()
        await asyncio.wait_for(waiting, timeout=20)
        await second.commit()
    async with session_factory() as session:
        assert (await _settings(session))["moderation"] == {"exempt_user_ids": [1], "ads": False}
