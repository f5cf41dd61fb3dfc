"""The groups' "Received" button, /notices (cancel, edit, report, acks) and /acks."""

from datetime import timedelta

from sqlalchemy import select

from handlers.notices.callbacks import manage
from organizer.callbacks import notice_ack_callback
from organizer.models import ScheduledAction
from organizer.models.notices import DeliveryStatus, Notice
from organizer.services import notices, notices_delivery
from organizer.services.notices import NoticeDraft
from tests.handlers.conftest import ORG_ADMIN
from tests.handlers.notices.conftest import ADMIN, MEMBER, PROJECT, SERVICE, STRANGER

STALE_NOTICE = "这条通知已取消或不存在。"


async def create(session_factory, clock, *, text="明天开会", sent=False, **options) -> int:
    """A notice to 项目一组 by ADMIN; `sent`: delivered there as message 5001 (and 5002)."""
    draft = NoticeDraft(
        author_id=ADMIN, text=text, target_kind="group", target_value=PROJECT,
        send_at=None if sent else clock.now() + timedelta(days=1), **options,
    )  # fmt: skip
    async with session_factory() as session:
        created = await notices.create(session, draft, org_admin_ids=(ORG_ADMIN,), now=clock.now())
        if sent:
            task = await notices_delivery.claim_delivery(session, created.id, 0, PROJECT)
            assert task is not None
            ids = [5001 + i for i in range(len(notices.split_text(text)))]
            await notices_delivery.record(
                session, task, status=DeliveryStatus.DELIVERED, message_ids=ids, now=clock.now()
            )
            await notices_delivery.finish_occurrence(
                session, created.id, 0, now=clock.now(), org_admin_ids=(ORG_ADMIN,)
            )
        await session.commit()
        return created.id


async def row(session_factory, notice_id: int) -> Notice:
    async with session_factory() as session:
        found = await session.get(Notice, notice_id)
        assert found is not None
        return found


async def test_received_first_and_second_press(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock, sent=True, ack_required=True)
    await chat.press(notice_ack_callback(notice_id), MEMBER, chat_id=PROJECT)
    assert chat.alert() == "已确认收到，谢谢！"
    await chat.press(notice_ack_callback(notice_id), MEMBER, chat_id=PROJECT)
    assert chat.alert() == "您已确认过。"
    await chat.press(notice_ack_callback(notice_id + 99), MEMBER, chat_id=PROJECT)
    assert chat.alert() == STALE_NOTICE
    await chat.press(notice_ack_callback(notice_id), STRANGER, chat_id=SERVICE)
    assert chat.alert() == "此通知没有发送到您所在的群。"

    reply = await chat.say(f"/acks {notice_id}")
    assert (
        "✅ 已确认（1）：User" in reply
    )  # the name the press came with and "⏳ 未确认（0）：无" in reply


async def test_a_cancelled_notice_is_stale(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock, ack_required=True)
    async with session_factory() as session:
        await notices.cancel(session, notice_id, by=ADMIN, now=clock.now())
        await session.commit()
    await chat.press(notice_ack_callback(notice_id), MEMBER, chat_id=PROJECT)
    assert chat.alert() == STALE_NOTICE


async def test_notices_lists_and_cancels(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock)
    await chat.say("/notices")
    assert f"<b>#{notice_id}</b> · ⏳ 待发送" in chat.text()
    assert chat.buttons() == ["取消发送", "修改文字", "发送报告"]
    assert f"确定取消通知 #{notice_id}" in await chat.tap("取消发送")
    assert "已取消" in await chat.tap("确定取消")
    assert (await row(session_factory, notice_id)).status == "cancelled"
    async with session_factory() as session:
        actions = list(await session.scalars(select(ScheduledAction)))
    assert actions and all(action.status != "pending" for action in actions)
    await chat.press(manage("cancel_yes", notice_id))
    assert chat.alert() == "只能取消尚未发送的定时通知。"


async def test_edit_a_scheduled_notice(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock)
    await chat.press(manage("edit", notice_id))
    assert f"通知 #{notice_id} 的新文字" in chat.text()
    assert "已修改" in await chat.say("后天开会")
    assert (await row(session_factory, notice_id)).text == "后天开会"
    assert chat.harness.messenger.edits == []


async def test_edit_a_sent_notice_keeps_the_received_button(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock, sent=True, ack_required=True)
    await chat.press(manage("edit", notice_id))
    reply = await chat.say("会议改到 <b>三楼</b>")
    assert reply == f"通知 #{notice_id} 已修改，群里的 1 条消息已同步更新。"
    [(chat_id, message_id, text, keyboard)] = chat.harness.messenger.edits
    assert (chat_id, message_id, text) == (PROJECT, 5001, "会议改到 &lt;b&gt;三楼&lt;/b&gt;")
    assert keyboard[0][0].callback_data == notice_ack_callback(notice_id)
    assert keyboard[0][0].text == "✅ 已收到"


async def test_edit_refuses_a_text_of_more_parts(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock, sent=True)
    await chat.press(manage("edit", notice_id))
    reply = await chat.say("长" * 5000)
    assert reply.startswith("已发送的通知共 1 条消息")
    assert (await row(session_factory, notice_id)).text == "明天开会"
    assert "已修改" in await chat.say("短的")  # still waiting for the text


async def test_report_and_acks_buttons(chat, session_factory, clock) -> None:
    await create(session_factory, clock, sent=True, ack_required=True, pin=False)
    await chat.say("/notices")
    assert chat.buttons() == ["修改文字", "发送报告", "确认情况"]
    reply = await chat.tap("发送报告")
    assert "✅ 项目一组" in reply and "已送达 1，失败 0，待发送 0" in reply
    await chat.say("/notices")
    reply = await chat.tap("确认情况")
    assert "⏳ 未确认（1）：张三" in reply


async def test_others_cannot_see_or_manage(chat, session_factory, clock) -> None:
    notice_id = await create(session_factory, clock, sent=True, ack_required=True)
    await chat.press(manage("report", notice_id), STRANGER)
    assert chat.alert() == "这个按钮已失效，请重新发送命令。"
    assert "该通知不存在" in await chat.say(f"/acks {notice_id}", STRANGER)
    assert "用法：/acks" in await chat.say("/acks abc")
    assert "您还没有通知" in await chat.say("/notices", STRANGER)
    assert f"#{notice_id}" in (await chat.say("/notices", ORG_ADMIN))
