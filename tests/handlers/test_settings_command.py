"""/settings through the real dispatcher: admins list, set and reset; others are refused."""

from __future__ import annotations

from typing import Any

from organizer.database import unit_of_work
from organizer.moderation.policy import ModerationPolicy
from organizer.services import admins, group_settings, groups
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN

ADMIN = TelegramProfile(id=10, first_name="Admin")
MEMBER = 50


async def _prepare(session_factory, clock, *, language: str = "zh", **settings: Any) -> None:
    now = clock.now()
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language=language, now=now,
        )  # fmt: skip
        await admins.sync_group_admins(session, GROUP_ID, [admins.AdminEntry(ADMIN)], now=now)
        for name, value in settings.items():
            await group_settings.set_value(session, GROUP_ID, name, value, now=now)


async def _stored(session_factory) -> dict[str, Any]:
    async with session_factory() as session:
        group = await groups.get(session, GROUP_ID)
    assert group is not None
    return group.settings


async def _say(harness, text: str, user_id: int = ADMIN.id) -> str:
    await harness.message(text, user_id=user_id, chat_id=GROUP_ID)
    return harness.messenger.texts_to(GROUP_ID)[-1]


async def test_admin_lists_every_setting_grouped_with_values(
    harness, session_factory, clock
) -> None:
    await _prepare(session_factory, clock, join_escalate_hours=12, inactive_auto_remove=True)
    listing = await _say(harness, "/settings")
    lines = listing.splitlines()
    assert lines[0] == "<b>「项目一组」的设置</b>"
    sections = ["<b>入群审批</b>", "<b>新成员</b>", "<b>不活跃成员</b>", "<b>活动</b>"]
    assert [line for line in lines if line in sections] == sections
    for name in group_settings.SETTINGS:
        assert f"<code>{name}</code>" in listing
    assert (
        "• <code>join_escalate_hours</code> = <b>12</b>（默认：24）"
        "— 入群申请多少小时无人处理即升级给群管理员（1–720）"
    ) in lines
    assert "• <code>join_escalate_hours_student</code> = 12（默认：同 join_escalate_hours）" in (
        listing
    )
    assert "• <code>inactive_auto_remove</code> = <b>开</b>（默认：关）" in listing
    assert "• <code>inactive_days</code> = 30（默认值）— 多少天未发言即提醒" in listing
    assert "• <code>clean_join_messages</code> = 开（默认值）" in listing
    # Each section's lines come right after its heading.
    join_at, newcomers_at = lines.index(sections[0]), lines.index(sections[1])
    assert any("join_decline_hours_partner" in line for line in lines[join_at:newcomers_at])
    assert lines[-1].startswith("恢复默认：/settings 名称 default")


async def test_admin_sets_and_resets(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock, require_join_request=True)
    assert await _say(harness, "/settings join_escalate_hours_partner 6") == (
        "已设置 <code>join_escalate_hours_partner</code> = 6。"
    )
    assert await _say(harness, "/settings inactive_auto_remove 开启") == (
        "已设置 <code>inactive_auto_remove</code> = 开。"
    )
    assert await _say(harness, "/settings Inactive_Days 0") == (
        "已设置 <code>inactive_days</code> = 0。"
    )
    stored = await _stored(session_factory)
    assert stored == {
        "require_join_request": True,
        "join_escalate_hours_partner": 6,
        "inactive_auto_remove": True,
        "inactive_days": 0,
    }
    assert group_settings.join_deadline_hours(stored, "partner") == (6, 72)
    assert await _say(harness, "/settings join_escalate_hours_partner default") == (
        "已恢复默认：<code>join_escalate_hours_partner</code> = 24。"
    )
    assert await _say(harness, "/settings inactive_days 默认") == (
        "已恢复默认：<code>inactive_days</code> = 30。"
    )
    assert await _stored(session_factory) == {
        "require_join_request": True, "inactive_auto_remove": True,
    }  # fmt: skip


async def test_one_setting_is_shown_with_how_to_change_it(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock, welcome_timeout_hours=6)
    assert (await _say(harness, "/settings welcome_timeout_hours")).splitlines() == [
        "• <code>welcome_timeout_hours</code> = <b>6</b>（默认：24）"
        "— 新成员须在多少小时内接受群规，否则被移出（1–168）",
        "修改：/settings welcome_timeout_hours 值；"
        "恢复默认：/settings welcome_timeout_hours default",
    ]


