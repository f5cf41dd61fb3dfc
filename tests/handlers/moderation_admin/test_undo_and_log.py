"""The Undo button of admin-log cards, and where `post_to_admin_log` delivers."""

from __future__ import annotations

from sqlalchemy import select

from handlers.moderation_admin import post_to_admin_log, undo_keyboard
from handlers.moderation_admin.callbacks import UndoViolation
from organizer.database import unit_of_work
from organizer.models.moderation import AuditEntry, Violation
from organizer.services import admin_log, users
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN
from tests.handlers.moderation_admin.conftest import (
    ADA,
    ANN,
    BOB,
    DAN,
    LOG_CHAT,
    NO_RESTRICT_RIGHT,
    press,
    send,
)

BOB_SAYS = (555, BOB.id, "刷屏")


async def _violations(session_factory) -> list[Violation]:
    async with session_factory() as session:
        return list(await session.scalars(select(Violation).order_by(Violation.id)))


async def test_undo_lifts_the_ladder_mute(harness, session_factory) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)  # the ladder mutes for 1 h
    second = (await _violations(session_factory))[1]
    undo = UndoViolation(violation_id=second.id).pack()
    await press(harness, undo, user_id=DAN.id, chat_id=DAN.id, message_id=9)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await press(harness, undo, user_id=ANN.id, chat_id=ANN.id, message_id=9, text="警告卡片")
    lift = harness.session.called("RestrictChatMember")[-1]
    assert (lift.user_id, lift.permissions.can_send_messages) == (BOB.id, True)
    assert harness.alerts()[-1] == "已撤销。"
    assert harness.messenger.edits[-1] == (ANN.id, 9, "警告卡片\n\n↩️ 已由 Ann 撤销。", None)
    assert harness.messenger.texts_to(BOB.id)[-1] == (
        "管理员撤销了您在「项目一组」的一条违规记录，禁言已解除。"
    )
    undone = (await _violations(session_factory))[1]
    assert undone.undone_by == ANN.id
    async with session_factory() as session:
        entry = (await session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()))).first()
    assert (entry.action, entry.violation_id) == ("undo", second.id)
    assert entry.details["lifted"] == "unmute"
    # The other admin's copy of the card: told who undid it, nothing lifted twice.
    await press(harness, undo, user_id=ADA.id, chat_id=ADA.id, message_id=8, text="卡片")
    assert harness.alerts()[-1] == "↩️ 已由 Ann 撤销。"
    assert harness.messenger.edits[-1] == (ADA.id, 8, "卡片\n\n↩️ 已由 Ann 撤销。", None)
    assert len(harness.session.called("RestrictChatMember")) == 2


async def test_undo_of_a_warning_lifts_nothing(harness, session_factory) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    [violation] = await _violations(session_factory)
    undo = UndoViolation(violation_id=violation.id).pack()
    await press(harness, undo, user_id=ORG_ADMIN, chat_id=ORG_ADMIN, message_id=3)
    assert not harness.session.called("RestrictChatMember")
    assert harness.messenger.texts_to(BOB.id)[-1] == "管理员撤销了您在「项目一组」的一条违规记录。"


async def test_undo_that_cannot_lift_changes_nothing(harness, session_factory) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    second = (await _violations(session_factory))[1]
    harness.session.failures["RestrictChatMember"] = NO_RESTRICT_RIGHT
    await press(harness, UndoViolation(violation_id=second.id).pack(), user_id=ADA.id,
                chat_id=ADA.id, message_id=3)  # fmt: skip
    assert harness.alerts()[-1].startswith("操作失败：我缺少「封禁用户」")
    assert (await _violations(session_factory))[1].undone_at is None


async def test_undo_of_an_unknown_violation(harness) -> None:
    await press(harness, UndoViolation(violation_id=404).pack(), user_id=ADA.id, chat_id=ADA.id,
                message_id=3)  # fmt: skip
    assert harness.alerts() == ["这个按钮已失效，请重新发送命令。"]


async def test_post_to_admin_log_destinations(harness, session_factory, clock) -> None:
    deps = harness.dispatcher["deps"]
    buttons = undo_keyboard(harness.catalogue.for_language("zh"), 7)
    assert buttons[0][0].text == "↩️ 撤销"
    async with unit_of_work(session_factory) as session:
        # No log chat: every admin who started the bot; one who blocked it is skipped.
        harness.messenger.unreachable.add(ANN.id)
        cards = await post_to_admin_log(session, deps, GROUP_ID, "卡片", buttons)
        assert cards == [(ADA.id, 1001)]
        assert not (await users.get(session, ANN.id)).can_message_privately
        await admin_log.set_destination(
            session, group_id=None, chat_id=LOG_CHAT, by=ORG_ADMIN, now=clock.now()
        )
        assert await post_to_admin_log(session, deps, GROUP_ID, "卡片", None) == [(LOG_CHAT, 1002)]
        # The log chat cannot be reached (bot removed): the admins still get the card.
        harness.messenger.unreachable.add(LOG_CHAT)
        assert await post_to_admin_log(session, deps, GROUP_ID, "卡片", None) == [(ADA.id, 1003)]
    assert [m.chat_id for m in harness.messenger.sent] == [ADA.id, LOG_CHAT, ADA.id]
    assert harness.messenger.sent[0].keyboard == buttons
