"""A join request through the real dispatcher: questions, routing, approve / decline."""

from __future__ import annotations

from sqlalchemy import select

from handlers.joining.callbacks import DecideCallback, ask
from organizer.models import JoinRequestStatus, Membership
from tests.handlers.conftest import GROUP_ID
from tests.handlers.joining.helpers import (
    ADMIN,
    APPLICANT,
    HEAD,
    STRANGER,
    buttons,
    join_request,
    prepare,
    request_row,
)


def decide(decision: str, request_id: int) -> str:
    return DecideCallback(decision=decision, request_id=request_id).pack()


async def _answer_all(harness, session_factory) -> int:
    await harness.feed(join_request())
    [question] = harness.messenger.texts_to(APPLICANT)
    assert question.startswith("你申请加入「项目一组」。请问你是？")
    request_id = (await request_row(session_factory)).id
    assert buttons(harness, APPLICANT)[0] == ("公司员工", ask("type", request_id, "employee"))
    await harness.press(ask("type", request_id, "employee"), user_id=APPLICANT, chat_id=APPLICANT)
    assert harness.messenger.texts_to(APPLICANT)[-1] == "你在哪个部门？请输入部门名称。"
    await harness.message("教研部", user_id=APPLICANT)
    assert (await request_row(session_factory)).department == "教研部"
    assert buttons(harness, APPLICANT) == [
        ("Head (教研部)", ask("voucher", request_id, HEAD.id)),
        ("其他人（输入 @用户名）", ask("other", request_id)),
    ]
    await harness.press(ask("voucher", request_id, HEAD.id), user_id=APPLICANT, chat_id=APPLICANT)
    assert "担保人：Head" in harness.messenger.texts_to(APPLICANT)[-1]
    await harness.press(ask("confirm", request_id), user_id=APPLICANT, chat_id=APPLICANT)
    return request_id


