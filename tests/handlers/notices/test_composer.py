"""/announce: the composer from the first text to a stored, scheduled notice."""

from datetime import UTC, datetime

from sqlalchemy import select

from handlers.notices.callbacks import compose
from organizer.models import ScheduledAction
from organizer.models.notices import Notice
from tests.handlers.conftest import ORG_ADMIN
from tests.handlers.notices.conftest import ADMIN, INDUSTRY, MEMBER, PROJECT, SERVICE, STRANGER

STALE = "这个按钮已失效，请重新发送命令。"


async def stored(session_factory) -> list[Notice]:
    async with session_factory() as session:
        return list(await session.scalars(select(Notice).order_by(Notice.id)))


async def deliveries(session_factory) -> list[ScheduledAction]:
    async with session_factory() as session:
        query = select(ScheduledAction).where(ScheduledAction.kind == "notice.deliver")
        return list(await session.scalars(query))


async def say_bold(chat, bold: str, rest: str, user_id: int = ADMIN) -> str:
    """A text whose first words are bold, as Telegram sends it: plain text plus an entity."""
    await chat.harness.feed({
        "message": {
            "message_id": next(chat.harness.ids), "date": 1767225600,
            "chat": {"id": user_id, "type": "private", "first_name": "U"},
            "from": {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "zh"},
            "text": f"{bold}{rest}",
            "entities": [{"type": "bold", "offset": 0, "length": len(bold)}],
        }
    })  # fmt: skip
    return chat.text(user_id)


async def test_whole_walk_to_a_scheduled_notice(chat, session_factory) -> None:
    assert "第 1/5 步" in await chat.say("/announce")
    assert "第 2/5 步" in await say_bold(chat, "全体注意", " 明天下午开会 <请准时>")
    assert chat.buttons()[:2] == ["学员服务群", "项目一组"]  # not 行业交流群: not theirs
    assert "我管理的所有群" in chat.buttons()
    assert "Asia/Shanghai" in await chat.tap("项目一组")
    reply = await chat.say("明天 9:00")
    assert "第 4/5 步" in reply and "当天已安排" not in reply
    await chat.tap("📌 置顶: 关")
    await chat.tap("✅ 需确认收到: 关")
    assert "📌 置顶: 开" in chat.buttons() and "✅ 需确认收到: 开" in chat.buttons()
    assert "1–168" in await chat.tap("⏰ 未确认者 24 小时后提醒（点击修改）")
    assert "“abc”不是有效的小时数" in await chat.say("abc")
    await chat.say("48小时")
    assert "⏰ 未确认者 48 小时后提醒（点击修改）" in chat.buttons()

    mark = len(chat.log)
    await chat.tap("预览 ▶")
    notice, summary = chat.since(mark)
    assert notice.text == "<b>全体注意</b> 明天下午开会 &lt;请准时&gt;"
    assert [b.text for row in notice.keyboard for b in row] == ["✅ 已收到"]
    assert "<b>发送到</b>（1 个群）：项目一组" in summary.text
    assert "2026年3月3日 周二 09:00" in summary.text
    assert "📌 置顶; ✅ 需确认收到（48 小时后提醒）" in summary.text

    reply = await chat.tap("✅ 定时发送")
    assert reply.startswith("已安排发送到 1 个群（2026年3月3日 周二 09:00）")
    [row] = await stored(session_factory)
    assert (row.text, row.target_kind, row.target_value) == (notice.text, "group", PROJECT)
    assert (row.pin, row.ack_required, row.ack_remind_hours) == (True, True, 48)
    assert row.send_at == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    [action] = await deliveries(session_factory)
    assert action.due_at == row.send_at and action.group_id == PROJECT
    await chat.press(compose("send"))
    assert chat.alert() == STALE  # the draft is gone: a second press sends nothing
    assert len(await stored(session_factory)) == 1


async def test_a_typo_or_a_past_time_keeps_the_draft(chat, session_factory) -> None:
    await chat.say("/announce")
    await chat.say("周五下午停电通知")
    await chat.tap("学员服务群")
    reply = await chat.say("下下下个月吧")
    assert reply.startswith("无法识别「下下下个月吧」") and "第 3/5 步" in reply
    reply = await chat.say("2026-03-01 10:00")  # now: 2026-03-02 09:00 in Shanghai
    assert "2026-03-01 10:00" in reply and "2026-03-02 09:00" in reply and "第 3/5 步" in reply
    await chat.tap("立即发送")
    await chat.tap("◀ 返回")  # back to the time step, then to the target: nothing is lost
    await chat.tap("◀ 返回")
    await chat.tap("◀ 返回")
    assert "第 1/5 步" in chat.text()
    await chat.tap("保留当前内容 ▶")
    await chat.tap("学员服务群")
    await chat.tap("立即发送")
    mark = len(chat.log)
    await chat.tap("预览 ▶")
    assert chat.since(mark)[0].text == "周五下午停电通知"
    assert "立即" in chat.text()
    assert (await chat.tap("✅ 立即发送")).startswith("已安排发送到 1 个群（立即）")
    [row] = await stored(session_factory)
    assert row.target_value == SERVICE


