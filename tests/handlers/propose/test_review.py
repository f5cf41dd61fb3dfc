"""Approval: cards to the group's admins, Approve / Reject / Ask for changes, and every refusal."""

import asyncio
from datetime import UTC, datetime

from handlers.propose.callbacks import review
from organizer.models import ActivityStatus
from organizer.services import activities, drafts, groups
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN
from tests.handlers.propose.conftest import (
    ADMIN,
    ADMIN_NAME,
    OWNER,
    OWNER_NAME,
    PROPOSER,
    fill_form,
    start_admins,
)

ADMINS_ONLY = "只有本群管理员可以这样做。"


async def activity(session_factory, activity_id=1):
    async with session_factory() as session:
        return await activities.get(session, activity_id)


async def submitted(chat) -> None:
    await start_admins(chat)
    await fill_form(chat)
    await chat.tap("✅ 提交")


async def test_a_members_proposal_is_approved_and_announced(chat, session_factory) -> None:
    await submitted(chat)
    assert chat.text().startswith(
        "📨 提案「课程设计评审会」已提交，正在等待「项目一组」的管理员审核"
    )
    for admin in (OWNER, ADMIN):
        card = chat.text(admin)
        assert card.startswith("📝 <b>新的活动提案</b>\n群：项目一组\n发起人：张三")
        assert "📣 <b>课程设计评审会</b>（线上研讨会）" in card
        assert "🕒 时间：2026年3月5日 周四 19:30 – 21:00 (Asia/Shanghai)" in card
        assert chat.buttons(admin) == ["✅ 批准", "❌ 驳回", "✏️ 要求修改"]
    assert chat.data(OWNER, "✅ 批准") == "v1rv:approve:1"
    assert chat.to(GROUP_ID)[-1].startswith("活动提案需要填写几项信息")  # no card in the group

    closed = await chat.tap("✅ 批准", OWNER)
    assert closed.endswith("✅ 已由 王主管 批准并发布。") and chat.buttons(OWNER) == []
    assert chat.alert() == "已批准，公告已发到群里。"
    announcement = chat.last(GROUP_ID)
    assert announcement.text.startswith("📣 <b>课程设计评审会</b>（线上研讨会）")
    assert "👥 已报名 0/30 · 可能 0 · 候补 0" in announcement.text
    assert [b.text for row in announcement.keyboard for b in row][:3] == [
        "✅ 参加 0",
        "🤔 可能 0",
        "❌ 不参加 0",
    ]
    published = await activity(session_factory)
    assert published.status == ActivityStatus.PUBLISHED and published.announcement_message_id
    link = f"https://t.me/c/9001/{published.announcement_message_id}"
    assert chat.text(PROPOSER) == (
        f"🎉 您的活动提案「课程设计评审会」已通过审核，公告已发布到「项目一组」。查看公告：{link}"
    )


async def test_a_second_admin_is_told_who_decided(chat, session_factory) -> None:
    await submitted(chat)
    await chat.tap("✅ 批准", ADMIN)
    posted = len(chat.to(GROUP_ID))
    await chat.tap("✅ 批准", OWNER)  # the owner's card still has its buttons
    assert (
        chat.alert() == f"这个提案已由 {ADMIN_NAME} 于 2026年3月2日 周一 09:00 处理：批准并发布。"
    )
    await chat.tap("❌ 驳回", OWNER)
    assert chat.alert().startswith(f"这个提案已由 {ADMIN_NAME}")
    assert len(chat.to(GROUP_ID)) == posted  # announced once
    assert (await activity(session_factory)).status == ActivityStatus.PUBLISHED


