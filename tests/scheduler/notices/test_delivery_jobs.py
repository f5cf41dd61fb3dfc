"""`notice.deliver` and `notice.ack_remind` through the real runner: thirty groups with
acknowledgement, a restart mid-delivery, a group the bot was removed from, transient errors,
rights lost before sending, media and pinning."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from organizer.database import unit_of_work
from organizer.messenger import MessengerError, OutboundText, SentMessage
from organizer.models import ActionStatus, ScheduledAction
from organizer.services import admins, notices, scheduled_actions, users
from organizer.services.admins import AdminEntry
from organizer.services.notices_types import DELIVER_ATTEMPTS
from organizer.services.users import TelegramProfile
from tests.fakes import RecordingMessenger
from tests.organizer.notices.fixtures import (
    ADMIN,
    ANNA,
    BO,
    G1,
    G2,
    G3,
    OTHER,
    add_group,
    create,
    make_world,
    runner,
)  # fmt: skip

BASE = -1002000


def _member(group: int, n: int) -> TelegramProfile:
    return TelegramProfile(id=500_000 + (BASE - group) * 10 + n, first_name=f"M{n}-{-group}")


async def _thirty_groups(factory, now) -> list[int]:
    ids = [BASE - i for i in range(30)]
    async with unit_of_work(factory) as session:
        await users.mark_started(session, ADMIN, now=now)
        for index, group_id in enumerate(ids):
            members = tuple(_member(group_id, n) for n in range(3))
            await add_group(session, group_id, f"群 {index:02}", "project", ADMIN, members, now)
            await users.mark_started(session, members[0], now=now)  # one per group can be DMed
    return ids


async def _actions(factory, kind: str) -> list[ScheduledAction]:
    async with factory() as session:
        rows = await session.scalars(select(ScheduledAction).where(ScheduledAction.kind == kind))
        return list(rows)


def _group_sends(messenger: RecordingMessenger) -> Counter[int]:
    return Counter(m.chat_id for m in messenger.sent if m.chat_id < 0)


async def test_thirty_groups_delivered_acked_and_the_rest_reminded(session_factory, clock) -> None:
    ids = await _thirty_groups(session_factory, clock.now())
    notice = await create(session_factory, clock.now(), target_kind="all", ack_required=True,
                          text="<b>年度大会</b>\n\n请全员参加。")  # fmt: skip
    messenger = RecordingMessenger()
    await runner(session_factory, clock, messenger).run_until_idle()
    assert _group_sends(messenger) == Counter({group_id: 1 for group_id in ids})
    for message in (m for m in messenger.sent if m.chat_id < 0):
        [[button]] = message.keyboard or ()
        assert button.callback_data == f"v1na:{notice.id}" and button.text == "✅ 已收到"
    [report] = messenger.texts_to(ADMIN.id)
    assert "已送达 30/30 个群" in report and "/acks" in report
    # Members of the first ten groups acknowledge (first member of each), in the group.
    async with unit_of_work(session_factory) as session:
        for group_id in ids[:10]:
            await notices.acknowledge(session, notice.id, _member(group_id, 0).id, group_id,
                                      clock.now())  # fmt: skip
    messenger.sent.clear()
    clock.advance(hours=23)
    await runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.sent == []  # not yet
    clock.advance(hours=1)
    await runner(session_factory, clock, messenger).run_until_idle()
    private = [m for m in messenger.sent if m.chat_id > 0]
    # Members who started the bot in the 20 groups that did not ack: one private reminder each.
    assert sorted(m.chat_id for m in private) == sorted(_member(g, 0).id for g in ids[10:])
    assert all(m.keyboard for m in private)
    # The others: ONE message per group mentioning both, in all thirty groups.
    assert _group_sends(messenger) == Counter({group_id: 1 for group_id in ids})
    mention = next(m.text for m in messenger.sent if m.chat_id == ids[0])
    assert f"tg://user?id={_member(ids[0], 1).id}" in mention
    assert f"tg://user?id={_member(ids[0], 0).id}" not in mention
    async with session_factory() as session:
        status = await notices.ack_status(session, notice.id)
    assert len(status.acked) == 10 and len(status.pending) == 80
    messenger.sent.clear()
    clock.advance(days=3)
    await runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.sent == []  # one reminder only


async def test_restart_mid_delivery_loses_nothing_and_doubles_nothing(
    session_factory, clock
) -> None:
    ids = await _thirty_groups(session_factory, clock.now())
    await create(session_factory, clock.now(), target_kind="all")
    messenger = RecordingMessenger()
    first = runner(session_factory, clock, messenger, worker_id="a", batch_size=10)
    await first.tick()  # ten chats delivered, then the process stops
    assert sum(_group_sends(messenger).values()) == 10
    crashed = runner(session_factory, clock, messenger, worker_id="b", batch_size=5)
    await crashed._claim_due()  # claims five and dies before sending anything
    clock.advance(minutes=10)  # past the lease
    again = runner(session_factory, clock, messenger, worker_id="c")
    result = await again.run_until_idle()
    assert result.reclaimed == 5
    assert _group_sends(messenger) == Counter({group_id: 1 for group_id in ids})
    assert len(messenger.texts_to(ADMIN.id)) == 1  # one report
    # A stray re-run of a delivery that is done sends nothing.
    async with unit_of_work(session_factory) as session:
        [action] = (await _actions(session_factory, notices.DELIVER_KIND))[:1]
        await scheduled_actions.schedule(session, kind=notices.DELIVER_KIND, now=clock.now(),
                                         due_at=clock.now(), payload=action.payload)  # fmt: skip
    messenger.sent.clear()
    await again.run_until_idle()
    assert messenger.sent == []


async def test_a_group_without_the_bot_is_reported_not_retried(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    notice = await create(session_factory, clock.now(), target_kind="all")
    messenger = RecordingMessenger(unreachable={G2})
    await runner(session_factory, clock, messenger).run_until_idle()
    assert set(_group_sends(messenger)) == {G1, G3}
    actions = await _actions(session_factory, notices.DELIVER_KIND)
    assert {(a.status, a.attempts) for a in actions} == {(ActionStatus.DONE, 1)}
    [report] = messenger.texts_to(ADMIN.id)
    assert "已送达 2/3 个群，失败 1 个" in report
    assert "❌ B 项目二组：无法访问该群" in report
    async with session_factory() as session:
        rows = (await notices.delivery_report(session, notice.id)).rows
    assert [r.status for r in rows] == ["delivered", "failed", "delivered"]


async def test_transient_errors_are_retried_then_delivered_once(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    await create(session_factory, clock.now(), target_kind="group", target_value=G1)
    messenger = RecordingMessenger(flaky={G1: 2})
    run = runner(session_factory, clock, messenger)
    await run.run_until_idle()
    [action] = await _actions(session_factory, notices.DELIVER_KIND)
    assert action.status == ActionStatus.PENDING and action.attempts == 1
    for _ in range(2):
        clock.advance(minutes=5)
        await run.run_until_idle()
    assert messenger.texts_to(G1) == ["明天 9 点开会。"]
    [report] = messenger.texts_to(ADMIN.id)
    assert "已送达 1/1 个群" in report


async def test_a_chat_that_keeps_failing_is_reported_after_the_attempts(
    session_factory, clock
) -> None:
    await make_world(session_factory, clock.now())
    await create(session_factory, clock.now(), target_kind="groups", target_value=[G1, G3])
    messenger = RecordingMessenger(flaky={G1: 100})
    run = runner(session_factory, clock, messenger)
    for _ in range(8):
        await run.run_until_idle()
        clock.advance(hours=1)
    assert messenger.texts_to(G1) == [] and len(messenger.texts_to(G3)) == 1
    [report] = messenger.texts_to(ADMIN.id)
    assert "❌ A 项目一组：多次发送失败" in report
    assert messenger.flaky[G1] == 100 - DELIVER_ATTEMPTS


class FailsSecondPart(RecordingMessenger):
    failed_once: bool = False

    async def send_text(self, message: OutboundText) -> SentMessage:
        if message.chat_id == G1 and len(self.texts_to(G1)) == 1 and not self.failed_once:
            self.failed_once = True
            raise MessengerError("TelegramServerError: Bad Gateway")
        return await super().send_text(message)


async def test_a_long_notice_interrupted_continues_after_the_sent_part(
    session_factory, clock
) -> None:
    await make_world(session_factory, clock.now())
    text = "\n\n".join(["甲" * 4000, "乙" * 4000, "丙" * 4000])
    await create(session_factory, clock.now(), target_kind="group", target_value=G1, text=text,
                 ack_required=True)  # fmt: skip
    messenger = FailsSecondPart()
    run = runner(session_factory, clock, messenger)
    await run.run_until_idle()
    assert [t[0] for t in messenger.texts_to(G1)] == ["甲"]
    clock.advance(minutes=5)
    await run.run_until_idle()
    sent = [m for m in messenger.sent if m.chat_id == G1]
    assert [m.text[0] for m in sent] == ["甲", "乙", "丙"]  # the first part once
    assert [m.keyboard is not None for m in sent] == [False, False, True]
    assert len(messenger.texts_to(ADMIN.id)) == 1


async def test_rights_are_checked_again_at_send_time(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    await create(session_factory, clock.now(), target_kind="kind", target_value="project",
                 send_at=clock.now() + timedelta(hours=1))  # fmt: skip
    async with unit_of_work(session_factory) as session:  # demoted in G1 meanwhile
        await admins.sync_group_admins(session, G1, [AdminEntry(OTHER)], now=clock.now())
    clock.advance(hours=1)
    messenger = RecordingMessenger()
    await runner(session_factory, clock, messenger).run_until_idle()
    assert set(_group_sends(messenger)) == {G2}
    [report] = messenger.texts_to(ADMIN.id)
    assert "❌ A 项目一组：您已不是该群的管理员" in report


async def test_media_confidential_pinned(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    notice = await create(session_factory, clock.now(), target_kind="groups",
                          target_value=[G1, G3], media_kind="photo", media_file_id="AgACphoto",
                          text="<i>海报</i>", confidential=True, pin=True,
                          ack_required=True)  # fmt: skip
    messenger = RecordingMessenger(no_pin_rights={G3})
    await runner(session_factory, clock, messenger).run_until_idle()
    assert [(m.chat_id, m.kind, m.file_id, m.caption, m.protect_content) for m in messenger.media] \
        == [(G3, "photo", "AgACphoto", "<i>海报</i>", True),
            (G1, "photo", "AgACphoto", "<i>海报</i>", True)]  # fmt: skip
    assert all(m.keyboard for m in messenger.media)
    assert messenger.pins == [(G1, next(m.message_id for m in messenger.media if m.chat_id == G1))]
    [report] = messenger.texts_to(ADMIN.id)
    assert "📌 A 项目一组（已置顶）" in report
    assert "✅ C 学员服务群（未置顶：机器人没有置顶消息的权限）" in report
    async with unit_of_work(session_factory) as session:
        with pytest.raises(notices.NoticeError, match="notices-error-edit-media"):
            await notices.edit(session, notice.id, by=ADMIN.id, text="新", now=clock.now())


async def test_the_report_speaks_the_authors_language(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())
    async with unit_of_work(session_factory) as session:
        await admins.sync_group_admins(session, G1, [AdminEntry(OTHER)], now=clock.now())
    await create(session_factory, clock.now(), author_id=OTHER.id, target_kind="group",
                 target_value=G1, ack_required=True, ack_remind_hours=2)  # fmt: skip
    messenger = RecordingMessenger()
    await runner(session_factory, clock, messenger).run_until_idle()
    [report] = messenger.texts_to(OTHER.id)
    assert "Delivered to 1 of 1 groups" in report
    assert "reminded at 2026-03-02 11:00" in report  # 2 h later, Asia/Shanghai
    clock.advance(hours=2)
    messenger.sent.clear()
    await runner(session_factory, clock, messenger).run_until_idle()
    # Anna (started the bot) privately in English; Bo by mention in the group.
    [private] = messenger.texts_to(ANNA.id)
    assert private.startswith("Reminder: please confirm")
    [group] = messenger.texts_to(G1)
    assert f"tg://user?id={BO.id}" in group and "Anna" not in group
