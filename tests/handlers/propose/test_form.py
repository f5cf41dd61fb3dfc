"""/propose: the form from the group's deep link to Submit, fed as real updates."""

from datetime import UTC, datetime, timedelta

from handlers.propose import build_late_router
from handlers.propose.callbacks import form
from organizer.models import ActivityStatus
from organizer.services import activities, drafts
from tests.handlers.conftest import GROUP_ID
from tests.handlers.propose.conftest import (
    PROPOSER,
    fill_form,
    kind,
    open_form,
    restarted,
    script_group,
)

STALE = "这个按钮已经过期了，请使用最新一条消息里的按钮。"


async def stored_draft(session_factory, user_id=PROPOSER):
    async with session_factory() as session:
        return await drafts.get(session, user_id)


async def test_group_command_links_to_the_private_form(chat) -> None:
    await chat.say("/propose", PROPOSER, chat_id=GROUP_ID)
    shown = chat.last(GROUP_ID)
    assert "在私聊中进行" in shown.text and "「项目一组」" in shown.text
    [[button]] = shown.keyboard
    assert button.url == f"https://t.me/organizer_bot?start=propose_{GROUP_ID}"
    first = await chat.say(f"/start propose_{GROUP_ID}")
    assert "第 1/11 步 · 活动类型" in first
    assert chat.buttons()[:4] == ["线上研讨会", "经验分享会", "案例分析会", "其他活动"]


async def test_full_walk_with_typos_corrected_on_the_way(chat, session_factory) -> None:
    await open_form(chat)
    assert "第 2/11 步 · 标题" in await chat.press(kind("case_analysis"))
    reply = await chat.say("长" * 101)
    assert reply.startswith("标题有 101 个字，超过了 100 个字的上限")
    assert "第 2/11 步 · 标题" in reply  # asked again
    assert "第 3/11 步" in await chat.say("课程设计评审会")
    assert "第 4/11 步 · 开始时间" in await chat.say("一起评审新课程的设计。")

    reply = await chat.say("2026-03-01 19:30")  # now is 2026-03-02 09:00 in Shanghai
    assert reply.startswith("这个时间已经过去了：2026-03-01 19:30（现在是 2026-03-02 09:00）")
    assert "第 4/11 步 · 开始时间" in reply
    reply = await chat.say("3月5日 19:30")
    assert "第 5/11 步 · 结束时间" in reply and "2026年3月5日 周四 19:30 开始" in reply

    reply = await chat.say("18:00")
    assert reply.startswith("结束时间 2026-03-05 18:00 不晚于开始时间 2026-03-05 19:30")
    assert "第 6/11 步 · 地点或链接" in await chat.say("90分钟")

    reply = await chat.say("http//x")
    assert reply.startswith("「http//x」不是有效的网址。") and "第 6/11 步" in reply
    assert "第 7/11 步" in await chat.say("3楼会议室 | https://meeting.example.com/123")

    reply = await chat.say("abc")
    assert reply.startswith("「abc」不是整数。请发送 1 到 10,000 之间的整数")
    assert chat.buttons() == ["◀ 上一步", "跳过 ⏭", "✖ 取消"]
    assert (await chat.say("0")).startswith("人数上限需要在 1 到 10,000 之间，您发送的是 0。")
    assert "第 8/11 步 · 报名截止" in await chat.say("30人")

    reply = await chat.say("3月6日 12:00")
    assert reply.startswith(
        "报名截止时间（2026-03-06 12:00）需要早于活动开始时间（2026-03-05 19:30）"
    )
    assert chat.buttons()[:2] == ["开始前 1 小时", "开始前 1 天"]
    assert "第 9/11 步 · 议程" in await chat.tap("开始前 1 天")

    await chat.say("19:30 开场 — 张老师")
    reply = await chat.say("18:00 太早了")
    assert reply.startswith("议程时间 18:00 不在活动时间 19:30–21:00 之内")
    assert "19:30 开场 — 张老师" in reply  # the list so far survives the error
    reply = await chat.say("自由交流")
    assert "19:30 开场 — 张老师\n• 自由交流" in reply
    assert "第 10/11 步 · 协调人" in await chat.tap("✅ 完成")
    assert "第 11/11 步 · 重复" in await chat.say("王老师 13800000000")
    preview = await chat.tap("不重复")

    assert preview.startswith("<b>预览</b>：公告将在「项目一组」中这样显示。")
    for line in (
        "📣 <b>课程设计评审会</b>（案例分析会）",
        "🕒 时间：2026年3月5日 周四 19:30 – 21:00 (Asia/Shanghai)",
        "📍 地点：3楼会议室",
        "🔗 线上链接：https://meeting.example.com/123",
        "👤 发起人：张三",
        "🤝 协调人：王老师 13800000000",
        "一起评审新课程的设计。",
        "19:30 开场 — 张老师\n• 自由交流",
        "👥 已报名 0/30 · 可能 0 · 候补 0",
        "⏳ 报名截止：2026年3月4日 周三 19:30",
        "提交后由群管理员审核，通过后即发布。",
    ):
        assert line in preview, line
    draft = await stored_draft(session_factory)
    assert draft.step == "preview" and draft.group_id == GROUP_ID
    assert draft.data["capacity"] == 30 and draft.data["location"] == "3楼会议室"

    assert "已提交" in await chat.tap("✅ 提交")
    assert await stored_draft(session_factory) is None
    async with session_factory() as session:
        [pending] = await activities.pending_review(session, GROUP_ID)
    assert pending.status == ActivityStatus.PENDING_APPROVAL and pending.proposer_id == PROPOSER
    assert pending.title == "课程设计评审会" and pending.capacity == 30
    assert pending.starts_at == datetime(2026, 3, 5, 11, 30, tzinfo=UTC)
    assert pending.ends_at - pending.starts_at == timedelta(minutes=90)
    assert pending.online_url == "https://meeting.example.com/123"
    assert pending.rsvp_deadline == pending.starts_at - timedelta(days=1)
    assert [(a.time, a.topic, a.speaker) for a in pending.agenda] == [
        ("19:30", "开场", "张老师"),
        (None, "自由交流", None),
    ]


