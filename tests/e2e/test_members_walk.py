"""Members end to end: request → questions → approver → welcome → accept → post → leave → return."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from organizer.database import unit_of_work
from organizer.models import Group, MemberStatus, MemberType
from organizer.services import approvers, sweep, sweep_review, welcome
from tests.e2e.conftest import Running
from tests.e2e.test_members import _group, _is_member, until


async def test_join_request_to_posting_then_leave_and_return(lively: Running) -> None:
    emu = lively.emu
    walk, admin, head, group = await _group(lively)
    async with unit_of_work(lively.app.session_factory) as session:
        await approvers.add(
            session, group.id, MemberType.EMPLOYEE, head.id, label="教研部", added_by=admin.id,
            now=lively.clock.now(),
        )  # fmt: skip
    li = emu.create_user("Li", username="li", language_code="zh")
    await emu.request_join(li, group)
    await emu.wait_for_message(li, text_contains="请问你是", timeout=10)
    await walk.tap(li, li, "公司员工", expect="哪个部门")
    await walk.say(li, li, "教研部", "谁为你担保")
    await walk.tap(li, li, "Hugo", expect="请核对")
    await walk.tap(li, li, "✅ 提交", expect="交给 Hugo 审批")
    await emu.wait_for_message(head, text_contains="入群申请：Li", timeout=10)
    await walk.tap(head, head, "✅ 通过", expect="已通过")
    await emu.wait_for_message(li, text_contains="申请已通过", timeout=10)
    assert _is_member(emu, group, li)
    welcome = await emu.wait_for_message(
        group, predicate=lambda m: "✅ 我已阅读并同意" in m.buttons, timeout=10
    )
    assert emu.resolve_chat(group).member(li.id).status == "restricted"
    await walk.tap(li, group, "✅ 我已阅读并同意")
    await until(
        emu, group, lambda: emu.resolve_chat(group).live_message(welcome.message_id) is None
    )
    await until(emu, group, lambda: emu.resolve_chat(group).member(li.id).status == "member")
    await emu.send_message(li, group, "大家好")
    assert emu.messages(group)[-1].text == "大家好"

    await emu.leave(li, group)
    await until(emu, group, lambda: not _is_member(emu, group, li))
    await emu.request_join(li, group)
    await emu.wait_for_message(li, text_contains="请问你是", after=0, timeout=10)


async def _committed(running: Running, check) -> None:
    """Wait until the bot's transaction is committed: a reply is visible before its commit, and
    the next step must not race it. Polls the database; times out after 10 s."""
    for _ in range(500):
        async with running.app.session_factory() as session:
            if await check(session):
                return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot never committed the expected state")


def _member(group_id: int, user_id: int, check):
    async def probe(session) -> bool:
        row = await welcome.membership(session, group_id, user_id)
        return row is not None and bool(check(row))

    return probe


async def _review_saved(session) -> bool:
    return any(
        sweep_review.REVIEW_KEY in (g.settings or {}) for g in await session.scalars(select(Group))
    )


async def test_inactivity_sweep_from_reminder_to_removal(lively: Running) -> None:
    emu, clock = lively.emu, lively.clock
    walk, admin, _hugo, group = await _group(lively)
    bob = emu.create_user("Bob", language_code="zh")
    await emu.join(bob, group)
    await walk.say(bob, bob, "/start", "您好")
    await emu.wait_for_message(group, predicate=lambda m: "✅ 我已阅读并同意" in m.buttons)
    await walk.tap(bob, group, "✅ 我已阅读并同意")
    await _committed(lively, _member(group.id, bob.id, lambda m: m.status == MemberStatus.ACTIVE))

    start = clock.now()
    # 30 days of silence → the daily sweep reminds Bob privately.
    clock.set(sweep.next_sweep_at(start + timedelta(days=30)))
    await emu.wait_for_message(bob, text_contains="没有发言了", timeout=15)
    await _committed(
        lively, _member(group.id, bob.id, lambda m: m.inactivity_reminded_at is not None)
    )
    assert _is_member(emu, group, bob)
    # Still silent 7 days later → one card to the admins; "Remove all" removes him (no ban).
    clock.set(sweep.next_sweep_at(clock.now() + timedelta(days=7)))
    card = await emu.wait_for_message(admin, text_contains="长期未发言成员（1 人）", timeout=15)
    assert "Bob" in card.text
    await _committed(lively, _review_saved)
    await walk.tap(admin, admin, "全部移出")
    await until(emu, group, lambda: not _is_member(emu, group, bob))
    assert emu.resolve_chat(group).member(bob.id).status == "left"  # kicked, not banned
    await _committed(lively, _member(group.id, bob.id, lambda m: m.status == MemberStatus.KICKED))