async def test_reject_with_a_reason(chat, session_factory) -> None:
    await submitted(chat)
    asked = await chat.tap("❌ 驳回", OWNER)
    assert asked == "请发送驳回「课程设计评审会」的理由，我会转告发起人。发送 /cancel 放弃。"
    assert chat.alert() == "请在与我的私聊中发送说明。"
    assert (await activity(session_factory)).status == ActivityStatus.PENDING_APPROVAL
    assert await chat.say("/cancel", OWNER) == "已放弃，提案仍在等待审核。"
    await chat.press(review("reject", 1), OWNER)
    assert await chat.say("时间与年会冲突，请改到下周。", OWNER) == "已驳回，已告知发起人。"
    rejected = await activity(session_factory)
    assert rejected.status == ActivityStatus.REJECTED
    assert rejected.review_note == "时间与年会冲突，请改到下周。"
    card = [text for text in chat.to(OWNER) if text.startswith("📝")][-1]
    assert card.endswith("❌ 已由 王主管 驳回。理由：时间与年会冲突，请改到下周。")
    assert chat.text(PROPOSER) == (
        "很遗憾，您的活动提案「课程设计评审会」（项目一组）没有通过审核。\n"
        "理由：时间与年会冲突，请改到下周。"
    )
    assert chat.to(GROUP_ID)[-1].startswith("活动提案需要填写几项信息")  # nothing announced


async def test_ask_for_changes_then_the_proposer_resubmits(chat, session_factory) -> None:
    await submitted(chat)
    await chat.tap("✏️ 要求修改", ADMIN)
    assert chat.text(ADMIN).startswith("请写下「课程设计评审会」需要修改的地方")
    assert await chat.say("请补充议程。", ADMIN) == "已请发起人修改，已告知对方。"
    note = chat.text(PROPOSER)
    assert note == (
        "管理员希望您修改活动提案「课程设计评审会」（项目一组）：\n请补充议程。\n"
        "请点下面的按钮修改后重新提交。"
    )
    assert (await activity(session_factory)).status == ActivityStatus.CHANGES_REQUESTED

    preview = await chat.tap("✏️ 修改提案")
    assert "✏️ 管理员的修改意见：请补充议程。" in preview and "📣 <b>课程设计评审会</b>" in preview
    async with session_factory() as session:
        assert (await drafts.get(session, PROPOSER)).activity_id == 1
    await chat.tap("✏️ 修改某一项")
    await chat.tap("议程")
    await chat.say("19:30 课程结构 — 李老师")
    assert "19:30 课程结构 — 李老师" in await chat.tap("✅ 完成")
    await chat.tap("✅ 提交")
    assert "已提交" in chat.text()

    revised = await activity(session_factory)
    assert revised.id == 1 and revised.status == ActivityStatus.PENDING_APPROVAL
    assert [(a.time, a.topic) for a in revised.agenda] == [("19:30", "课程结构")]
    card = chat.text(OWNER)
    assert "✏️ 这是按修改意见修改后的版本。修改意见：请补充议程。" in card
    assert "19:30 课程结构 — 李老师" in card
    await chat.tap("✅ 批准", OWNER)
    assert (await activity(session_factory)).status == ActivityStatus.PUBLISHED
    async with session_factory() as session:
        assert await activities.pending_review(session, GROUP_ID) == []


async def test_forged_stale_and_unauthorised_presses_change_nothing(chat, session_factory) -> None:
    await submitted(chat)
    await chat.press(review("approve", 1), PROPOSER)  # the proposer is no admin
    assert chat.alert() == ADMINS_ONLY
    await chat.press(review("approve", 1), 555)  # a stranger
    assert chat.alert() == ADMINS_ONLY
    await chat.press(review("approve", 999), OWNER)
    assert chat.alert() == "找不到这个活动，它可能已被删除。"
    await chat.press(review("delete", 1), OWNER)
    assert chat.alert() == "这个按钮已失效，请重新发送命令。"
    await chat.press("v1rv:approve:abc", OWNER)  # not even well-formed
    assert chat.alert() == "这个按钮已失效，请重新发送命令。"
    await chat.press("v1pf:revise:1", PROPOSER)  # nothing was asked to change
    assert chat.alert() == "这个提案现在不能修改了（它可能已经被处理或撤销）。"
    assert (await activity(session_factory)).status == ActivityStatus.PENDING_APPROVAL
    assert len(chat.to(GROUP_ID)) == 1  # only the deep-link message

    await chat.press(review("reject", 1), ORG_ADMIN)  # an org admin may, after /start
    assert chat.alert().startswith("请先在私聊中给我发送 /start")