async def test_back_skip_and_keep(chat, session_factory) -> None:
    await open_form(chat)
    assert "◀ 上一步" not in chat.buttons()  # nothing before the first step
    await chat.press(kind())
    assert "跳过 ⏭" not in chat.buttons()  # the title is required
    await chat.press(form("skip", "title"))
    assert chat.alert() == STALE
    await chat.say("课程设计评审会")
    back = await chat.tap("◀ 上一步")
    assert "第 2/11 步 · 标题" in back and "当前：课程设计评审会" in back
    assert "第 3/11 步" in await chat.tap("保持不变 ▶")
    await chat.say("简介")
    await chat.say("3月5日 19:30")
    await chat.say("2h")
    await chat.say("https://meeting.example.com/1")
    assert "第 8/11 步" in await chat.tap("跳过 ⏭")  # no capacity
    assert "第 9/11 步" in await chat.tap("跳过 ⏭")  # no deadline
    await chat.tap("✅ 完成")  # no agenda
    await chat.tap("跳过 ⏭")  # no coordinator
    preview = await chat.tap("跳过 ⏭")  # does not repeat
    assert "🔗 线上链接：https://meeting.example.com/1" in preview
    assert "📍" not in preview and "👥 参加 0 · 可能 0 · 不参加 0" in preview
    back = await chat.tap("◀ 上一步")
    assert "第 11/11 步 · 重复" in back
    draft = await stored_draft(session_factory)
    assert draft.step == "repeat" and draft.data["capacity"] is None
    assert draft.data["title"] == "课程设计评审会"  # nothing lost by going back


async def test_date_picker_navigation(chat) -> None:
    await open_form(chat)
    await chat.press(kind())
    await chat.say("标题")
    await chat.say("简介")
    buttons = chat.buttons()
    assert buttons[:3] == [" ", "2026年3月", "▶"]  # no way back before this month
    assert "1" not in buttons and "2" in buttons  # 1 March has passed; today is the 2nd
    await chat.tap("▶")
    assert chat.buttons()[:3] == ["◀", "2026年4月", "▶"]
    await chat.tap("◀")
    assert chat.buttons()[1] == "2026年3月"
    for _ in range(12):
        await chat.tap("▶")
    assert chat.buttons()[:3] == ["◀", "2027年3月", " "]  # a year ahead at most
    await chat.press(form("nav", "209912"))  # forged: back to this month
    assert chat.buttons()[1] == "2026年3月"
    await chat.press(form("day", "20260301"))  # forged: a day already past
    assert chat.alert() == STALE

    hours = await chat.press(form("day", "20260302"))
    assert "2026年3月2日（周一）：请选择开始的钟点。" in hours
    assert chat.buttons()[:2] == ["00", "01"] and "◀ 返回日历" in chat.buttons()
    minutes = await chat.tap("08")
    assert "08 点：请选择分钟" in minutes
    assert chat.buttons()[:4] == ["08:00", "08:15", "08:30", "08:45"]
    reply = await chat.tap("08:30")  # 08:30 today has passed
    assert reply.startswith("这个时间已经过去了：2026-03-02 08:30（现在是 2026-03-02 09:00）")
    assert "第 4/11 步 · 开始时间" in reply and "2026年3月" in chat.buttons()
    await chat.tap("5")
    await chat.tap("19")
    assert "活动 2026年3月5日 周四 19:45 开始" in await chat.tap("19:45")


