"""/modlist through the real dispatcher: the listing, every change, precise refusals, and the
effect on the moderation policy the pipeline builds."""

from __future__ import annotations

from typing import Any

from organizer.database import unit_of_work
from organizer.moderation.policy import DEFAULT_ALLOWED_DOMAINS, DEFAULT_LADDER, ModerationPolicy
from organizer.services import admins, group_settings, groups
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN
from tests.handlers.moderation_settings.conftest import ADA, BOB, CAROL, author, say

MEMBER = BOB.id
REFUSED = "只有本群管理员可以这样做。"


async def _moderation(session_factory) -> dict[str, Any]:
    async with session_factory() as session:
        group = await groups.get(session, GROUP_ID)
    assert group is not None
    return group.settings.get("moderation", {})


async def _policy(session_factory) -> ModerationPolicy:
    async with session_factory() as session:
        group = await groups.get(session, GROUP_ID)
    assert group is not None
    return ModerationPolicy.from_settings(None, group.settings)


async def test_listing_shows_the_defaults_and_empty_lists(harness) -> None:
    lines = (await say(harness, "/modlist")).splitlines()
    assert lines[0] == "<b>「项目一组」的审核名单</b>"
    assert "默认：" + ", ".join(sorted(DEFAULT_ALLOWED_DOMAINS)) in lines
    assert "本群添加：无" in lines
    exempt_at = lines.index("<b>白名单成员</b>（不受内容审核）")
    ads_at = lines.index("<b>可发广告的成员</b>")
    assert lines[exempt_at + 1] == "无" and lines[ads_at + 1] == "无"
    ladder_at = lines.index("<b>处罚阶梯</b>（默认；警告在 30 天内累计）")
    assert lines[ladder_at + 1] == "warn → mute:1h → mute:24h → kick"
    assert lines[-1].startswith("处罚阶梯：/modlist ladder warn mute:1h")
    assert "内容审核已关闭" not in "\n".join(lines)


async def test_listing_shows_what_was_changed(harness, session_factory, clock) -> None:
    await say(harness, "/modlist domains add https://www.Example.com/page")
    await say(harness, "/modlist exempt add @bob")
    await say(harness, "/modlist advertisers add 777")  # never seen: shown by id
    await say(harness, "/modlist ladder warn ban:7d")
    async with unit_of_work(session_factory) as session:
        await group_settings.set_value(session, GROUP_ID, "warning_days", 60, now=clock.now())
        await group_settings.set_value(session, GROUP_ID, "moderation", False, now=clock.now())
    listing = await say(harness, "/modlist")
    lines = listing.splitlines()
    assert lines[1] == "本群的内容审核已关闭（/settings moderation 开 可重新开启）。"
    assert "本群添加：example.com" in lines
    exempt_at = lines.index("<b>白名单成员</b>（不受内容审核）")
    assert lines[exempt_at + 1] == "• Bob (@bob) · <code>303</code>"
    ads_at = lines.index("<b>可发广告的成员</b>")
    assert lines[ads_at + 1] == "• 777 · <code>777</code>"
    ladder_at = lines.index("<b>处罚阶梯</b>（本群设定；警告在 60 天内累计）")
    assert lines[ladder_at + 1] == "warn → ban:7d"


async def test_domains_add_and_remove(harness, session_factory) -> None:
    assert await say(harness, "/modlist domains add https://www.Example.com/x?y=1") == (
        "已允许 <code>example.com</code>（含子域名）的链接。"
    )
    assert await say(harness, "/modlist domain 添加 例子.中国") == (
        "已允许 <code>例子.中国</code>（含子域名）的链接。"
    )
    assert (await _moderation(session_factory))["allowed_domains"] == ["example.com", "例子.中国"]
    assert "example.com" in (await _policy(session_factory)).allowed_domains
    assert await say(harness, "/modlist domains remove EXAMPLE.com") == (
        "已移除 <code>example.com</code>，其链接不再默认允许。"
    )
    policy = await _policy(session_factory)
    assert "example.com" not in policy.allowed_domains and "例子.中国" in policy.allowed_domains