async def test_bad_input_is_answered_precisely(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    assert await _say(harness, "/settings join_escalate_hour 12") == (
        "没有名为「join_escalate_hour」的设置。您是不是要找：join_escalate_hours, "
        "join_escalate_hours_student, join_escalate_hours_partner？"
    )
    assert await _say(harness, "/settings nothing_like_it 1") == (
        "没有名为「nothing_like_it」的设置。发送 /settings 查看全部设置。"
    )
    assert await _say(harness, "/settings welcome_timeout_hours 200") == (
        "200 超出范围：welcome_timeout_hours 需要 1–168 之间的整数。"
    )
    assert await _say(harness, "/settings inactive_days 两周") == (
        "「两周」不是整数。inactive_days 需要 0–365 之间的整数，或 default 恢复默认。"
    )
    assert await _say(harness, "/settings clean_join_messages maybe") == (
        "「maybe」无法识别。clean_join_messages 只接受 开/关（on/off、是/否、1/0），"
        "或 default 恢复默认。"
    )
    assert await _stored(session_factory) == {}


async def test_members_are_refused_and_org_admins_allowed(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    assert await _say(harness, "/settings", user_id=MEMBER) == "只有本群管理员可以这样做。"
    assert await _say(harness, "/settings inactive_days 5", user_id=MEMBER) == (
        "只有本群管理员可以这样做。"
    )
    assert await _stored(session_factory) == {}
    assert await _say(harness, "/settings inactive_days 5", user_id=ORG_ADMIN) == (
        "已设置 <code>inactive_days</code> = 5。"
    )


async def test_a_demoted_admin_is_refused_at_once(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await admins.sync_group_admins(session, GROUP_ID, [], now=clock.now())
    assert await _say(harness, "/settings inactive_days 5") == "只有本群管理员可以这样做。"
    assert await _stored(session_factory) == {}


async def test_private_chat_is_sent_to_the_group(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    await harness.message("/settings inactive_days 5", user_id=ADMIN.id)
    assert harness.messenger.texts_to(ADMIN.id) == [
        "请在要设置的群里发送 /settings（仅群管理员可用）。"
    ]
    assert await _stored(session_factory) == {}


async def test_answers_in_the_groups_language(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock, language="en")
    listing = await _say(harness, "/settings")
    assert listing.splitlines()[0] == '<b>Settings of "项目一组"</b>'
    assert "<b>Inactive members</b>" in listing
    assert "• <code>inactive_auto_remove</code> = off (default) — remove them" in listing
    assert await _say(harness, "/settings inactive_auto_remove yes") == (
        "Set <code>inactive_auto_remove</code> = on."
    )
    assert await _say(harness, "/settings inactive_grace_days 91") == (
        "91 is out of range: inactive_grace_days takes a whole number from 1 to 90."
    )


async def _policy(session_factory) -> ModerationPolicy:
    async with session_factory() as session:
        group = await groups.get(session, GROUP_ID)
    assert group is not None
    return ModerationPolicy.from_settings(group.kind, group.settings)


async def test_moderation_and_content_sections_are_listed(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock, news_quota=0, question_raise_hours=12)
    listing = await _say(harness, "/settings")
    lines = listing.splitlines()
    assert lines.index("<b>内容</b>") < lines.index("<b>内容审核</b>")
    assert "• <code>question_raise_hours</code> = <b>12</b>（默认：4）— 群里的提问" in listing
    assert "• <code>moderation</code> = 开（默认值）— 内容审核总开关" in listing
    assert "• <code>news_quota</code> = <b>0</b>（默认：3）" in listing
    assert "• <code>private_data_check</code> = 按群类型（本群：身份证号、银行卡号）（默认值）" in (
        listing
    )
    assert "审核名单（允许的域名、白名单成员、广告许可、处罚阶梯）：/modlist" in lines
    moderation_at = lines.index("<b>内容审核</b>")
    names = [line.split("</code>")[0].split("<code>")[-1] for line in lines[moderation_at + 1 :]]
    assert names[:10] == [
        "moderation", "ad_check", "channel_forwards_allowed", "private_data_check", "news_quota",
        "max_file_mb", "max_video_mb", "max_voice_s", "warning_days", "admins_exempt",
    ]  # fmt: skip


async def test_private_data_check_by_kind_is_explained(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await groups.configure(session, GROUP_ID, kind="student_service", now=clock.now())
    by_kind = "按群类型（学员服务群：手机号、身份证号、银行卡号、邮箱）"
    assert f"<code>private_data_check</code> = {by_kind}（默认值）" in (
        await _say(harness, "/settings private_data_check")
    )
    assert await _say(harness, "/settings private_data_check 关") == (
        "已设置 <code>private_data_check</code> = 关。"
    )
    assert (await _policy(session_factory)).private_data == frozenset()
    assert (await _say(harness, "/settings private_data_check")).startswith(
        f"• <code>private_data_check</code> = <b>关</b>（默认：{by_kind}）"
    )
    assert await _say(harness, "/settings private_data_check default") == (
        f"已恢复默认：<code>private_data_check</code> = {by_kind}。"
    )
    assert len((await _policy(session_factory)).private_data) == 4
    assert await _stored(session_factory) == {"moderation": {}}


async def test_moderation_settings_are_stored_nested_and_reach_the_policy(
    harness, session_factory, clock
) -> None:
    await _prepare(session_factory, clock)
    for command, answer in [
        ("/settings moderation off", "已设置 <code>moderation</code> = 关。"),
        ("/settings ad_check 关", "已设置 <code>ad_check</code> = 关。"),
        (
            "/settings channel_forwards_allowed on",
            "已设置 <code>channel_forwards_allowed</code> = 开。",
        ),
        ("/settings news_quota 10", "已设置 <code>news_quota</code> = 10。"),
        ("/settings max_file_mb 0", "已设置 <code>max_file_mb</code> = 0。"),
        ("/settings max_video_mb 2000", "已设置 <code>max_video_mb</code> = 2000。"),
        ("/settings max_voice_s 120", "已设置 <code>max_voice_s</code> = 120。"),
        ("/settings warning_days 90", "已设置 <code>warning_days</code> = 90。"),
        ("/settings admins_exempt 否", "已设置 <code>admins_exempt</code> = 关。"),
        ("/settings question_raise_hours 24", "已设置 <code>question_raise_hours</code> = 24。"),
    ]:
        assert await _say(harness, command) == answer
    stored = await _stored(session_factory)
    assert stored == {
        "question_raise_hours": 24,
        "moderation": {
            "enabled": False, "ads": False, "allow_channel_forwards": True,
            "news_quota_per_day": 10, "max_file_mb": 0, "max_video_mb": 2000, "max_voice_s": 120,
            "ladder_window_days": 90, "exempt_admins": False,
        },
    }  # fmt: skip
    policy = await _policy(session_factory)
    assert (policy.enabled, policy.check_ads, policy.allow_channel_forwards) == (False, False, True)
    assert (policy.news_quota_per_day, policy.ladder_window_days, policy.exempt_admins) == (
        10, 90, False,
    )  # fmt: skip
    assert (policy.media.max_file_mb, policy.media.max_video_mb, policy.media.max_voice_s) == (
        0, 2000, 120,
    )  # fmt: skip
    assert group_settings.question_raise_hours(stored) == 24
    assert await _say(harness, "/settings news_quota default") == (
        "已恢复默认：<code>news_quota</code> = 3。"
    )
    assert (await _policy(session_factory)).news_quota_per_day == 3
    assert "news_quota_per_day" not in (await _stored(session_factory))["moderation"]


async def test_moderation_values_out_of_range_are_refused(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock)
    assert await _say(harness, "/settings news_quota 51") == (
        "51 超出范围：news_quota 需要 0–50 之间的整数。"
    )
    assert await _say(harness, "/settings max_voice_s 一分钟") == (
        "「一分钟」不是整数。max_voice_s 需要 0–3600 之间的整数，或 default 恢复默认。"
    )
    assert await _say(harness, "/settings warning_days 0") == (
        "0 超出范围：warning_days 需要 1–365 之间的整数。"
    )
    assert await _say(harness, "/settings ad_check maybe") == (
        "「maybe」无法识别。ad_check 只接受 开/关（on/off、是/否、1/0），或 default 恢复默认。"
    )
    assert await _say(harness, "/settings moderation on", user_id=MEMBER) == (
        "只有本群管理员可以这样做。"
    )
    assert await _stored(session_factory) == {}


async def test_moderation_section_in_english(harness, session_factory, clock) -> None:
    await _prepare(session_factory, clock, language="en")
    listing = await _say(harness, "/settings")
    assert "<b>Moderation</b>" in listing.splitlines() and "<b>Content</b>" in listing
    assert (
        "• <code>private_data_check</code> = by group kind (here: ID and bank card) (default)"
        in (listing)
    )
