"""/invite and /approvers through the real dispatcher; a returning member."""

from __future__ import annotations

from organizer.database import unit_of_work
from organizer.models import JoinRequestStatus, MemberRole, MemberStatus
from organizer.services import admins, approvers
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import BOT_ID, GROUP_ID, admin_json
from tests.handlers.joining.helpers import (
    ADMIN,
    APPLICANT,
    HEAD,
    STRANGER,
    join_request,
    prepare,
    request_row,
)

LINK = {
    "invite_link": "https://t.me/+AbCdEf", "creator": {"id": BOT_ID, "is_bot": True,
    "first_name": "Organizer"}, "creates_join_request": True, "is_primary": False,
    "is_revoked": False,
}  # fmt: skip


async def test_invite_creates_a_join_request_link(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock)
    harness.session.answers["GetChatMember"] = admin_json(BOT_ID)
    harness.session.answers["CreateChatInviteLink"] = LINK
    await harness.message("/invite", user_id=ADMIN.id, chat_id=GROUP_ID)
    [call] = harness.session.called("CreateChatInviteLink")
    assert call.creates_join_request is True and call.chat_id == GROUP_ID
    [private] = harness.messenger.texts_to(ADMIN.id)
    assert "https://t.me/+AbCdEf" in private
    assert harness.messenger.texts_to(GROUP_ID) == ["邀请链接已私聊发给你。"]
    async with session_factory() as session:
        from organizer.services import groups

        group = await groups.get(session, GROUP_ID)
    assert group is not None and group.settings["require_join_request"] is True


async def test_invite_without_the_right_and_by_a_member(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock)
    harness.session.answers["GetChatMember"] = admin_json(BOT_ID, can_invite_users=False)
    await harness.message("/invite", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith("我无法创建邀请链接")
    await harness.message("/invite", user_id=STRANGER, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == "只有本群管理员可以这样做。"
    assert harness.session.called("CreateChatInviteLink") == []


async def test_approvers_add_list_remove_and_unknown(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock, head_approves=False)
    say = harness.message
    await say("/approvers add partner @Zhang_Head 商务部", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == (
        "Head 现在审批以下身份的入群申请：外部合作伙伴。"
    )
    async with session_factory() as session:
        [entry] = await approvers.list_for(session, GROUP_ID)
    assert (entry.user_id, entry.member_type, entry.label) == (HEAD.id, "partner", "商务部")
    await say("/approvers", user_id=ADMIN.id, chat_id=GROUP_ID)
    listing = harness.messenger.texts_to(GROUP_ID)[-1]
    assert "外部合作伙伴：Head @zhang_head (商务部)" in listing
    assert "公司员工：无（由管理员审批）" in listing
    await say("/approvers add employee @ghost", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith("我还没见过 @ghost")
    await say("/approvers add boss @zhang_head", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1].startswith("“boss”不是有效身份")
    await say("/approvers add partner @zhang_head", user_id=STRANGER, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == "只有本群管理员可以这样做。"
    await say("/approvers remove partner @zhang_head", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert harness.messenger.texts_to(GROUP_ID)[-1] == (
        "Head 不再审批以下身份的入群申请：外部合作伙伴。"
    )
    async with session_factory() as session:
        assert await approvers.list_for(session, GROUP_ID) == []


async def test_approver_who_left_is_marked_and_skipped(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await admins.record_member_status(
            session, GROUP_ID, HEAD, status=MemberStatus.LEFT, role=MemberRole.MEMBER,
            now=clock.now(),
        )  # fmt: skip
    await harness.message("/approvers", user_id=ADMIN.id, chat_id=GROUP_ID)
    assert (
        "Head @zhang_head (教研部)（已不在群内，跳过）" in harness.messenger.texts_to(GROUP_ID)[-1]
    )
    # The applicant is not offered an approver who left.
    await harness.feed(join_request())
    request_id = (await request_row(session_factory)).id
    from handlers.joining.callbacks import ask

    await harness.press(ask("type", request_id, "employee"), user_id=APPLICANT, chat_id=APPLICANT)
    await harness.message("教研部", user_id=APPLICANT)
    message = harness.messenger.sent[-1]
    assert [b.text for row in message.keyboard or () for b in row] == ["其他人（输入 @用户名）"]


async def test_returning_member_is_approved_again_or_at_once(
    harness, session_factory, clock
) -> None:
    returning = TelegramProfile(id=APPLICANT, first_name="Li")
    await prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await admins.record_member_status(
            session, GROUP_ID, returning, status=MemberStatus.LEFT, role=MemberRole.MEMBER,
            now=clock.now(),
        )  # fmt: skip
    await harness.feed(join_request())
    assert harness.messenger.texts_to(APPLICANT)[-1].startswith("你申请加入「项目一组」")
    first = await request_row(session_factory)
    assert first.status == JoinRequestStatus.PENDING
    async with unit_of_work(session_factory) as session:
        from organizer.services import joining

        await joining.decide(session, first.id, approve=False, by=ADMIN.id, reason="x",
                             now=clock.now())  # fmt: skip
        await joining.set_group_setting(
            session, GROUP_ID, "returning_skip_approval", True, now=clock.now()
        )
    harness.session.answers["ApproveChatJoinRequest"] = True
    await harness.feed(join_request())
    [call] = harness.session.called("ApproveChatJoinRequest")
    assert call.user_id == APPLICANT
    second = await request_row(session_factory)
    assert (second.status, second.decided_by, second.reason) == (
        "approved", None, "returning member",
    )  # fmt: skip
    assert harness.messenger.texts_to(APPLICANT)[-1] == (
        "欢迎回到「项目一组」：你是回归成员，已直接通过。"
    )