async def test_members_and_strangers_are_refused(chat, session_factory) -> None:
    for user_id in (MEMBER, STRANGER):
        assert "只有群管理员或组织管理员" in await chat.say("/announce", user_id)
    await chat.say("路过", STRANGER)
    assert "第 2/5 步" not in chat.text(STRANGER)
    assert await stored(session_factory) == []


async def test_in_a_group_it_links_to_the_private_chat(chat) -> None:
    await chat.say("/announce", ADMIN, chat_id=PROJECT)
    [[button]] = chat.last(PROJECT).keyboard
    assert button.url == "https://t.me/organizer_bot?start=announce"
    assert "第 1/5 步" in await chat.say("/start announce")


async def test_org_admin_targets_a_kind_now(chat, session_factory) -> None:
    await chat.say("/announce", ORG_ADMIN)
    await chat.say("行业交流会改期", ORG_ADMIN)
    assert {"行业交流群", "所有群"} <= set(chat.buttons(ORG_ADMIN))
    await chat.tap("所有行业交流群", ORG_ADMIN)
    await chat.tap("立即发送", ORG_ADMIN)
    await chat.tap("预览 ▶", ORG_ADMIN)
    assert "（1 个群）：行业交流群" in chat.text(ORG_ADMIN)
    await chat.tap("✅ 立即发送", ORG_ADMIN)
    [row] = await stored(session_factory)
    assert (row.target_kind, row.target_value) == ("kind", "industry_exchange")
    [action] = await deliveries(session_factory)
    assert action.group_id == INDUSTRY


async def test_several_groups_toggle_and_options(chat, session_factory) -> None:
    await chat.say("/announce")
    await chat.say("每周例会提醒")
    await chat.tap("选择几个群")
    await chat.tap("⬜ 项目一组")
    await chat.tap("⬜ 学员服务群")
    await chat.tap("✅ 项目一组")  # off again
    assert chat.buttons()[:3] == ["✅ 学员服务群", "⬜ 项目一组", "完成（已选 1 个）"]
    await chat.tap("⬜ 项目一组")
    await chat.tap("完成（已选 2 个）")
    await chat.say("明天 10:00")
    await chat.tap("🔒 保密: 关")
    await chat.tap("每周")
    await chat.tap("📅 重复到：未设置（点击设置）")
    reply = await chat.say("2026-03-02")  # the end of today: before the first send
    assert "不晚于首次发送" in reply
    await chat.say("3月31日")
    assert "📅 重复到：2026-03-31" in chat.buttons()
    mark = len(chat.log)
    await chat.tap("预览 ▶")
    notice, summary = chat.since(mark)
    assert notice.protect and notice.keyboard is None
    assert "（2 个群）" in summary.text and "每周，至 2026-03-31" in summary.text
    await chat.tap("✅ 定时发送")
    [row] = await stored(session_factory)
    assert row.target_kind == "groups" and sorted(row.target_value) == [SERVICE, PROJECT]
    assert (row.confidential, row.repeat) == (True, "weekly")
    assert len(await deliveries(session_factory)) == 2


async def test_a_photo_is_previewed_as_a_photo(chat, session_factory) -> None:
    await chat.say("/announce")
    assert "第 2/5 步" in await chat.send_photo("新版排班表")
    await chat.tap("项目一组")
    await chat.tap("立即发送")
    mark = len(chat.log)
    await chat.tap("预览 ▶")
    photo = chat.since(mark)[0]
    assert (photo.kind, photo.text) == ("photo", "新版排班表")
    await chat.tap("✅ 立即发送")
    [row] = await stored(session_factory)
    assert (row.media_kind, row.media_file_id) == ("photo", "big")


async def test_cancel_by_button_and_by_command(chat, session_factory) -> None:
    await chat.say("/announce")
    await chat.say("草稿")
    assert "确定放弃" in await chat.tap("✖ 取消")
    assert "第 2/5 步" in await chat.tap("继续编辑")
    await chat.tap("✖ 取消")
    assert "已取消" in await chat.tap("放弃")
    await chat.say("/announce")
    await chat.say("第二份草稿")
    await chat.tap("项目一组")
    assert "已取消" in await chat.say("/cancel")
    await chat.press(compose("now"))
    assert chat.alert() == STALE
    assert await stored(session_factory) == []
