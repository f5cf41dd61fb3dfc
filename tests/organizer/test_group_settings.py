"""The /settings registry: parsing typed values, reading stored ones, writing under a lock."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from organizer.database import unit_of_work
from organizer.i18n import Catalogue
from organizer.services import group_settings, groups
from organizer.services.group_settings import SettingError
from tests import ftl

GROUP = -100777


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("join_escalate_hours", "12", 12),
        ("join_escalate_hours", " 720 ", 720),
        ("join_escalate_hours", "1", 1),
        ("JOIN-ESCALATE-HOURS", "+5", 5),  # case and dashes forgiven
        ("join_decline_hours_student", "96", 96),
        ("welcome_timeout_hours", "168", 168),
        ("inactive_days", "0", 0),  # 0 turns the sweep off
        ("inactive_grace_days", "90", 90),
        ("inactive_auto_remove", "on", True),
        ("digest_every_days", "7", 7),  # weekly, on Mondays
        ("digest_every_days", "0", 0),  # no digest
        ("inactive_auto_remove", "OFF", False),
        ("returning_skip_approval", "true", True),
        ("returning_skip_approval", "False", False),
        ("require_join_request", "yes", True),
        ("require_join_request", "no", False),
        ("clean_join_messages", "1", True),
        ("clean_join_messages", "0", False),
        ("publish_without_approval", "开", True),
        ("publish_without_approval", "关", False),
        ("publish_without_approval", "开启", True),
        ("publish_without_approval", "关闭", False),
        ("publish_without_approval", "是", True),
        ("publish_without_approval", "否", False),
        ("inactive_days", "default", None),  # reset
        ("clean_join_messages", "默认", None),
        ("join_escalate_hours_partner", "DEFAULT", None),
    ],
)
def test_parse_accepts(name: str, text: str, expected: Any) -> None:
    parsed = group_settings.parse(name, text)
    assert parsed == expected and type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("name", "text", "key", "params"),
    [
        ("join_escalate_hours", "0", "settings-error-range", {"min": 1, "max": 720}),
        ("join_escalate_hours", "721", "settings-error-range", {"min": 1, "max": 720}),
        ("join_decline_hours_employee", "-3", "settings-error-range", {"min": 1, "max": 720}),
        ("welcome_timeout_hours", "169", "settings-error-range", {"min": 1, "max": 168}),
        ("inactive_days", "366", "settings-error-range", {"min": 0, "max": 365}),
        ("inactive_grace_days", "0", "settings-error-range", {"min": 1, "max": 90}),
        ("digest_every_days", "8", "settings-error-range", {"min": 0, "max": 7}),
        ("inactive_days", "ten", "settings-error-not-int", {"value": "ten"}),
        ("inactive_days", "1.5", "settings-error-not-int", {"value": "1.5"}),
        ("inactive_days", "1_0", "settings-error-not-int", {"value": "1_0"}),
        ("inactive_days", "on", "settings-error-not-int", {"value": "on"}),
        ("inactive_auto_remove", "maybe", "settings-error-not-bool", {"value": "maybe"}),
        ("inactive_auto_remove", "2", "settings-error-not-bool", {"value": "2"}),
        ("clean_join_messages", "", "settings-error-not-bool", {"value": ""}),
    ],
)
def test_parse_rejects(name: str, text: str, key: str, params: dict[str, Any]) -> None:
    with pytest.raises(SettingError) as raised:
        group_settings.parse(name, text)
    assert raised.value.key == key
    assert raised.value.params["name"] == group_settings.lookup(name).name
    assert params.items() <= raised.value.params.items()


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("join_escalate_hour", "join_escalate_hours"),
        ("inactiv_days", "inactive_days"),
        ("welcome_timeout", "welcome_timeout_hours"),
        ("escalate", "join_escalate_hours"),
        ("clean_join_message", "clean_join_messages"),
    ],
)
def test_unknown_name_suggests_the_closest(typed: str, suggested: str) -> None:
    with pytest.raises(SettingError) as raised:
        group_settings.parse(typed, "1")
    assert raised.value.key == "settings-error-unknown-suggest"
    assert raised.value.params["name"] == typed
    suggestions = raised.value.params["suggestions"].split(", ")
    assert suggestions[0] == suggested and len(suggestions) <= 3


def test_unknown_name_without_anything_close() -> None:
    with pytest.raises(SettingError) as raised:
        group_settings.lookup("zz")
    assert (raised.value.key, raised.value.params) == ("settings-error-unknown", {"name": "zz"})


def test_describe_shows_defaults_stored_values_and_inheritance() -> None:
    stored = {
        "join_escalate_hours": 12,
        "join_decline_hours_student": 200,
        "inactive_auto_remove": True,
        "welcome_timeout_hours": 999,  # out of range, written by hand: ignored
        "clean_join_messages": "yes",  # wrong type: ignored
        "inactive_review": {"id": 1},  # not a /settings setting: not listed
    }
    views = {view.name: view for view in group_settings.describe(stored)}
    assert list(views) == list(group_settings.SETTINGS)
    assert {view.section for view in views.values()} == set(group_settings.SECTIONS)

    def shown(name: str) -> tuple[Any, Any, bool, str | None]:
        view = views[name]
        return view.value, view.default, view.is_default, view.inherits

    assert shown("join_escalate_hours") == (12, 24, False, None)
    assert shown("join_escalate_hours_employee") == (12, None, True, "join_escalate_hours")
    assert shown("join_decline_hours_student") == (200, None, False, "join_decline_hours")
    assert shown("join_decline_hours_partner") == (72, None, True, "join_decline_hours")
    assert shown("inactive_auto_remove") == (True, False, False, None)
    assert shown("welcome_timeout_hours") == (24, 24, True, None)
    assert views["clean_join_messages"].value is True
    assert views["publish_without_approval"].value is True
    assert views["inactive_days"].value == 30 and views["inactive_grace_days"].value == 7
    assert views["digest_every_days"].value == 1  # daily unless changed


@pytest.mark.parametrize(
    ("settings", "member_type", "expected"),
    [
        ({}, "employee", (24, 72)),
        ({}, "unknown", (24, 72)),
        ({"join_escalate_hours": 6, "join_decline_hours": 48}, "partner", (6, 48)),
        ({"join_escalate_hours_student": 2}, "student", (2, 72)),
        ({"join_escalate_hours_student": 2}, "employee", (24, 72)),
        ({"join_decline_hours_partner": 10, "join_decline_hours": 30}, "partner", (24, 24)),
        ({"join_escalate_hours": 100}, "employee", (100, 100)),  # decline never before escalate
        ({"join_escalate_hours_employee": 5}, "unknown", (24, 72)),
        ({"join_escalate_hours": True, "join_decline_hours": 0}, "student", (24, 72)),
    ],
)
def test_join_deadline_hours(
    settings: dict[str, Any], member_type: str, expected: tuple[int, int]
) -> None:
    assert group_settings.join_deadline_hours(settings, member_type) == expected


def test_every_setting_has_a_description_in_both_languages() -> None:
    catalogue = Catalogue()
    for lang in ("zh", "en"):
        for name in group_settings.SETTINGS:
            assert catalogue.has(lang, f"settings-desc-{name}"), (lang, name)
        for section in group_settings.SECTIONS:
            assert catalogue.has(lang, f"settings-section-{section}"), (lang, section)


def test_settings_texts_are_all_there() -> None:
    # zh/en parity of every file: tests/organizer/test_i18n.py
    assert len(ftl.variables("zh", "settings.ftl")) > 30


async def _group(session_factory, clock, **settings: Any) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        if settings:
            for name, value in settings.items():
                await group_settings.set_value(session, GROUP, name, value, now=clock.now())


async def _stored(session_factory) -> dict[str, Any]:
    async with session_factory() as session:
        group = await groups.get(session, GROUP)
    assert group is not None
    return group.settings


async def test_set_value_and_reset_store_and_remove_the_key(session_factory, clock) -> None:
    await _group(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        view = await group_settings.set_value(session, GROUP, "inactive_days", 0, now=clock.now())
        assert (view.name, view.value, view.is_default) == ("inactive_days", 0, False)
        await group_settings.set_value(
            session, GROUP, "Inactive-Auto-Remove", True, now=clock.now()
        )
    assert await _stored(session_factory) == {"inactive_days": 0, "inactive_auto_remove": True}
    async with unit_of_work(session_factory) as session:
        view = await group_settings.reset(session, GROUP, "inactive_days", now=clock.now())
        assert (view.value, view.is_default) == (30, True)
        # Resetting what is not set is harmless.
        await group_settings.reset(session, GROUP, "join_decline_hours_partner", now=clock.now())
    assert await _stored(session_factory) == {"inactive_auto_remove": True}


async def test_set_value_keeps_other_keys_and_rejects_bad_values(session_factory, clock) -> None:
    await _group(session_factory, clock, require_join_request=True)
    async with unit_of_work(session_factory) as session:
        await group_settings.set_value(
            session, GROUP, "join_escalate_hours_student", 3, now=clock.now()
        )
        for name, bad, key in [
            ("join_escalate_hours", 0, "settings-error-range"),
            ("join_escalate_hours", True, "settings-error-range"),
            ("clean_join_messages", 1, "settings-error-not-bool"),
            ("no_such_setting", 1, "settings-error-unknown"),
        ]:
            with pytest.raises(SettingError) as raised:
                await group_settings.set_value(session, GROUP, name, bad, now=clock.now())
            assert raised.value.key == key
        with pytest.raises(LookupError):
            await group_settings.set_value(session, -1, "inactive_days", 3, now=clock.now())
    stored = await _stored(session_factory)
    assert stored == {"require_join_request": True, "join_escalate_hours_student": 3}
    assert group_settings.join_deadline_hours(stored, "student") == (3, 72)


async def test_a_concurrent_settings_write_is_not_lost(session_factory, clock) -> None:
    """The second writer waits for the first one's commit and then sees its change."""
    await _group(session_factory, clock)
    async with session_factory() as first, session_factory() as second:
        await group_settings.set_value(first, GROUP, "inactive_days", 10, now=clock.now())
        waiting = asyncio.create_task(
            group_settings.set_value(second, GROUP, "clean_join_messages", False, now=clock.now())
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()  # blocked on the row lock held by `first`
        await first.commit()
        await asyncio.wait_for(waiting, timeout=20)
        await second.commit()
    assert await _stored(session_factory) == {"inactive_days": 10, "clean_join_messages": False}
