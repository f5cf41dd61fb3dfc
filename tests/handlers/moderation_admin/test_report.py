"""/report by reply: the card for the admins, merging, refusals, and the card's buttons."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from handlers.moderation_admin.callbacks import ReportAction, UndoViolation
from organizer.database import unit_of_work
from organizer.models.moderation import AuditEntry, Report, Violation
from organizer.services import admin_log
from tests.handlers.conftest import GROUP_ID
from tests.handlers.moderation_admin.conftest import (
    ADA,
    ANN,
    BOB,
    CAROL,
    DAN,
    LOG_CHAT,
    deleted_ids,
    press,
    send,
)

CAROL_SAYS = (556, CAROL.id, "加微信 abc123 代办证件")


async def _report(session_factory) -> Report:
    async with session_factory() as session:
        [row] = await session.scalars(select(Report))
        return row


async def _set_log(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await admin_log.set_destination(
            session, group_id=GROUP_ID, chat_id=LOG_CHAT, by=ADA.id, now=clock.now()
        )


async def test_report_reaches_the_admins_and_thanks_privately(harness, session_factory) -> None:
    command = await send(harness, "/report 诈骗广告", user_id=BOB.id, reply_to=CAROL_SAYS)
    assert deleted_ids(harness) == [command]
    assert harness.messenger.texts_to(GROUP_ID) == []  # nothing in the group names the reporter
    cards = [m for m in harness.messenger.sent if m.chat_id in (ADA.id, ANN.id)]
    assert len(cards) == 2
    text = cards[0].text
    assert "举报 #1" in text and "被举报成员：Carol" in text and "举报人数：1" in text
    assert "举报原因：诈骗广告" in text and "加微信 abc123 代办证件" in text
    assert '<a href="https://t.me/c/9001/556">' in text  # supergroup -100 9001, message 556
    labels = [b.text for row in cards[0].keyboard for b in row]
    assert labels == ["🗑 删除消息", "⚠️ 警告", "🔇 禁言 1 小时", "✖️ 驳回"]
    assert harness.messenger.texts_to(BOB.id) == [
        "谢谢您的举报！「项目一组」的管理员会尽快处理。被举报的成员不会知道是谁举报的。"
    ]
    report = await _report(session_factory)
    assert (report.reported_user_id, report.message_id, report.status) == (CAROL.id, 556, "open")
    assert sorted(report.cards) == sorted([[c.chat_id, 1001 + i] for i, c in enumerate(cards)])


async def test_reports_of_one_message_merge(harness, session_factory, clock) -> None:
    await _set_log(session_factory, clock)
    await send(harness, "/report", user_id=BOB.id, reply_to=CAROL_SAYS)
    [card] = [m for m in harness.messenger.sent if m.chat_id == LOG_CHAT]
    assert card.chat_id == LOG_CHAT
    await send(harness, "/report 骗子", user_id=DAN.id, reply_to=CAROL_SAYS)
    assert [m.chat_id for m in harness.messenger.sent if m.chat_id == LOG_CHAT] == [LOG_CHAT]
    [(chat_id, message_id, text, keyboard)] = harness.messenger.edits
    assert (chat_id, message_id) == (LOG_CHAT, 1001)
    assert "举报人数：2" in text and "举报原因：骗子" in text and keyboard == card.keyboard
    await send(harness, "/report", user_id=DAN.id, reply_to=CAROL_SAYS)
    assert harness.messenger.texts_to(DAN.id)[-1] == "您已经举报过这条消息，管理员会尽快处理。"
    assert len(harness.messenger.edits) == 1


async def test_self_and_admin_reports_are_refused(harness, session_factory) -> None:
    await send(harness, "/report", user_id=BOB.id, reply_to=(557, BOB.id, "我自己"))
    assert harness.messenger.texts_to(BOB.id) == ["不能举报自己的消息。"]
    await send(harness, "/report", user_id=BOB.id, reply_to=(558, ADA.id, "管理员发言"))
    assert harness.messenger.texts_to(BOB.id)[-1].startswith("管理员的消息不能举报。")
    # Carol cannot be written to privately: the refusal (naming nobody) goes to the group.
    await send(harness, "/report", user_id=CAROL.id, reply_to=(558, ADA.id, "管理员发言"))
    assert harness.messenger.texts_to(GROUP_ID) == [
        "管理员的消息不能举报。如有意见，请通过 /feedback 反馈。"
    ]
    await send(harness, "/report", user_id=BOB.id)
    assert harness.messenger.texts_to(BOB.id)[-1].startswith("请在群里回复要举报的消息")
    async with session_factory() as session:
        assert list(await session.scalars(select(Report))) == []
    assert len(deleted_ids(harness)) == 4


async def test_unreachable_reporter_is_not_thanked(harness, session_factory) -> None:
    await send(harness, "/report", user_id=CAROL.id, reply_to=(559, BOB.id, "广告"))
    assert harness.messenger.texts_to(GROUP_ID) == []
    assert harness.messenger.texts_to(CAROL.id) == []
    assert (await _report(session_factory)).reported_user_id == BOB.id


async def test_mute_button_and_second_presser(harness, session_factory, clock) -> None:
    await _set_log(session_factory, clock)
    await send(harness, "/report", user_id=BOB.id, reply_to=CAROL_SAYS)
    [card] = [m for m in harness.messenger.sent if m.chat_id == LOG_CHAT]
    mute = ReportAction(action="mute", report_id=1).pack()
    delete = ReportAction(action="delete", report_id=1).pack()
    await press(harness, mute, user_id=DAN.id, chat_id=LOG_CHAT, message_id=1001)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await press(harness, mute, user_id=ADA.id, chat_id=LOG_CHAT, message_id=1001)
    [call] = harness.session.called("RestrictChatMember")
    assert (call.user_id, call.until_date) == (CAROL.id, clock.now() + timedelta(hours=1))
    assert harness.alerts()[-1] == "已处理。"
    [(chat_id, message_id, text, keyboard)] = harness.messenger.edits
    assert (chat_id, message_id, keyboard) == (LOG_CHAT, 1001, None)
    assert text.endswith("✅ 已由 Ada 处理：\n🔇 已禁言 Carol 1 小时。")
    report = await _report(session_factory)
    assert (report.status, report.handled_by) == ("muted", ADA.id)
    await press(harness, delete, user_id=ANN.id, chat_id=LOG_CHAT, message_id=1001)
    assert harness.alerts()[-1] == "该举报已由 Ada 处理：已禁言发送者。"
    assert len(deleted_ids(harness)) == 1  # only the /report command
    async with session_factory() as session:
        actions = [e.action for e in await session.scalars(select(AuditEntry))]
    assert actions == ["report.muted"]
    await send(harness, "/report", user_id=DAN.id, reply_to=CAROL_SAYS)
    told = harness.messenger.texts_to(DAN.id)[-1]
    assert told == "这条消息已由管理员处理过了（已禁言发送者）。谢谢！"


async def test_warn_button_offers_undo(harness, session_factory, clock) -> None:
    await _set_log(session_factory, clock)
    await send(harness, "/report", user_id=BOB.id, reply_to=CAROL_SAYS)
    warn = ReportAction(action="warn", report_id=1).pack()
    await press(harness, warn, user_id=ANN.id, chat_id=LOG_CHAT, message_id=1001)
    async with session_factory() as session:
        [violation] = await session.scalars(select(Violation))
    assert (violation.user_id, violation.message_id) == (CAROL.id, 556)
    assert violation.by_user_id == ANN.id
    [(_, _, text, keyboard)] = harness.messenger.edits
    assert "⚠️ 已警告 Carol（30 天内第 1 次违规）。" in text
    assert keyboard[0][0].callback_data == UndoViolation(violation_id=violation.id).pack()
    assert (await _report(session_factory)).status == "warned"


async def test_delete_without_the_right_keeps_it_open(harness, session_factory, clock) -> None:
    await _set_log(session_factory, clock)
    await send(harness, "/report", user_id=BOB.id, reply_to=CAROL_SAYS)
    harness.session.failures["DeleteMessage"] = "message can't be deleted"
    delete = ReportAction(action="delete", report_id=1).pack()
    await press(harness, delete, user_id=ADA.id, chat_id=LOG_CHAT, message_id=1001)
    assert harness.alerts()[-1].startswith("操作失败：我缺少「删除消息」管理权限")
    assert (await _report(session_factory)).status == "open"
    del harness.session.failures["DeleteMessage"]
    await press(harness, delete, user_id=ADA.id, chat_id=LOG_CHAT, message_id=1001)
    assert deleted_ids(harness)[-1] == 556
    assert (await _report(session_factory)).status == "deleted"
    dismiss = ReportAction(action="dismiss", report_id=1).pack()
    await press(harness, dismiss, user_id=ANN.id, chat_id=LOG_CHAT, message_id=1001)
    assert harness.alerts()[-1] == "该举报已由 Ada 处理：已删除该消息。"


async def test_stale_and_forged_buttons(harness) -> None:
    await press(harness, ReportAction(action="mute", report_id=99).pack(), user_id=ADA.id,
                chat_id=ADA.id, message_id=5)  # fmt: skip
    await press(harness, ReportAction(action="nuke", report_id=1).pack(), user_id=ADA.id,
                chat_id=ADA.id, message_id=5)  # fmt: skip
    assert harness.alerts() == ["这个按钮已失效，请重新发送命令。"] * 2