async def test_an_admin_publishes_directly_unless_the_group_says_otherwise(
    chat, session_factory, clock
) -> None:
    await start_admins(chat)
    await fill_form(chat, OWNER)
    assert "您是本群管理员，提交后立即发布。" in chat.text(OWNER)
    reply = await chat.tap("✅ 提交", OWNER)
    published = await activity(session_factory)
    assert published.status == ActivityStatus.PUBLISHED
    assert reply == (
        "🎉「课程设计评审会」已发布到「项目一组」。"
        f"查看公告：https://t.me/c/9001/{published.announcement_message_id}"
    )
    assert chat.last(GROUP_ID).text.startswith("📣 <b>课程设计评审会</b>")

    async with session_factory() as session:
        group = await session.get(groups.Group, GROUP_ID)
        group.settings = {"publish_without_approval": False}
        await session.commit()
    await fill_form(chat, OWNER, title="第二场")
    assert "提交后由群管理员审核" in chat.text(OWNER)
    await chat.tap("✅ 提交", OWNER)
    assert (await activity(session_factory, 2)).status == ActivityStatus.PENDING_APPROVAL
    assert chat.text(ADMIN).startswith("📝 <b>新的活动提案</b>")  # to the other admin only


async def test_with_no_admin_reachable_the_card_is_posted_in_the_group(
    chat, session_factory
) -> None:
    await fill_form(chat)  # the admins never wrote to the bot
    await chat.tap("✅ 提交")
    assert chat.text().startswith("📨 提案「课程设计评审会」已提交。管理员暂时无法接收私信")
    card = chat.last(GROUP_ID)
    assert card.text.startswith("📝 <b>新的活动提案</b>")
    assert card.text.endswith("请在这里审核（只有本群管理员可以点按钮）。")
    await chat.press(review("approve", 1), PROPOSER, chat_id=GROUP_ID)
    assert chat.alert() == ADMINS_ONLY
    await chat.press(review("reject", 1), OWNER, chat_id=GROUP_ID)
    assert chat.alert().startswith("请先在私聊中给我发送 /start")

    await chat.say("/start", OWNER)
    await chat.press(review("changes", 1), OWNER, chat_id=GROUP_ID)
    assert chat.text(OWNER).startswith("请写下「课程设计评审会」需要修改的地方")
    await chat.say("地点改到 5 楼。", OWNER)
    assert chat.last(GROUP_ID).text.endswith(f"✏️ {OWNER_NAME} 已请发起人修改：地点改到 5 楼。")
    changed = await activity(session_factory)
    assert changed.status == ActivityStatus.CHANGES_REQUESTED
    assert changed.review_note == "地点改到 5 楼。"
    assert changed.starts_at == datetime(2026, 3, 5, 11, 30, tzinfo=UTC)


async def test_two_quick_presses_of_submit_store_one_proposal(chat, harness, session_factory):
    await start_admins(chat)
    await fill_form(chat)
    submit = chat.data(PROPOSER, "✅ 提交")
    await asyncio.gather(*(harness.press(submit, user_id=PROPOSER, chat_id=PROPOSER) for _ in "ab"))
    async with session_factory() as session:
        assert len(await activities.pending_review(session, GROUP_ID)) == 1
    cards = [text for text in chat.to(OWNER) if text.startswith("📝")]
    assert len(cards) == 1


async def test_two_admins_approving_at_once_publish_once(chat, harness, session_factory):
    await submitted(chat)
    presses = (harness.press(review("approve", 1), user_id=a, chat_id=a) for a in (OWNER, ADMIN))
    await asyncio.gather(*presses)
    announcements = [text for text in chat.to(GROUP_ID) if text.startswith("📣")]
    assert len(announcements) == 1
    assert (await activity(session_factory)).status == ActivityStatus.PUBLISHED
    assert any(alert and "这个提案已由" in alert for alert in harness.alerts())
