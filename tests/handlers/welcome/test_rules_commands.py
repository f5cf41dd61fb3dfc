"""/setrules, the acknowledge button, /rules with its version and /rulesreminder."""

from __future__ import annotations

from handlers.welcome.callbacks import RulesAck
from organizer.services import groups, rules_versions, scheduled_actions, welcome
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN


async def _group(session_factory, clock) -> None:
    async with session_factory() as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        await session.commit()


async def test_setrules_bumps_version_and_members_acknowledge(
    harness, session_factory, clock
) -> None:
    await _group(session_factory, clock)
    await harness.message("/setrules 不许<刷屏>", user_id=63, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == "只有本群管理员可以这样做。"
    await harness.message("/setrules", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text.startswith("用法：/setrules")
    await harness.message("/setrules 不许<刷屏>\n第二条", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    post = harness.messenger.sent[-1]
    assert "群规已更新（第 2 版）" in post.text and "不许&lt;刷屏&gt;\n第二条" in post.text
    [[button]] = post.keyboard
    assert button.callback_data == RulesAck(version=2).pack()
    await harness.press(button.callback_data, user_id=64, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "已记录：您已确认第 2 版群规。"
    await harness.press(button.callback_data, user_id=64, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "您已确认过当前版本的群规。"
    await harness.press(RulesAck(version=1).pack(), user_id=65, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "这个按钮已失效，请重新发送命令。"
    async with session_factory() as session:
        row = await welcome.membership(session, GROUP_ID, 64)
        assert row is not None and row.rules_version_accepted == 2
        assert await welcome.membership(session, GROUP_ID, 65) is None
    await harness.message("/rules", user_id=64, chat_id=GROUP_ID)
    shown = harness.messenger.sent[-1].text
    assert "不许&lt;刷屏&gt;" in shown and shown.endswith("当前版本：第 2 版")


async def test_rulesreminder_changes_the_schedule(harness, session_factory, clock) -> None:
    await _group(session_factory, clock)
    await harness.message("/rulesreminder weekly 4 18:30", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == (
        "群规提醒：每周五 18:30（Asia/Shanghai）。下一次：2026-03-06 18:30。"
    )
    async with session_factory() as session:
        [action] = await scheduled_actions.pending(session, kind=rules_versions.RULES_REMINDER)
    assert action.dedupe_key == f"rules.reminder:{GROUP_ID}:2026-03-06"
    await harness.message("/rulesreminder weekly 9 18:30", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text.startswith("用法：/rulesreminder")
    await harness.message("/rulesreminder off", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == "群规定期提醒已关闭。"
    async with session_factory() as session:
        assert await scheduled_actions.pending(session, kind=rules_versions.RULES_REMINDER) == []
        group = await groups.get(session, GROUP_ID)
    assert group is not None and group.settings["rules_reminder"] == "off"
    await harness.message("/rulesreminder off", user_id=66, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == "只有本群管理员可以这样做。"
