"""/warn, /unwarn, /mute, /unmute, /kick, /ban, /unban, /del by reply in a group."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from handlers.moderation_admin.callbacks import UndoViolation
from organizer.models import Group
from organizer.models.moderation import AuditEntry, Violation
from tests.handlers.conftest import BOT_ID, GROUP_ID, ORG_ADMIN
from tests.handlers.moderation_admin.conftest import (
    ADA,
    ANN,
    BOB,
    CAROL,
    NO_RESTRICT_RIGHT,
    deleted_ids,
    send,
)

BOB_SAYS = (555, BOB.id, "加我微信领资料")


async def _rows(session_factory, model) -> list:
    async with session_factory() as session:
        return list(await session.scalars(select(model).order_by(model.id)))


async def test_warn_records_tells_and_cards(harness, session_factory) -> None:
    command = await send(harness, "/warn 刷屏", user_id=ADA.id, reply_to=BOB_SAYS)
    assert deleted_ids(harness) == [command]  # the group stays clean
    [violation] = await _rows(session_factory, Violation)
    assert (violation.user_id, violation.rule) == (BOB.id, "manual.warn")
    assert violation.sanction == "warn"
    assert (violation.evidence, violation.message_id, violation.by_user_id) == ("刷屏", 555, ADA.id)
    assert violation.message_text == "加我微信领资料"
    assert harness.messenger.texts_to(GROUP_ID) == [
        "⚠️ 已警告 Bob (@bob)（30 天内第 1 次违规）。\n原因：刷屏"
    ]
    [notice] = harness.messenger.texts_to(BOB.id)
    assert notice.startswith("⚠️ 您在「项目一组」收到管理员的警告（30 天内第 1 次违规）")
    assert notice.endswith("原因：刷屏")
    # No log chat: a card to each admin who started the bot, with Undo.
    cards = [m for m in harness.messenger.sent if m.chat_id in (ADA.id, ANN.id)]
    assert len(cards) == 2 and "管理员 Ada" in cards[0].text and "已警告 Bob" in cards[0].text
    assert cards[0].keyboard[0][0].callback_data == UndoViolation(violation_id=violation.id).pack()
    [entry] = await _rows(session_factory, AuditEntry)
    assert (entry.action, entry.actor_id, entry.target_user_id) == ("warn", ADA.id, BOB.id)
    assert entry.violation_id == violation.id and entry.details["reason"] == "刷屏"
    assert not harness.session.called("RestrictChatMember")


async def test_second_warning_follows_the_ladder(harness, session_factory, clock) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/warn 又刷屏", user_id=ANN.id, reply_to=BOB_SAYS)
    [call] = harness.session.called("RestrictChatMember")
    assert (call.chat_id, call.user_id) == (GROUP_ID, BOB.id)
    assert call.permissions.can_send_messages is False
    assert call.until_date == clock.now() + timedelta(hours=1)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == (
        "⚠️ 已警告 Bob (@bob)（30 天内第 2 次违规）。\n"
        "按本群处罚阶梯，同时禁言 1 小时。\n原因：又刷屏"
    )
    assert "同时禁言 1 小时" in harness.messenger.texts_to(BOB.id)[-1]
    sanctions = [v.sanction for v in await _rows(session_factory, Violation)]
    assert sanctions == ["warn", "mute"]


async def test_group_ladder_from_settings_kicks(harness, session_factory) -> None:
    async with session_factory() as session:
        settings = {"moderation": {"ladder": ["warn", "kick"]}}
        await session.execute(update(Group).where(Group.id == GROUP_ID).values(settings=settings))
        await session.commit()
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    [ban] = harness.session.called("BanChatMember")
    [unban] = harness.session.called("UnbanChatMember")
    assert ban.user_id == unban.user_id == BOB.id  # a kick: removed, free to come back
    assert harness.messenger.texts_to(GROUP_ID)[-1].endswith("按本群处罚阶梯，同时移出本群。")


async def test_failed_ladder_sanction_records_nothing(harness, session_factory) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    harness.session.failures["RestrictChatMember"] = NO_RESTRICT_RIGHT
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == (
        "操作失败：我缺少「封禁用户」（限制成员）管理权限。请在群设置 → 管理员中为我开启后重试。"
    )
    assert len(await _rows(session_factory, Violation)) == 1
    assert [e.action for e in await _rows(session_factory, AuditEntry)] == ["warn"]


async def test_non_admin_is_refused_politely(harness, session_factory) -> None:
    command = await send(harness, "/ban", user_id=BOB.id, reply_to=(556, CAROL.id, "hi"))
    assert deleted_ids(harness) == [command]
    assert harness.messenger.texts_to(GROUP_ID) == ["只有本群管理员可以这样做。"]
    assert not harness.session.called("BanChatMember")
    assert await _rows(session_factory, AuditEntry) == []


async def test_admins_cannot_be_targeted(harness) -> None:
    await send(harness, "/mute", user_id=ADA.id, reply_to=(557, ANN.id, "hi"))
    await send(harness, "/kick", user_id=ORG_ADMIN, reply_to=(557, ORG_ADMIN, "hi"))
    assert harness.messenger.texts_to(GROUP_ID) == ["不能对管理员执行此操作。"] * 2
    assert not harness.session.called("RestrictChatMember")
    assert not harness.session.called("BanChatMember")


async def test_mute_with_duration_and_reason(harness, session_factory, clock) -> None:
    await send(harness, "/mute 30m 发广告", user_id=ADA.id, reply_to=BOB_SAYS)
    [call] = harness.session.called("RestrictChatMember")
    assert call.until_date == clock.now() + timedelta(minutes=30)
    assert harness.messenger.texts_to(GROUP_ID) == ["🔇 已禁言 Bob (@bob) 30 分钟。\n原因：发广告"]
    [notice] = harness.messenger.texts_to(BOB.id)
    assert notice.startswith("🔇 您在「项目一组」被管理员禁言 30 分钟")
    [entry] = await _rows(session_factory, AuditEntry)
    assert (entry.action, entry.details) == ("mute", {"reason": "发广告", "minutes": 30})
    assert await _rows(session_factory, Violation) == []  # a manual mute is not a violation


async def test_mute_defaults_to_one_hour_and_reads_zh_units(harness, clock) -> None:
    await send(harness, "/mute 发广告", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/mute 1天", user_id=ADA.id, reply_to=BOB_SAYS)
    first, second = harness.session.called("RestrictChatMember")
    assert first.until_date == clock.now() + timedelta(hours=1)
    assert second.until_date == clock.now() + timedelta(days=1)
    assert harness.messenger.texts_to(GROUP_ID) == [
        "🔇 已禁言 Bob (@bob) 1 小时。\n原因：发广告",
        "🔇 已禁言 Bob (@bob) 1 天。",
    ]


async def test_bad_duration_is_explained(harness) -> None:
    await send(harness, "/mute 30x", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/mute 400d", user_id=ADA.id, reply_to=BOB_SAYS)
    invalid, out_of_range = harness.messenger.texts_to(GROUP_ID)
    assert invalid.startswith("无法识别时长「30x」")
    assert out_of_range == "时长「400d」无效：须至少 1 分钟，最多 366 天。"
    assert not harness.session.called("RestrictChatMember")


async def test_missing_restrict_right_is_named(harness, session_factory) -> None:
    harness.session.failures["BanChatMember"] = NO_RESTRICT_RIGHT
    await send(harness, "/ban", user_id=ADA.id, reply_to=BOB_SAYS)
    assert harness.messenger.texts_to(GROUP_ID) == [
        "操作失败：我缺少「封禁用户」（限制成员）管理权限。请在群设置 → 管理员中为我开启后重试。"
    ]
    assert await _rows(session_factory, AuditEntry) == []
    assert harness.messenger.texts_to(BOB.id) == []


async def test_unmute_kick_ban_unban(harness, session_factory) -> None:
    await send(harness, "/unmute", user_id=ADA.id, reply_to=BOB_SAYS)
    [lift] = harness.session.called("RestrictChatMember")
    assert lift.permissions.can_send_messages is True
    await send(harness, "/kick 多次违规", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/ban", user_id=ADA.id, reply_to=BOB_SAYS)
    assert [c.until_date for c in harness.session.called("BanChatMember")][1] is None
    await send(harness, "/unban @bob", user_id=ADA.id)  # by username: Bob left with the ban
    assert harness.session.called("UnbanChatMember")[-1].user_id == BOB.id
    assert harness.messenger.texts_to(GROUP_ID) == [
        "🔊 已解除 Bob (@bob) 的禁言。",
        "👋 已将 Bob (@bob) 移出本群（可重新申请加入）。\n原因：多次违规",
        "⛔ 已封禁 Bob (@bob)。",
        "✅ 已解除对 Bob (@bob) 的封禁（对方可重新申请加入）。",
    ]
    actions = [e.action for e in await _rows(session_factory, AuditEntry)]
    assert actions == ["unmute", "kick", "ban", "unban"]
    assert len(harness.messenger.texts_to(BOB.id)) == 4


async def test_target_by_id_and_unknown_username(harness) -> None:
    await send(harness, f"/ban {CAROL.id} 骗子", user_id=ADA.id)
    assert harness.session.called("BanChatMember")[0].user_id == CAROL.id
    await send(harness, "/unban @nobody", user_id=ADA.id)
    await send(harness, "/unban", user_id=ADA.id)
    texts = harness.messenger.texts_to(GROUP_ID)
    assert texts[0] == "⛔ 已封禁 Carol。\n原因：骗子"
    assert texts[1] == "我不认识 @nobody。请回复对方的一条消息后再发送命令。"
    assert texts[2].startswith("请回复要处理的成员的消息后发送 /unban")
    assert harness.messenger.texts_to(CAROL.id) == []  # never started the bot: not told


async def test_unwarn(harness, session_factory) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS)
    await send(harness, "/unwarn", user_id=ANN.id, reply_to=BOB_SAYS)
    await send(harness, "/unwarn", user_id=ANN.id, reply_to=BOB_SAYS)
    assert harness.messenger.texts_to(GROUP_ID)[1:] == [
        "↩️ 已撤销 Bob (@bob) 最近的一次警告。",
        "Bob (@bob) 目前没有未过期的警告。",
    ]
    [violation] = await _rows(session_factory, Violation)
    assert violation.undone_by == ANN.id
    assert [e.action for e in await _rows(session_factory, AuditEntry)] == ["warn", "unwarn"]


async def test_del_removes_the_replied_message(harness, session_factory) -> None:
    command = await send(harness, "/del", user_id=ADA.id, reply_to=BOB_SAYS)
    assert deleted_ids(harness) == [command, 555]
    assert harness.messenger.texts_to(GROUP_ID) == ["🗑 已删除 Bob (@bob) 的一条消息。"]
    [entry] = await _rows(session_factory, AuditEntry)
    assert entry.action == "delete" and entry.details["text"] == "加我微信领资料"
    await send(harness, "/del", user_id=ADA.id)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == "请回复要删除的消息后发送 /del。"


async def test_del_without_the_right(harness) -> None:
    harness.session.failures["DeleteMessage"] = "message can't be deleted"
    await send(harness, "/del", user_id=ADA.id, reply_to=BOB_SAYS)
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith(
        "操作失败：我缺少「删除消息」管理权限"
    )


async def test_anonymous_admin_and_private_chat(harness) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=BOB_SAYS, anonymous=True)
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith("您正以匿名管理员身份")
    await send(harness, "/warn", user_id=ADA.id, chat_id=ADA.id)
    assert harness.messenger.texts_to(ADA.id) == ["请在群组中使用这个命令。"]


async def test_bots_cannot_be_targeted(harness) -> None:
    await send(harness, "/warn", user_id=ADA.id, reply_to=(560, BOT_ID, "我是机器人"))
    assert harness.messenger.texts_to(GROUP_ID) == ["不能对机器人执行此操作。"]