async def test_draft_survives_a_restart(chat, harness, session_factory) -> None:
    await open_form(chat)
    await chat.press(kind("sharing"))
    await chat.say("经验分享：新学员入营")
    await chat.say("老学员分享入营经验。")
    chat.harness = restarted(harness, session_factory)  # memory (and the FSM) is gone
    reply = await chat.say("明天 19:30")  # read as the answer to the draft's step
    assert "第 5/11 步 · 结束时间" in reply and "2026年3月3日 周二 19:30 开始" in reply

    chat.harness = restarted(harness, session_factory)
    offer = await chat.say("/propose")
    assert "您有一份未完成的活动提案：「经验分享：新学员入营」" in offer
    assert "填写到「结束时间」" in offer
    assert chat.buttons() == ["▶ 继续填写", "🔄 重新开始"]
    assert "第 5/11 步 · 结束时间" in await chat.tap("▶ 继续填写")
    draft = await stored_draft(session_factory)
    assert draft.data["kind"] == "sharing" and draft.data["description"] == "老学员分享入营经验。"


async def test_start_over_and_cancel_need_a_choice(chat, harness, session_factory) -> None:
    await open_form(chat)
    await chat.press(kind())
    await chat.say("第一个标题")
    await chat.say(f"/start propose_{GROUP_ID}")  # the deep link again
    assert "🔄 重新开始" in chat.buttons()
    assert "第 1/11 步" in await chat.tap("🔄 重新开始")
    assert (await stored_draft(session_factory)).data == {}

    await chat.press(kind())
    assert "确定放弃这份提案吗？" in await chat.tap("✖ 取消")
    assert "第 2/11 步 · 标题" in await chat.tap("不，继续填写")
    await chat.tap("✖ 取消")
    assert "已放弃这份提案" in await chat.tap("是的，放弃")
    assert await stored_draft(session_factory) is None
    sent = len(harness.messenger.sent)
    await harness.message("随便说一句", user_id=PROPOSER)  # no form any more: not answered
    assert len(harness.messenger.sent) == sent


async def test_private_propose_asks_which_group(chat, session_factory) -> None:
    assert "我还不知道您在哪些群里" in await chat.say("/propose")
    await open_form(chat)  # Telegram confirms the membership, which is remembered
    await chat.tap("✖ 取消")
    await chat.tap("是的，放弃")
    assert await chat.say("/propose") == "要为哪个群发起活动？"
    assert chat.buttons() == ["项目一组"]
    assert "第 1/11 步" in await chat.tap("项目一组")
    assert (await stored_draft(session_factory)).group_id == GROUP_ID


async def test_only_members_of_a_known_group_may_propose(chat, harness) -> None:
    script_group(harness, members={305: "left"})
    await chat.say("/propose", PROPOSER, chat_id=GROUP_ID)  # registers the group
    reply = await chat.say(f"/start propose_{GROUP_ID}", 305)
    assert reply == "您不是「项目一组」的成员，不能为这个群发起活动。"
    reply = await chat.say("/start propose_-100123", PROPOSER)
    assert reply.startswith("我还不认识这个群。")
    await chat.press(form("group", GROUP_ID), 305)  # forged group choice
    assert chat.text(305) == "您不是「项目一组」的成员，不能为这个群发起活动。"


async def test_presses_that_do_not_match_the_draft_are_refused(chat, session_factory) -> None:
    await chat.press(form("kind", "seminar"))
    assert chat.alert() == "您目前没有正在填写的提案。发送 /propose 开始一份新的。"
    await open_form(chat)
    await chat.press(kind("party"))  # forged kind
    assert chat.alert() == STALE
    await chat.press(kind())
    await chat.press(kind("other"))  # an old message's button
    assert chat.alert() == STALE
    for data in (form("dur", 90), form("back", "kind"), form("submit"), form("x", "title")):
        await chat.press(data)
        assert chat.alert() == STALE
    draft = await stored_draft(session_factory)
    assert (draft.step, draft.data) == ("title", {"kind": "seminar"})


