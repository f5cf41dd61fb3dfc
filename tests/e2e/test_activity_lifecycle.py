"""One activity, end to end against the emulator with an injected clock: proposed in chat (a typo
corrected on the way), approved by an admin, announced; three members answer "going" with
capacity 2 (waitlist, then promotion when one drops out); reminders, with a member who never
started the bot mentioned in the group; check-in (one late); two surveys; the summary."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from emulator import EmuMessage
from tests.e2e.conftest import Running, Walk

START = datetime(2026, 3, 5, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai


async def test_activity_from_proposal_to_summary(lively: Running) -> None:
    emu, walk = lively.emu, Walk(lively)
    admin = emu.create_user("Ada", language_code="zh")
    olivia = emu.create_user("Olivia", language_code="zh")
    m1, m2 = emu.create_user("Mia", language_code="zh"), emu.create_user("Max", language_code="zh")
    shy = emu.create_user("Shy", language_code="zh")  # never starts the bot
    group = emu.create_group("项目一组", owner=admin, members=[olivia, m1, m2, shy])
    await emu.add_bot_to_group(lively.bot, group, by=admin, admin=True)
    await emu.wait_for_message(group, text_contains="感谢把我加入")
    for person in (admin, olivia, m1, m2):
        await walk.say(person, person, "/start", "您好")

    # The proposal form, in private, reached from the group.
    await walk.say(olivia, group, "/propose", "在私聊中进行")
    await walk.say(olivia, olivia, f"/start propose_{group.id}", "第 1/11 步")
    await walk.tap(olivia, olivia, "线上研讨会", "第 2/11 步")
    await walk.say(olivia, olivia, "长" * 101, "超过了 100 个字的上限")  # the typo
    await walk.say(olivia, olivia, "课程设计评审会", "第 3/11 步")
    await walk.say(olivia, olivia, "一起评审新课程的设计。", "第 4/11 步")
    await walk.say(olivia, olivia, "3月5日 19:30", "第 5/11 步")
    await walk.say(olivia, olivia, "90分钟", "第 6/11 步")
    await walk.say(olivia, olivia, "3楼会议室", "第 7/11 步")
    await walk.say(olivia, olivia, "2", "第 8/11 步")
    await walk.tap(olivia, olivia, "跳过", "第 9/11 步")
    await walk.say(olivia, olivia, "19:30 开场 — 张老师", "张老师")
    await walk.tap(olivia, olivia, "✅ 完成", "第 10/11 步")
    await walk.tap(olivia, olivia, "跳过", "第 11/11 步")
    await walk.tap(olivia, olivia, "不重复", "预览")
    await walk.tap(olivia, olivia, "✅ 提交", "已提交")

    # Approval by the group's admin, then the announcement.
    await emu.wait_for_message(admin, text_contains="课程设计评审会", timeout=10)
    await walk.tap(admin, admin, "✅ 批准")
    await emu.wait_for_message(olivia, text_contains="已通过审核", timeout=10)
    announcement = await emu.wait_for_message(group, text_contains="📣 课程设计评审会")
    assert "已报名 0/2" in announcement.text

    # RSVPs: capacity 2, the third waits, a drop-out promotes them (mentioned: never started).
    for person in (m1, m2, shy):
        await walk.tap(person, group, "✅ 参加")
    await walk.tap(m1, group, "❌ 不参加")
    promoted = await emu.wait_for_message(group, text_contains="有名额空出")
    assert mentioned(promoted) == [shy.id]
    walk.clock.advance(seconds=5)  # the coalesced announcement edit falls due
    await emu.wait_for_message(group, text_contains="已报名 2/2")

    # Reminders: 24 h before, in the group and privately; the unreachable member is mentioned.
    group_reminder = await walk.at(START - timedelta(hours=24), group, "活动提醒")
    await emu.wait_for_message(m2, text_contains="活动提醒")
    mentions = [m for m in emu.bot_messages(group) if "无法私信您" in m.text]
    assert mentions and "Shy" in mentions[-1].text and group_reminder

    # Check-in opens 15 minutes before; one on time, one late.
    await walk.at(START - timedelta(minutes=10), olivia, "签到码")
    await walk.tap(m2, group, "📍 签到")
    walk.clock.set(START + timedelta(minutes=15))
    late = await walk.tap(shy, group, "📍 签到")
    assert "迟到" in late["text"]

    # Survey at the end: privately to Max, a deep link for Shy, who then starts the bot.
    await walk.at(START + timedelta(minutes=90), m2, "感谢参加")
    invite = await emu.wait_for_message(group, text_contains="survey_", timeout=10)
    assert mentioned(invite) == [shy.id]
    deep_link = re.search(r"start=(survey_\d+)", invite.text + str(invite.entities))
    assert deep_link is not None
    for person in (m2, shy):
        if person is shy:
            await walk.say(shy, shy, f"/start {deep_link.group(1)}", "总体评价")
        for rating in ("5", "4", "5"):
            await walk.tap(person, person, rating)
        await walk.say(person, person, "案例很实用", "改进")
        await walk.tap(person, person, "跳过", "谢谢")

    # The survey closes after 48 hours: the summary is posted and sent to the organizer.
    summary = await walk.at(START + timedelta(minutes=90, hours=48), group, "总结")
    for figure in (
        "参加 2 · 待定 0 · 不参加 1 · 候补 0 · 名额 2",
        "签到 2 人，其中迟到 1 人；出勤率 100%",
        "收回 2 / 2 份，回收率 100%",
        "总体 5.0 · 内容 4.0 · 组织 5.0",
        "案例很实用",
    ):
        assert figure in summary.text, figure
    await emu.wait_for_message(olivia, predicate=lambda m: m.document is not None, timeout=10)


def mentioned(message: EmuMessage) -> list[int]:
    return [e["user"]["id"] for e in message.entities if e["type"] == "text_mention"]
