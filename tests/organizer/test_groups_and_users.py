from datetime import timedelta

import pytest

from organizer.i18n import Catalogue
from organizer.models import GroupKind
from organizer.services import groups, users
from organizer.services.groups import InvalidChoice
from organizer.services.users import TelegramProfile

GROUP = -1001234


async def _register(session, clock):
    return await groups.register(
        session, chat_id=GROUP, title="项目一组", default_timezone="Asia/Shanghai",
        default_language="zh", now=clock.now(),
    )  # fmt: skip


async def test_register_is_idempotent_and_refreshes_title(session, clock) -> None:
    first = await _register(session, clock)
    assert first.kind is None and not first.is_set_up and first.timezone == "Asia/Shanghai"
    await groups.mark_bot_removed(session, GROUP, now=clock.now())
    again = await groups.register(
        session, chat_id=GROUP, title="新名字", default_timezone="UTC", default_language="en",
        now=clock.now(),
    )  # fmt: skip
    assert again.title == "新名字" and again.bot_is_member
    assert again.timezone == "Asia/Shanghai"  # an existing group keeps its settings


async def test_configure_validates_every_value(session, clock) -> None:
    await _register(session, clock)
    for bad in ({"kind": "party"}, {"timezone": "Mars/Base"}, {"language": "fr"}):
        with pytest.raises(InvalidChoice):
            await groups.configure(session, GROUP, now=clock.now(), **bad)
    info = await groups.configure(
        session, GROUP, kind="student_service", timezone=" Europe/Berlin ", language="en",
        now=clock.now(),
    )  # fmt: skip
    assert (info.kind, info.timezone, info.language) == (
        GroupKind.STUDENT_SERVICE, "Europe/Berlin", "en",
    )  # fmt: skip
    done = await groups.complete_setup(session, GROUP, now=clock.now())
    assert done.setup_completed_at == clock.now()
    with pytest.raises(LookupError):
        await groups.configure(session, -1, kind="project", now=clock.now())


async def test_rules_default_to_the_charter_in_the_groups_language(session, clock) -> None:
    group = await _register(session, clock)
    catalogue = Catalogue()
    zh = groups.rules_text(group, catalogue.for_language("zh"))
    en = groups.rules_text(group, catalogue.for_language("en"))
    assert "项目一组" in zh and "合法性" in zh and "恶意刷屏" in zh
    assert "Lawful" in en and "Flooding" in en
    assert "公司默认版本" in groups.rules_text(None, catalogue.for_language("zh"))


async def test_user_reachability_lifecycle(session, clock) -> None:
    alice = TelegramProfile(id=42, first_name="Alice", username="alice", language_code="en-GB")
    info = await users.remember(session, alice, now=clock.now())
    assert not info.can_message_privately and info.language_or("zh") == "en"
    info = await users.mark_started(session, alice, now=clock.now())
    assert info.can_message_privately
    clock.advance(timedelta(hours=1))
    await users.mark_private_unreachable(session, 42, now=clock.now())
    info = await users.get(session, 42)
    assert info is not None and not info.can_message_privately
    assert info.private_unreachable_since == clock.now()
    info = await users.mark_started(session, alice, now=clock.now())  # wrote to the bot again
    assert info.can_message_privately


async def test_chosen_language_wins_over_telegrams(session, clock) -> None:
    await users.remember(
        session, TelegramProfile(id=7, first_name="B", language_code="en"), now=clock.now()
    )
    await users.set_language(session, 7, "zh", now=clock.now())
    info = await users.get(session, 7)
    assert info is not None and info.language_or("en") == "zh"
    with pytest.raises(ValueError, match="unsupported"):
        await users.set_language(session, 7, "de", now=clock.now())