async def test_change_one_thing_from_the_preview(chat, session_factory) -> None:
    await fill_form(chat)
    await chat.tap("✏️ 修改某一项")
    assert "要修改哪一项？" in chat.text() and "标题" in chat.buttons()
    await chat.tap("标题")
    assert "预览" in await chat.say("课程设计评审会（第二期）")  # straight back to the preview
    assert "<b>课程设计评审会（第二期）</b>" in chat.text()
    await chat.tap("✏️ 修改某一项")
    await chat.tap("开始时间")
    reply = await chat.say("3月6日 19:00")
    assert "第 5/11 步" in reply and "当前：2026年3月6日 周五 20:30" in reply  # same 90 min
    preview = await chat.tap("保持不变 ▶")
    assert "2026年3月6日 周五 19:00 – 20:30" in preview
    assert (await stored_draft(session_factory)).data.get("jump") is None


async def test_weekly_repeat_shows_every_session(chat) -> None:
    await fill_form(chat)
    await chat.tap("◀ 上一步")
    await chat.tap("每周")
    assert "一共举行几次？" in chat.text()
    reply = await chat.say("3月10日")
    assert reply.startswith("最后一次的日期需要至少在第二次活动那天（2026-03-12）或之后")
    reply = await chat.say("2027-03-01")
    assert reply.startswith("最多重复 26 次：按这个频率，最后一次最晚在 2026-08-27")
    preview = await chat.tap("4 次")
    assert "🔁 每周，共 4 次：03-05, 03-12, 03-19, 03-26" in preview


async def test_a_start_that_passed_meanwhile_is_caught_at_submit(chat, clock) -> None:
    await fill_form(chat)
    clock.set(datetime(2026, 3, 6, 1, 0, tzinfo=UTC))  # the draft waited too long
    reply = await chat.tap("✅ 提交")
    assert reply.startswith("这个时间已经过去了：2026-03-05 19:30（现在是 2026-03-06 09:00）")
    assert "第 4/11 步 · 开始时间" in reply
    await chat.say("3月12日 19:30")
    assert "预览" in await chat.tap("保持不变 ▶")
    assert "已提交" in await chat.tap("✅ 提交")


async def test_english_speakers_get_english(chat) -> None:
    await chat.harness.message("/lang", user_id=PROPOSER)
    await chat.press("v1lg:en")
    await open_form(chat)
    assert "Step 1 of 11 · Kind of activity" in chat.text()
    await chat.press(kind())
    reply = await chat.say("x" * 120)
    assert reply.startswith("The title is 120 characters long, over the limit of 100.")


async def test_a_draft_left_alone_lets_later_conversations_have_the_text(
    chat, harness, clock, session_factory
) -> None:
    harness.dispatcher.include_router(build_late_router())  # as the lead wires it: last
    await open_form(chat)
    await chat.press(kind())
    clock.advance(hours=13)  # the form is no longer in use: a survey could be asking now
    reply = await chat.say("课程设计评审会")
    assert "您有一份未完成的活动提案：「未命名」" in reply and "填写到「标题」" in reply
    assert (await stored_draft(session_factory)).data == {"kind": "seminar"}  # not taken
    assert "第 2/11 步 · 标题" in await chat.tap("▶ 继续填写")
    assert "第 3/11 步" in await chat.say("课程设计评审会")  # in use again


async def test_an_announcement_too_long_for_one_message_is_sent_back(chat, session_factory) -> None:
    await fill_form(chat)
    await chat.tap("✏️ 修改某一项")
    await chat.tap("主题与简介")
    await chat.say("简" * 2000)
    await chat.tap("✏️ 修改某一项")
    await chat.tap("议程")
    reply = await chat.say("19:30 — 张老师")
    assert reply.startswith("这一条还缺议题")
    for n in range(8):
        await chat.say(f"19:{30 + n} {'议' * 180} — 张老师")
    await chat.tap("✅ 完成")
    reply = await chat.tap("✅ 提交")
    assert reply.startswith("整个公告有 ") and "超过了一条消息能容纳的 3,500 个" in reply
    assert "第 3/11 步 · 主题与简介" in reply
    assert "预览" in await chat.say("一起评审新课程的设计。")
    assert "已提交" in await chat.tap("✅ 提交")