async def test_domain_refusals_are_precise(harness, session_factory) -> None:
    await say(harness, "/modlist domains add example.com")
    assert await say(harness, "/modlist domains add not_a_domain") == (
        "「not_a_domain」不是有效的域名，例如 example.com 或 https://www.example.com/page。"
    )
    assert await say(harness, "/modlist domains add 10.0.0.1") == (
        "「10.0.0.1」不是有效的域名，例如 example.com 或 https://www.example.com/page。"
    )
    assert await say(harness, "/modlist domains add news.gov.cn") == (
        "<code>news.gov.cn</code> 已默认允许（gov.cn），无需添加。"
    )
    assert await say(harness, "/modlist domains add a.example.com") == (
        "<code>a.example.com</code> 已在本群允许的域名中（example.com）。"
    )
    assert await say(harness, "/modlist domains remove gov.cn") == (
        "<code>gov.cn</code> 属于默认允许的域名（gov.cn），不能移除。"
    )
    assert await say(harness, "/modlist domains remove other.org") == (
        "本群没有添加过 <code>other.org</code>。发送 /modlist 查看名单。"
    )
    assert await say(harness, "/modlist domains add") == (
        "请写出域名，例如 <code>/modlist domains add example.com</code>。"
    )
    assert await say(harness, "/modlist domains clear") == (
        "请写 add 或 remove，例如 <code>/modlist domains add …</code>。"
    )
    assert await say(harness, "/modlist friends add @bob") == (
        "没有名为「friends」的名单。可用：domains、exempt、advertisers、ladder。"
    )
    assert (await _moderation(session_factory))["allowed_domains"] == ["example.com"]


async def test_exempt_by_username_id_and_reply(harness, session_factory) -> None:
    assert await say(harness, "/modlist exempt add @BOB") == (
        "已将 Bob (@bob) 加入白名单：其消息不再受内容审核。"
    )
    assert await say(harness, "/modlist exempt add 303") == "Bob (@bob) 已在白名单中。"
    # Carol never wrote to the bot: a reply to her message records her.
    assert await say(harness, "/modlist exempt add", reply_to=author(CAROL)) == (
        "已将 Carol 加入白名单：其消息不再受内容审核。"
    )
    assert (await _moderation(session_factory))["exempt_user_ids"] == [BOB.id, CAROL.id]
    assert (await _policy(session_factory)).exempt_user_ids == {BOB.id, CAROL.id}
    assert await say(harness, "/modlist exempt remove @bob") == "已将 Bob (@bob) 移出白名单。"
    assert await say(harness, "/modlist exempt remove @bob") == "Bob (@bob) 不在白名单中。"
    assert (await _policy(session_factory)).exempt_user_ids == {CAROL.id}


async def test_advertisers_add_and_remove(harness, session_factory) -> None:
    assert await say(harness, "/modlist advertisers add", reply_to=author(BOB)) == (
        "已允许 Bob (@bob) 发布广告。"
    )
    assert await say(harness, "/modlist ads + @bob") == "Bob (@bob) 已可发布广告。"
    assert (await _policy(session_factory)).advertisers == {BOB.id}
    assert await say(harness, "/modlist advertisers remove 303") == "已取消 Bob (@bob) 的广告许可。"
    assert await say(harness, "/modlist advertisers remove 303") == "Bob (@bob) 没有广告许可。"
    assert (await _policy(session_factory)).advertisers == frozenset()
    assert (await _moderation(session_factory))["advertisers"] == []


async def test_member_refusals_are_precise(harness, session_factory) -> None:
    assert await say(harness, "/modlist exempt add @nobody_here") == (
        "我不认识 @nobody_here：TA 需要先在群里发过言或私聊过我。"
        "也可以回复 TA 的消息，或写用户 ID。"
    )
    assert await say(harness, "/modlist exempt add -1001") == (
        "「-1001」不是 @用户名 或用户 ID。也可以回复该成员的消息发送此命令。"
    )
    assert await say(harness, "/modlist advertisers add") == (
        "请写出成员：@用户名 或用户 ID，或回复该成员的消息发送此命令。"
    )
    bot_author = {"from": {"id": 5555, "is_bot": True, "first_name": "SomeBot"}}
    channel = {**author(BOB), "sender_chat": {"id": -1005, "type": "channel", "title": "C"}}
    for replied in (bot_author, channel):
        assert await say(harness, "/modlist exempt add", reply_to=replied) == (
            "这条消息不是成员发的（频道、匿名管理员或机器人），无法加入名单。"
        )
    assert await _moderation(session_factory) == {}


