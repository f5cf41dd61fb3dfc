"""Arrival, welcome, acceptance and leaving through the real dispatcher."""

from __future__ import annotations

from typing import Any

from aiogram.types import ChatMemberRestricted

from handlers.welcome.callbacks import WelcomeAccept
from organizer.models import MemberStatus
from organizer.services import groups, scheduled_actions, welcome
from tests.handlers.conftest import GROUP_ID, Harness, user_json

NEWCOMER = 61
OTHER = 62
CHAT = {"id": GROUP_ID, "type": "supergroup", "title": "项目一组"}


def _script(harness: Harness) -> None:
    for name in ("RestrictChatMember", "BanChatMember", "UnbanChatMember"):
        harness.session.answers[name] = True


async def _group(session_factory, clock, **settings: Any) -> None:
    async with session_factory() as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        if settings:
            from organizer.models import Group

            group = await session.get(Group, GROUP_ID)
            assert group is not None
            group.settings = settings
        await session.commit()


def member_json(status: str, user_id: int) -> dict[str, Any]:
    value: dict[str, Any] = {"status": status, "user": user_json(user_id, "Newbie")}
    if status == "restricted":
        rights = [f for f in ChatMemberRestricted.model_fields if f.startswith("can_")]
        value.update(dict.fromkeys(rights, False), is_member=True, until_date=0)
    return value


async def chat_member(
    harness: Harness, user_id: int, old: str, new: str, *, by: int | None = None, **extra: Any
) -> None:
    await harness.feed({
        "chat_member": {
            "chat": CHAT, "from": user_json(by or user_id), "date": 1767225600,
            "old_chat_member": member_json(old, user_id),
            "new_chat_member": member_json(new, user_id),
            **extra,
        }
    })  # fmt: skip


async def _membership(session_factory, user_id: int = NEWCOMER):
    async with session_factory() as session:
        return await welcome.membership(session, GROUP_ID, user_id)


async def test_arrival_restricts_and_welcomes_then_only_the_newcomer_can_accept(
    harness, session_factory, clock
) -> None:
    _script(harness)
    await _group(session_factory, clock)
    link = {"invite_link": "https://t.me/+abc", "creator": user_json(1), "creates_join_request":
            False, "is_primary": False, "is_revoked": False}  # fmt: skip
    await chat_member(harness, NEWCOMER, "left", "member", invite_link=link)
    [restrict] = harness.session.called("RestrictChatMember")
    assert restrict.user_id == NEWCOMER and restrict.permissions.can_send_messages is False
    [welcome_msg] = harness.messenger.sent
    assert welcome_msg.chat_id == GROUP_ID and "欢迎加入「项目一组」" in welcome_msg.text
    assert 'href="tg://user?id=61"' in welcome_msg.text and "24 小时" in welcome_msg.text
    [[button]] = welcome_msg.keyboard
    assert button.text == "✅ 我已阅读并同意"
    assert button.callback_data == WelcomeAccept(user_id=NEWCOMER).pack()
    row = await _membership(session_factory)
    assert row.joined_via == "link" and row.status == MemberStatus.RESTRICTED
    welcome_id = row.welcome_message_id
    # The join service message arrives too: no second welcome.
    await harness.feed({
        "message": {
            "message_id": 3000, "date": 1767225600, "chat": CHAT, "from": user_json(NEWCOMER),
            "new_chat_members": [user_json(NEWCOMER, "Newbie")],
        }
    })  # fmt: skip
    assert len(harness.messenger.sent) == 1
    # Someone else presses: refused politely, nothing recorded.
    await harness.press(button.callback_data, user_id=OTHER, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "这个按钮只对刚加入的那位成员有效，您无需点击。"
    assert (await _membership(session_factory)).rules_version_accepted == 0
    # The newcomer accepts.
    clock.advance(minutes=5)
    await harness.press(
        button.callback_data, user_id=NEWCOMER, chat_id=GROUP_ID, message_id=welcome_id
    )
    assert harness.alerts()[-1] == "谢谢！您已同意群规，现在可以发言了。"
    lift = harness.session.called("RestrictChatMember")[-1]
    assert lift.user_id == NEWCOMER and lift.permissions.can_send_messages is True
    assert harness.messenger.deleted == [(GROUP_ID, welcome_id), (GROUP_ID, 3000)]
    row = await _membership(session_factory)
    assert row.rules_version_accepted == 1 and row.rules_accepted_at == clock.now()
    assert row.status == MemberStatus.ACTIVE
    async with session_factory() as session:
        assert await scheduled_actions.pending(session, kind=welcome.WELCOME_EXPIRE) == []
    # Pressing again: nothing pending.
    await harness.press(button.callback_data, user_id=NEWCOMER, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "您已同意过群规，无需再次确认。"


async def test_added_member_via_service_message_and_join_message_kept_when_not_cleaning(
    harness, session_factory, clock
) -> None:
    _script(harness)
    await _group(session_factory, clock, clean_join_messages=False, welcome_timeout_hours=2)
    await harness.feed({
        "message": {
            "message_id": 3100, "date": 1767225600, "chat": CHAT, "from": user_json(OTHER),
            "new_chat_members": [user_json(NEWCOMER, "Newbie")],
        }
    })  # fmt: skip
    assert "2 小时" in harness.messenger.sent[-1].text
    row = await _membership(session_factory)
    assert row.joined_via == "added"
    async with session_factory() as session:
        [action] = await scheduled_actions.pending(session, kind=welcome.WELCOME_EXPIRE)
    assert action.payload["join_message_id"] == 3100
    await harness.press(WelcomeAccept(user_id=NEWCOMER).pack(), user_id=NEWCOMER, chat_id=GROUP_ID)
    assert harness.messenger.deleted == [(GROUP_ID, row.welcome_message_id)]


async def test_joined_via_values(harness, session_factory, clock) -> None:
    _script(harness)
    await _group(session_factory, clock)
    await chat_member(harness, 71, "left", "member", by=OTHER)
    await chat_member(harness, 72, "left", "member")
    await chat_member(harness, 73, "left", "member", via_join_request=True)
    vias = [(await _membership(session_factory, uid)).joined_via for uid in (71, 72, 73)]
    assert vias == ["added", "unknown", "request"]


async def test_leave_is_recorded_and_history_kept(harness, session_factory, clock) -> None:
    _script(harness)
    await _group(session_factory, clock)
    await chat_member(harness, NEWCOMER, "left", "member")
    welcome_id = (await _membership(session_factory)).welcome_message_id
    clock.advance(hours=1)
    await chat_member(harness, NEWCOMER, "restricted", "left")
    row = await _membership(session_factory)
    assert row.status == MemberStatus.LEFT and row.left_at == clock.now()
    assert row.joined_at is not None and row.joined_via == "unknown"
    assert harness.messenger.deleted == [(GROUP_ID, welcome_id)]
    async with session_factory() as session:
        assert await scheduled_actions.pending(session, kind=welcome.WELCOME_EXPIRE) == []
    # A direct re-add gets the welcome again.
    await chat_member(harness, NEWCOMER, "left", "member", by=OTHER)
    assert len(harness.messenger.sent) == 2
    assert (await _membership(session_factory)).joined_via == "added"