async def test_answered_request_goes_to_the_approver_who_approves(
    harness, session_factory, clock
) -> None:
    await prepare(session_factory, clock)
    harness.session.answers["ApproveChatJoinRequest"] = True
    request_id = await _answer_all(harness, session_factory)
    assert harness.messenger.texts_to(APPLICANT)[-1].startswith("谢谢。你的申请已交给 Head 审批")
    [card] = harness.messenger.texts_to(HEAD.id)
    assert "入群申请：Li（@li）" in card and "部门：教研部" in card and "身份：公司员工" in card
    assert buttons(harness, HEAD.id)[0][1] == decide("approve", request_id)
    assert harness.messenger.texts_to(ADMIN.id) == []  # the approver was reachable
    row = await request_row(session_factory)
    assert row.routed_to == HEAD.id and row.answered_at is not None

    await harness.press(decide("approve", request_id), user_id=HEAD.id, chat_id=HEAD.id)
    [call] = harness.session.called("ApproveChatJoinRequest")
    assert (call.chat_id, call.user_id) == (GROUP_ID, APPLICANT)
    row = await request_row(session_factory)
    assert row.status == JoinRequestStatus.APPROVED and row.decided_by == HEAD.id
    assert row.decided_at == clock.now()
    async with session_factory() as session:
        membership = await session.scalar(select(Membership).where(Membership.user_id == 30))
    assert membership is not None
    assert (membership.joined_via, membership.member_type, membership.department) == (
        "request", "employee", "教研部",
    )  # fmt: skip
    assert harness.messenger.texts_to(APPLICANT)[-1] == "你加入「项目一组」的申请已通过，欢迎！"
    assert harness.messenger.edits[-1][2].startswith("Head：已通过")

    # A second presser is told who decided, and nothing is approved twice.
    await harness.press(decide("approve", request_id), user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.alerts()[-1] == "已由 Head 于 2026年3月2日 周一 09:00 处理：已通过。"
    assert len(harness.session.called("ApproveChatJoinRequest")) == 1


async def test_decline_asks_a_reason_privately_and_tells_the_applicant(
    harness, session_factory, clock
) -> None:
    await prepare(session_factory, clock)
    harness.session.answers["DeclineChatJoinRequest"] = True
    request_id = await _answer_all(harness, session_factory)
    await harness.press(decide("decline", request_id), user_id=HEAD.id, chat_id=HEAD.id)
    assert harness.messenger.texts_to(HEAD.id)[-1].startswith("拒绝 Li 的申请的理由是？")
    await harness.message("/cancel", user_id=HEAD.id)
    assert harness.messenger.texts_to(HEAD.id)[-1] == "已取消：该申请仍在等待处理。"
    assert (await request_row(session_factory)).status == JoinRequestStatus.PENDING

    await harness.press(decide("decline", request_id), user_id=HEAD.id, chat_id=HEAD.id)
    await harness.message("不是本部门员工", user_id=HEAD.id)
    [call] = harness.session.called("DeclineChatJoinRequest")
    assert (call.chat_id, call.user_id) == (GROUP_ID, APPLICANT)
    row = await request_row(session_factory)
    assert (row.status, row.reason, row.decided_by) == ("declined", "不是本部门员工", HEAD.id)
    assert harness.messenger.texts_to(APPLICANT)[-1] == (
        "你加入「项目一组」的申请未通过。理由：不是本部门员工"
    )
    assert harness.messenger.texts_to(HEAD.id)[-1] == "已拒绝，并已通知申请人。"


async def test_non_approvers_and_forged_presses_are_refused(
    harness, session_factory, clock
) -> None:
    await prepare(session_factory, clock)
    harness.session.answers["ApproveChatJoinRequest"] = True
    request_id = await _answer_all(harness, session_factory)
    await harness.press(decide("approve", request_id), user_id=STRANGER, chat_id=STRANGER)
    assert harness.alerts()[-1] == "只有收到该申请的审批人、本群审批人或管理员才能处理此申请。"
    await harness.press(decide("approve", 99999), user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.alerts()[-1] == "该入群申请已不存在。"
    await harness.press(f"v1jd:ban:{request_id}", user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.alerts()[-1] == "这个按钮已失效，请重新发送命令。"
    # The applicant's own buttons: someone else's press, and a voucher who is no approver.
    await harness.press(ask("confirm", request_id), user_id=STRANGER, chat_id=STRANGER)
    assert harness.alerts()[-1] == "这不是你的申请。"
    assert harness.session.called("ApproveChatJoinRequest") == []
    assert (await request_row(session_factory)).status == JoinRequestStatus.PENDING


async def test_forged_voucher_is_refused(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock)
    await harness.feed(join_request())
    request_id = (await request_row(session_factory)).id
    await harness.press(ask("type", request_id, "partner"), user_id=APPLICANT, chat_id=APPLICANT)
    await harness.press(ask("voucher", request_id, STRANGER), user_id=APPLICANT, chat_id=APPLICANT)
    assert harness.alerts()[-1] == "该按钮已失效。"
    assert (await request_row(session_factory)).voucher_id is None
    await harness.press(ask("type", request_id, "boss"), user_id=APPLICANT, chat_id=APPLICANT)
    assert harness.alerts()[-1] == "该按钮已失效。"


async def test_typed_voucher_unknown_goes_to_admins(harness, session_factory, clock) -> None:
    await prepare(session_factory, clock)
    await harness.feed(join_request())
    request_id = (await request_row(session_factory)).id
    await harness.press(ask("type", request_id, "student"), user_id=APPLICANT, chat_id=APPLICANT)
    await harness.press(ask("other", request_id), user_id=APPLICANT, chat_id=APPLICANT)
    await harness.message("zhang", user_id=APPLICANT)
    assert harness.messenger.texts_to(APPLICANT)[-1] == "请输入 @用户名，例如 @zhang_san。"
    await harness.message("@somebody", user_id=APPLICANT)
    await harness.press(ask("confirm", request_id), user_id=APPLICANT, chat_id=APPLICANT)
    row = await request_row(session_factory)
    assert (row.voucher_id, row.voucher_text, row.routed_to) == (None, "@somebody", None)
    [card] = harness.messenger.texts_to(ADMIN.id)
    assert "担保人：@somebody" in card and "身份：学员" in card
    assert harness.messenger.texts_to(APPLICANT)[-1].startswith("谢谢。你的申请已交给本群管理员")