async def test_ladder_set_and_reset(harness, session_factory) -> None:
    assert await say(harness, "/modlist ladder warn, Mute:30m → mute:1天 kick") == (
        "处罚阶梯已设为：warn → mute:30m → mute:1天 → kick"
    )
    assert (await _policy(session_factory)).ladder == ("warn", "mute:30m", "mute:1天", "kick")
    assert await say(harness, "/modlist ladder 默认") == (
        "已恢复默认处罚阶梯：warn → mute:1h → mute:24h → kick"
    )
    assert "ladder" not in await _moderation(session_factory)
    assert (await _policy(session_factory)).ladder == DEFAULT_LADDER


async def test_ladder_refusals_are_precise(harness, session_factory) -> None:
    await say(harness, "/modlist ladder warn kick")
    assert await say(harness, "/modlist ladder warn mute kick") == (
        "「mute」不是有效的一步。可用：warn、mute:时长（必须有时长）、kick、ban 或 ban:时长；"
        "时长 1 分钟到 366 天，如 30m、2h、1d。"
    )
    assert (await say(harness, "/modlist ladder warn mute:400d")).startswith(
        "「mute:400d」不是有效的一步。"
    )
    assert (await say(harness, "/modlist ladder warn:1h")).startswith("「warn:1h」不是有效的一步。")
    assert (await say(harness, "/modlist ladder")).startswith("请写出处罚阶梯的各步")
    assert await say(harness, "/modlist ladder " + "warn " * 11) == (
        "处罚阶梯最多 10 步（您写了 11 步）。"
    )
    assert (await _policy(session_factory)).ladder == ("warn", "kick")


async def test_members_are_refused_and_org_admins_allowed(harness, session_factory) -> None:
    assert await say(harness, "/modlist", user_id=MEMBER) == REFUSED
    assert await say(harness, "/modlist exempt add @bob", user_id=MEMBER) == REFUSED
    assert await say(harness, "/modlist ladder kick", user_id=MEMBER) == REFUSED
    assert await _moderation(session_factory) == {}
    assert await say(harness, "/modlist ladder kick", user_id=ORG_ADMIN) == "处罚阶梯已设为：kick"


async def test_a_demoted_admin_is_refused_at_once(harness, session_factory, clock) -> None:
    assert (await say(harness, "/modlist")).startswith("<b>「项目一组」的审核名单</b>")
    async with unit_of_work(session_factory) as session:
        await admins.sync_group_admins(session, GROUP_ID, [], now=clock.now())
    assert await say(harness, "/modlist domains add example.com") == REFUSED
    assert await _moderation(session_factory) == {}


async def test_private_chat_is_sent_to_the_group(harness) -> None:
    assert await say(harness, "/modlist", chat_id=ADA.id) == (
        "请在要设置的群里发送 /modlist（仅群管理员可用）。"
    )


async def test_answers_in_the_groups_language(harness, session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.configure(session, GROUP_ID, language="en", now=clock.now())
    assert (await say(harness, "/modlist")).splitlines()[0] == (
        '<b>Moderation lists of "项目一组"</b>'
    )
    assert await say(harness, "/modlist exempt add @bob") == (
        "Bob (@bob) is now allow-listed: their messages are no longer moderated."
    )
    assert await say(harness, "/modlist ladder warn mute") == (
        '"mute" is not a valid step. Steps: warn, mute:DURATION (a duration is required), kick, '
        "ban or ban:DURATION; durations from 1 minute to 366 days, e.g. 30m, 2h, 1d."
    )
