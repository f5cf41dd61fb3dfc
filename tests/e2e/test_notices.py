"""Notices end to end against the emulator with an injected clock: an admin composes a notice in
private for all 30 of her groups with acknowledgement required and schedules it; one group
removes the bot before it goes out; at the time, 29 groups get it and she gets the report (one
failure, with the reason); members press "Received"; a day later the rest are reminded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from organizer.database import unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups
from organizer.services.users import TelegramProfile
from tests.e2e.conftest import Running, Walk

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, a Monday
TEXT = "请大家周五前提交季度总结。"
GROUPS = 30


async def _world(running: Running):
    emu, walk = running.emu, Walk(running)
    ada = emu.create_user("Ada", username="ada", language_code="zh")
    bob = emu.create_user("Bob", username="bob", language_code="zh")
    cai = emu.create_user("Cai", username="cai", language_code="zh")
    dan = emu.create_user("Dan", language_code="zh")  # never starts the bot
    people = [bob, cai, dan]
    chats = [emu.create_group(f"组{i:02d}", owner=ada, members=people) for i in range(GROUPS)]
    for chat in chats:
        await emu.add_bot_to_group(running.bot, chat, by=ada, admin=True)
    for person in (ada, bob, cai):
        await walk.say(person, person, "/start", "您好")
    await walk.settled()
    now = running.clock.now()
    async with unit_of_work(running.app.session_factory) as session:
        for chat in chats:
            await groups.complete_setup(session, chat.id, now=now)
            for member in (bob, cai, dan):  # the bot learns of members as they speak or join
                await admins.record_member_status(
                    session, chat.id, TelegramProfile(id=member.id, first_name=member.first_name),
                    status=MemberStatus.ACTIVE, role=MemberRole.MEMBER, now=now,
                )  # fmt: skip
    return walk, ada, bob, cai, dan, chats


async def test_notice_to_30_groups_with_acknowledgement(lively: Running) -> None:
    emu, clock = lively.emu, lively.clock
    clock.set(START - timedelta(days=1))
    walk, ada, bob, cai, dan, chats = await _world(lively)

    await walk.say(ada, ada, "/announce", "第 1/5 步")
    await walk.say(ada, ada, TEXT, "第 2/5 步")
    await walk.tap(ada, ada, "我管理的所有群", "第 3/5 步")
    await walk.say(ada, ada, "明天 9:00", "第 4/5 步")
    await walk.tap(ada, ada, "✅ 需确认收到")
    await walk.tap(ada, ada, "预览 ▶", "第 5/5 步")
    await walk.tap(ada, ada, "✅ 定时发送", f"已安排发送到 {GROUPS} 个群")

    gone = chats[-1]
    await emu.remove_bot_from_group(lively.bot, gone, by=ada)
    await walk.settled()
    clock.set(START)
    report = await emu.wait_for_message(ada, text_contains="发送报告", timeout=30)
    assert f"已送达 {GROUPS - 1}/{GROUPS} 个群，失败 1 个" in report.text
    for chat in chats[:-1]:
        [notice] = [m for m in emu.bot_messages(chat) if m.text and TEXT in m.text]
        assert "✅ 已收到" in notice.buttons
    assert not [m for m in emu.bot_messages(gone) if m.text and TEXT in m.text]

    # Bob acknowledges in one group; Cai and Dan do not.
    first = chats[0]
    answer = await walk.tap(bob, first, "✅ 已收到")
    assert answer.text == "已确认收到，谢谢！"
    await walk.settled()
    clock.advance(hours=24, minutes=1)
    await emu.wait_for_message(cai, text_contains="请确认您已阅读", timeout=30)
    # Dan cannot be written to privately: one mention, in one of the groups he shares with her.
    reminder = "请确认您已阅读"
    ping = chats[-2]  # reminders go to a member's first reached chat (lowest id)
    mention = await emu.wait_for_message(ping, text_contains=reminder, timeout=30)
    assert "Dan" in mention.text and "Bob" not in mention.text and "Cai" not in mention.text
    everywhere = [m for chat in chats for m in emu.bot_messages(chat) if reminder in (m.text or "")]
    assert len(everywhere) == 1  # one reminder, not one per group
    assert len([m for m in emu.bot_messages(cai) if reminder in (m.text or "")]) == 1
    assert not [m for m in emu.bot_messages(bob) if reminder in (m.text or "")]
