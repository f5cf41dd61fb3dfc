"""Join requests and approver lists against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from organizer.i18n import Catalogue
from organizer.models import (
    JoinRequestStatus,
    MemberRole,
    Membership,
    MemberStatus,
    MemberType,
)
from organizer.services import admins, approvers, groups, joining, scheduled_actions, users
from organizer.services.approvers import ApproverError
from organizer.services.joining import JoinError
from organizer.services.users import TelegramProfile
from tests.fakes import RecordingMessenger

GROUP = -1007001
ADMIN = TelegramProfile(id=1, first_name="Admin", username="boss")
HEAD = TelegramProfile(id=2, first_name="Head", username="Zhang_Head")
APPLICANT = TelegramProfile(id=3, first_name="Li", username="li")


async def _setup(session, clock, **settings) -> None:
    await groups.register(
        session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai", default_language="zh",
        now=clock.now(),
    )  # fmt: skip
    for key, value in settings.items():
        await joining.set_group_setting(session, GROUP, key, value, now=clock.now())
    await admins.sync_group_admins(session, GROUP, [admins.AdminEntry(ADMIN)], now=clock.now())
    await admins.record_member_status(
        session, GROUP, HEAD, status=MemberStatus.ACTIVE, role=MemberRole.MEMBER, now=clock.now()
    )


async def test_open_schedules_steps_and_answers_are_stored(session, clock) -> None:
    await _setup(session, clock)
    opened = await joining.open_request(
        session, GROUP, APPLICANT, invite_link="https://t.me/+x", now=clock.now()
    )
    request = opened.request
    assert not opened.returning and not opened.auto_approved
    assert request.answers_until == clock.now() + timedelta(minutes=5)
    due = {a.kind: a.due_at for a in await scheduled_actions.pending(session, group_id=GROUP)}
    assert due == {
        joining.ROUTE_UNANSWERED: clock.now() + timedelta(minutes=5),
        joining.ESCALATE: clock.now() + timedelta(hours=24),
        joining.EXPIRE: clock.now() + timedelta(hours=72),
    }
    assert request.next_step() == "type"
    request = await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.EMPLOYEE
    )
    assert request.next_step() == "department"
    request = await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), department=" 教研部 "
    )
    assert request.department == "教研部" and request.next_step() == "voucher"
    with pytest.raises(JoinError, match="join-error-incomplete"):
        await joining.answer(session, request.id, APPLICANT.id, now=clock.now(), confirm=True)
    request = await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), voucher_id=HEAD.id, voucher_text="Head"
    )
    done = await joining.answer(session, request.id, APPLICANT.id, now=clock.now(), confirm=True)
    assert done.answered_at == clock.now() and done.next_step() == "done"
    # The same request delivered again is not a second request.
    again = await joining.open_request(session, GROUP, APPLICANT, invite_link=None, now=clock.now())
    assert again.request.id == request.id


async def test_answers_are_refused_to_others_and_after_the_window(session, clock) -> None:
    await _setup(session, clock)
    request = (await joining.open_request(session, GROUP, APPLICANT, invite_link=None,
                                          now=clock.now())).request  # fmt: skip
    with pytest.raises(JoinError, match="join-error-not-yours"):
        await joining.answer(
            session, request.id, HEAD.id, now=clock.now(), member_type=MemberType.STUDENT
        )
    clock.advance(minutes=6)
    with pytest.raises(JoinError, match="join-error-too-late"):
        await joining.answer(
            session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.STUDENT
        )


async def test_approve_records_membership_and_cancels_steps(session, clock) -> None:
    await _setup(session, clock, join_escalate_hours=2, join_decline_hours=5)
    request = (await joining.open_request(session, GROUP, APPLICANT, invite_link=None,
                                          now=clock.now())).request  # fmt: skip
    expire = await scheduled_actions.pending(session, kind=joining.EXPIRE)
    assert expire[0].due_at == clock.now() + timedelta(hours=5)
    await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.PARTNER
    )
    decided = await joining.decide(session, request.id, approve=True, by=ADMIN.id, now=clock.now())
    assert decided.status == JoinRequestStatus.APPROVED and decided.decided_by == ADMIN.id
    assert await scheduled_actions.pending(session, group_id=GROUP) == []
    membership = await session.scalar(select(Membership).where(Membership.user_id == APPLICANT.id))
    assert membership is not None
    assert (membership.joined_via, membership.member_type) == ("request", "partner")
    with pytest.raises(JoinError, match="join-error-decided"):
        await joining.decide(session, request.id, approve=False, by=HEAD.id, now=clock.now())


async def test_who_may_decide(session, clock) -> None:
    await _setup(session, clock)
    request = (await joining.open_request(session, GROUP, APPLICANT, invite_link=None,
                                          now=clock.now())).request  # fmt: skip
    request = await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.EMPLOYEE
    )
    assert await joining.may_decide(session, request, ADMIN.id)
    assert not await joining.may_decide(session, request, HEAD.id)
    await approvers.add(
        session, GROUP, MemberType.EMPLOYEE, HEAD.id, label="教研部", added_by=1, now=clock.now()
    )
    assert await joining.may_decide(session, request, HEAD.id)
    assert not await joining.may_decide(session, request, APPLICANT.id)
    assert await joining.may_decide(session, request, 999, org_admin_ids=[999])


async def test_returning_member_needs_approval_unless_the_group_says_otherwise(
    session, clock
) -> None:
    await _setup(session, clock)
    await admins.record_member_status(
        session, GROUP, APPLICANT, status=MemberStatus.LEFT, role=MemberRole.MEMBER,
        now=clock.now(),
    )  # fmt: skip
    opened = await joining.open_request(
        session, GROUP, APPLICANT, invite_link=None, now=clock.now()
    )
    assert opened.returning and not opened.auto_approved
    await joining.decide(session, opened.request.id, approve=False, by=1, reason="no",
                         now=clock.now())  # fmt: skip
    await joining.set_group_setting(
        session, GROUP, "returning_skip_approval", True, now=clock.now()
    )
    opened = await joining.open_request(
        session, GROUP, APPLICANT, invite_link=None, now=clock.now()
    )
    assert opened.auto_approved
    assert opened.request.status == JoinRequestStatus.APPROVED
    assert opened.request.decided_by is None and opened.request.reason == "returning member"
    assert await scheduled_actions.pending(session, group_id=GROUP) == []


async def test_approver_list_and_unknown_username(session, clock) -> None:
    await _setup(session, clock)
    head = await approvers.find_by_username(session, "@zhang_head")  # case-insensitive
    assert head.id == HEAD.id
    with pytest.raises(ApproverError) as caught:
        await approvers.find_by_username(session, "@nobody")
    assert caught.value.code == "approvers-unknown-username"
    with pytest.raises(ApproverError):
        approvers.parse_type("boss")
    kind = approvers.parse_type("Employee")
    assert await approvers.add(session, GROUP, kind, HEAD.id, label="教研部", added_by=1,
                               now=clock.now())  # fmt: skip
    assert not await approvers.add(session, GROUP, kind, HEAD.id, label=None, added_by=1,
                                   now=clock.now())  # fmt: skip
    [entry] = await approvers.list_for(session, GROUP, "employee")
    assert (entry.name, entry.label, entry.present) == ("Head", "教研部", True)
    assert await approvers.remove(session, GROUP, kind, HEAD.id)
    assert not await approvers.remove(session, GROUP, kind, HEAD.id)
    assert await approvers.list_for(session, GROUP) == []


async def test_card_goes_to_admins_when_the_chosen_approver_left(session, clock) -> None:
    await _setup(session, clock)
    await users.mark_started(session, ADMIN, now=clock.now())
    await users.mark_started(session, HEAD, now=clock.now())
    await approvers.add(session, GROUP, MemberType.STUDENT, HEAD.id, label=None, added_by=1,
                        now=clock.now())  # fmt: skip
    request = (await joining.open_request(session, GROUP, APPLICANT, invite_link=None,
                                          now=clock.now())).request  # fmt: skip
    await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.STUDENT
    )
    request = await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), voucher_id=HEAD.id, voucher_text="Head"
    )
    await admins.record_member_status(
        session, GROUP, HEAD, status=MemberStatus.LEFT, role=MemberRole.MEMBER, now=clock.now()
    )
    messenger = RecordingMessenger()
    routing = await approvers.route_card(session, messenger, Catalogue(), request, now=clock.now())
    assert routing.routed_to is None and routing.private == (ADMIN.id,)
    assert routing.skipped_absent == HEAD.id
    [card] = messenger.texts_to(ADMIN.id)
    assert "入群申请：Li（@li）" in card and "所选审批人 Head 已不在群内" in card
    assert messenger.texts_to(HEAD.id) == []


async def test_deadlines_follow_the_member_type_once_it_is_answered(session, clock) -> None:
    await _setup(session, clock, join_escalate_hours_student=2, join_decline_hours_student=6)
    start = clock.now()
    opened = await joining.open_request(session, GROUP, APPLICANT, invite_link=None, now=start)
    request = opened.request
    clock.advance(minutes=1)
    await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), member_type=MemberType.STUDENT
    )
    await joining.answer(
        session, request.id, APPLICANT.id, now=clock.now(), voucher_id=None, voucher_text="@t"
    )
    await joining.answer(session, request.id, APPLICANT.id, now=clock.now(), confirm=True)
    due = {a.kind: a.due_at for a in await scheduled_actions.pending(session, group_id=GROUP)}
    # Counted from the request, not from the answer.
    assert due[joining.ESCALATE] == start + timedelta(hours=2)
    assert due[joining.EXPIRE] == start + timedelta(hours=6)
