"""/setlog: buttons per administered group in the log chat, "All groups" for org admins, off."""

from __future__ import annotations

from sqlalchemy import select

from handlers.moderation_admin.callbacks import SetLogChoice
from organizer.models.moderation import AuditEntry
from organizer.services import admin_log
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN
from tests.handlers.moderation_admin.conftest import ADA, BOB, LOG_CHAT, press, send


async def _destination(session_factory, group_id: int | None) -> int | None:
    async with session_factory() as session:
        return await admin_log.destination(session, group_id)


async def test_group_admin_points_their_group_here(harness, session_factory) -> None:
    await send(harness, "/setlog", user_id=ADA.id, chat_id=LOG_CHAT)
    [prompt] = harness.messenger.sent
    assert prompt.chat_id == LOG_CHAT and prompt.text.startswith("请选择要把哪个群的管理日志")
    assert [[b.text for b in row] for row in prompt.keyboard] == [["项目一组"]]
    data = prompt.keyboard[0][0].callback_data
    await press(harness, data, user_id=BOB.id, chat_id=LOG_CHAT, message_id=1001)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await press(harness, data, user_id=ADA.id, chat_id=LOG_CHAT, message_id=1001)
    assert await _destination(session_factory, GROUP_ID) == LOG_CHAT
    assert harness.messenger.texts_to(LOG_CHAT)[-1] == "✅ 今后「项目一组」的管理日志将发送到这里。"
    async with session_factory() as session:
        [entry] = await session.scalars(select(AuditEntry))
    assert (entry.action, entry.group_id) == ("setlog", GROUP_ID)
    assert entry.details["chat_id"] == LOG_CHAT
    # Cards now go there, not to the admins privately.
    await send(harness, "/warn", user_id=ADA.id, reply_to=(555, BOB.id, "x"))
    assert "已警告 Bob" in harness.messenger.texts_to(LOG_CHAT)[-1]
    assert harness.messenger.texts_to(ADA.id) == []


async def test_org_admin_sets_the_organisation_log(harness, session_factory) -> None:
    await send(harness, "/setlog", user_id=ORG_ADMIN, chat_id=LOG_CHAT)
    [prompt] = harness.messenger.sent
    assert [row[0].text for row in prompt.keyboard] == ["🌐 所有群（组织日志）", "项目一组"]
    assert prompt.keyboard[0][0].callback_data == SetLogChoice(group_id=0).pack()
    await press(harness, prompt.keyboard[0][0].callback_data, user_id=ORG_ADMIN,
                chat_id=LOG_CHAT, message_id=1001)  # fmt: skip
    assert await _destination(session_factory, None) == LOG_CHAT
    assert await _destination(session_factory, GROUP_ID) == LOG_CHAT  # falls back to the org's
    # A group admin may not press "All groups".
    await press(harness, SetLogChoice(group_id=0).pack(), user_id=ADA.id, chat_id=LOG_CHAT,
                message_id=1001)  # fmt: skip
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await send(harness, "/setlog off all", user_id=ADA.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == "只有组织管理员可以修改组织日志群。"
    await send(harness, "/setlog off all", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert await _destination(session_factory, None) is None


async def test_log_in_the_group_itself_warns_and_off_clears(harness, session_factory) -> None:
    await send(harness, "/setlog", user_id=ADA.id, chat_id=GROUP_ID)
    await press(harness, SetLogChoice(group_id=GROUP_ID).pack(), user_id=ADA.id,
                chat_id=GROUP_ID, message_id=1001)  # fmt: skip
    assert harness.messenger.texts_to(GROUP_ID)[-1].endswith(
        "注意：这是该群本身，所有成员都能看到管理日志（包括举报内容）。建议另建一个只有管理员的群作为日志群。"
    )
    assert await _destination(session_factory, GROUP_ID) == GROUP_ID
    await send(harness, "/setlog off", user_id=BOB.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == "只有本群管理员可以这样做。"
    await send(harness, "/setlog off", user_id=ADA.id, chat_id=GROUP_ID)
    assert await _destination(session_factory, GROUP_ID) is None
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith("「项目一组」不再使用单独的日志群")


async def test_non_admin_and_private_chat(harness) -> None:
    await send(harness, "/setlog", user_id=BOB.id, chat_id=LOG_CHAT)
    assert harness.messenger.texts_to(LOG_CHAT) == [
        "只有群管理员可以设置管理日志。您目前不是任何群的管理员。"
    ]
    await send(harness, "/setlog", user_id=ADA.id, chat_id=ADA.id)
    assert harness.messenger.texts_to(ADA.id)[-1].startswith("请在要接收管理日志的群里")
    await press(harness, SetLogChoice(group_id=GROUP_ID).pack(), user_id=ADA.id, chat_id=ADA.id,
                message_id=3)  # fmt: skip
    assert harness.alerts()[-1] == "这个按钮已失效，请重新发送命令。"
