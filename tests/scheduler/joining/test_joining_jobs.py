"""The join request's timed steps through the real runner with an injected clock."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.models import JoinRequestStatus, MemberRole, MemberStatus, MemberType
from organizer.services import admins, groups, joining, users
from organizer.services.users import TelegramProfile
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger

GROUP = -100777
TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
ADMIN = TelegramProfile(id=1, first_name="Admin")
APPLICANT = TelegramProfile(id=3, first_name="Li", username="li", language_code="en")


@dataclass
class RecordingGate:
    declined: list[tuple[int, int]] = field(default_factory=list)

    async def approve_join_request(self, chat_id: int, user_id: int) -> None:
        raise AssertionError("jobs never approve")

    async def decline_join_request(self, chat_id: int, user_id: int) -> None:
        self.declined.append((chat_id, user_id))


@pytest.fixture
def gate():
    recording = RecordingGate()
    joining.set_gate(recording)
    yield recording
    joining.set_gate(None)


async def _prepare(session_factory, clock, **settings) -> int:
    now = clock.now()
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=now,
        )  # fmt: skip
        for key, value in settings.items():
            await joining.set_group_setting(session, GROUP, key, value, now=now)
        await admins.sync_group_admins(session, GROUP, [admins.AdminEntry(ADMIN)], now=now)
        await users.mark_started(session, ADMIN, now=now)
        opened = await joining.open_request(session, GROUP, APPLICANT, invite_link=None, now=now)
        return opened.request.id


def _runner(session_factory, clock, messenger) -> ActionRunner:
    return ActionRunner(
        session_factory, register_jobs(ActionRegistry()), messenger, clock, worker_id="t",
        settings=Settings(bot_token=TOKEN),
    )  # fmt: skip


async def _request(session_factory, request_id):
    async with session_factory() as session:
        return await joining.get(session, request_id)


async def test_unanswered_request_reaches_the_admins_after_five_minutes(
    session_factory, clock
) -> None:
    request_id = await _prepare(session_factory, clock)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    clock.advance(minutes=4)
    await runner.run_until_idle()
    assert messenger.texts_to(ADMIN.id) == []
    clock.advance(minutes=1)
    await runner.run_until_idle()
    [card] = messenger.texts_to(ADMIN.id)
    assert "入群申请：Li（@li）" in card and "身份：未回答" in card
    assert "申请人未在 5 分钟内完成问答" in card
    request = await _request(session_factory, request_id)
    assert request is not None and request.is_pending and request.routed_to is None


async def test_answered_request_is_not_routed_twice(session_factory, clock) -> None:
    request_id = await _prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        now = clock.now()
        await joining.answer(session, request_id, APPLICANT.id, now=now,
                             member_type=MemberType.PARTNER)  # fmt: skip
        await joining.answer(session, request_id, APPLICANT.id, now=now, voucher_text="@x")
        await joining.answer(session, request_id, APPLICANT.id, now=now, confirm=True)
    messenger = RecordingMessenger()
    clock.advance(minutes=10)
    await _runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.sent == []


async def test_escalates_after_24_hours_then_expires_after_72(session_factory, clock, gate) -> None:
    request_id = await _prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await users.mark_started(session, APPLICANT, now=clock.now())
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    clock.advance(minutes=5)
    await runner.run_until_idle()
    assert len(messenger.texts_to(ADMIN.id)) == 1
    clock.advance(hours=24)
    await runner.run_until_idle()
    escalated = messenger.texts_to(ADMIN.id)[-1]
    assert len(messenger.texts_to(ADMIN.id)) == 2 and "超时未处理：已升级给管理员" in escalated
    request = await _request(session_factory, request_id)
    assert request is not None and request.escalated_at == clock.now()
    assert gate.declined == []
    clock.advance(hours=48)
    await runner.run_until_idle()
    assert gate.declined == [(GROUP, APPLICANT.id)]
    request = await _request(session_factory, request_id)
    assert request is not None and request.status == JoinRequestStatus.EXPIRED
    assert request.decided_by is None and request.reason == "expired"
    assert messenger.texts_to(APPLICANT.id) == [
        "Your request to join “G” was not decided in time and has been closed. "
        "You may ask again later."
    ]


async def test_group_deadlines_and_decision_cancels_them(session_factory, clock, gate) -> None:
    request_id = await _prepare(session_factory, clock, join_escalate_hours=1,
                                join_decline_hours=2)  # fmt: skip
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    clock.advance(hours=1)
    await runner.run_until_idle()
    assert "超时未处理" in messenger.texts_to(ADMIN.id)[-1]
    async with unit_of_work(session_factory) as session:
        await joining.decide(session, request_id, approve=True, by=ADMIN.id, now=clock.now())
    sent = len(messenger.sent)
    clock.advance(hours=5)
    await runner.run_until_idle()
    assert gate.declined == [] and len(messenger.sent) == sent


async def test_expiry_of_an_unreachable_applicant_is_recorded(session_factory, clock, gate) -> None:
    request_id = await _prepare(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await admins.record_member_status(
            session, GROUP, ADMIN, status=MemberStatus.ACTIVE, role=MemberRole.ADMIN,
            now=clock.now(),
        )  # fmt: skip
    messenger = RecordingMessenger(unreachable={APPLICANT.id})
    clock.advance(hours=72)
    await _runner(session_factory, clock, messenger).run_until_idle()
    request = await _request(session_factory, request_id)
    assert request is not None and request.status == JoinRequestStatus.EXPIRED
    async with session_factory() as session:
        applicant = await users.get(session, APPLICANT.id)
    assert applicant is not None and applicant.private_unreachable_since is not None
