"""Cancel and edit (scheduled and sent), acknowledgements and the delivery report."""

from __future__ import annotations

from datetime import timedelta

import pytest

from organizer.database import unit_of_work
from organizer.models.notices import NoticeStatus
from organizer.services import notices, scheduled_actions
from organizer.services.notices import NoticeError
from tests.fakes import RecordingMessenger
from tests.organizer.notices.fixtures import (
    ADMIN,
    ANNA,
    BO,
    CHEN,
    G1,
    G2,
    G3,
    ORG,
    ORG_ADMINS,
    OTHER,
    create,
    make_world,
    runner,
)  # fmt: skip


@pytest.fixture
async def world(session_factory, clock) -> None:
    await make_world(session_factory, clock.now())


async def _deliver(session_factory, clock, messenger=None) -> RecordingMessenger:
    messenger = messenger or RecordingMessenger()
    await runner(session_factory, clock, messenger).run_until_idle()
    return messenger


async def test_cancel_a_scheduled_notice(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="all",
                          send_at=clock.now() + timedelta(hours=1))  # fmt: skip
    async with unit_of_work(session_factory) as session:
        with pytest.raises(NoticeError, match="notices-error-not-yours"):
            await notices.cancel(session, notice.id, by=OTHER.id, now=clock.now())
    async with unit_of_work(session_factory) as session:
        cancelled = await notices.cancel(session, notice.id, by=ADMIN.id, now=clock.now())
    assert cancelled.status == NoticeStatus.CANCELLED
    clock.advance(hours=2)
    messenger = await _deliver(session_factory, clock)
    assert messenger.sent == []
    async with session_factory() as session:
        assert await scheduled_actions.pending(session, kind=notices.DELIVER_KIND) == []
        report = await notices.delivery_report(session, notice.id)
        with pytest.raises(NoticeError, match="notices-error-not-scheduled"):
            await notices.cancel(session, notice.id, by=ADMIN.id, now=clock.now())
    assert {(row.status, row.error) for row in report.rows} == {("failed", "cancelled")}


async def test_edit_a_scheduled_notice_changes_what_is_sent(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="group", target_value=G1,
                          send_at=clock.now() + timedelta(hours=1))  # fmt: skip
    async with unit_of_work(session_factory) as session:
        assert await notices.edit(session, notice.id, by=ORG, text="改为 10 点。",
                                  now=clock.now(), org_admin_ids=ORG_ADMINS) == []  # fmt: skip
        with pytest.raises(NoticeError, match="notices-error-empty"):
            await notices.edit(session, notice.id, by=ADMIN.id, text=" ", now=clock.now())
    clock.advance(hours=1)
    messenger = await _deliver(session_factory, clock)
    assert messenger.texts_to(G1) == ["改为 10 点。"]


async def test_edit_a_sent_notice_returns_every_message(world, session_factory, clock) -> None:
    long_text = "\n\n".join(["甲" * 3000, "乙" * 3000])
    notice = await create(session_factory, clock.now(), text=long_text, target_kind="kind",
                          target_value="project", ack_required=True)  # fmt: skip
    messenger = await _deliver(session_factory, clock)
    assert [len(messenger.texts_to(gid)) for gid in (G1, G2)] == [2, 2]
    async with unit_of_work(session_factory) as session:
        with pytest.raises(NoticeError) as raised:
            await notices.edit(session, notice.id, by=ADMIN.id, text="短", now=clock.now())
        assert (raised.value.key, raised.value.params) == ("notices-error-edit-parts", {"parts": 2})
    new_text = "\n\n".join(["丙" * 3000, "丁" * 3000])
    async with unit_of_work(session_factory) as session:
        messages = await notices.edit(session, notice.id, by=ADMIN.id, text=new_text,
                                      now=clock.now())  # fmt: skip
        updated = await notices.get(session, notice.id)
    assert sorted(chat for chat, _ in messages) == [G2, G2, G1, G1]
    assert len({message_id for _, message_id in messages}) == 4
    assert updated is not None and updated.text == new_text
    edits = notices.part_edits(updated, messages)
    assert [(e.text[0], e.last) for e in edits] == [("丙", False), ("丁", True)] * 2


async def test_acknowledge_once_and_status(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="groups",
                          target_value=[G1, G2], ack_required=True)  # fmt: skip
    await _deliver(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        first = await notices.acknowledge(session, notice.id, ANNA.id, G1, clock.now())
        again = await notices.acknowledge(session, notice.id, ANNA.id, G2, clock.now())
        # Pressed in private (a reminder): counted for a reached group the member is in.
        private = await notices.acknowledge(session, notice.id, CHEN.id, CHEN.id, clock.now())
        with pytest.raises(NoticeError, match="notices-error-not-recipient"):
            await notices.acknowledge(session, notice.id, OTHER.id, OTHER.id, clock.now())
    assert (first.first, again.first, private.first) == (True, False, True)
    async with session_factory() as session:
        status = await notices.ack_status(session, notice.id)
        counts = await notices.ack_counts(session, G1, clock.now(), clock.now() + timedelta(1))
        counts2 = await notices.ack_counts(session, G2, clock.now(), clock.now() + timedelta(1))
    assert status.acked == [(ANNA.id, "Anna"), (CHEN.id, "Chen")]
    # Bo has not; the helper bot and the author are not asked.
    assert status.pending == [(BO.id, "Bo")]
    assert (counts, counts2) == ({ANNA.id: 1}, {CHEN.id: 1})


async def test_ack_needs_a_notice_that_asks_for_it(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="group", target_value=G3)
    await _deliver(session_factory, clock)
    async with session_factory() as session:
        with pytest.raises(NoticeError, match="notices-error-no-ack"):
            await notices.acknowledge(session, notice.id, BO.id, G3, clock.now())
        with pytest.raises(NoticeError, match="notices-error-not-found"):
            await notices.acknowledge(session, 999, BO.id, G3, clock.now())


async def test_delivery_report_rows(world, session_factory, clock) -> None:
    notice = await create(session_factory, clock.now(), target_kind="all", pin=True)
    messenger = RecordingMessenger(unreachable={G2}, no_pin_rights={G3})
    await _deliver(session_factory, clock, messenger)
    async with session_factory() as session:
        report = await notices.delivery_report(session, notice.id)
        info = await notices.get(session, notice.id)
    assert [(r.group_id, r.status, r.pinned) for r in report.rows] == [
        (G1, "delivered", True), (G2, "failed", False), (G3, "delivered", False),
    ]  # fmt: skip
    assert report.rows[1].error is not None and report.rows[1].error.startswith("unreachable")
    assert report.rows[2].error is not None and report.rows[2].error.startswith("pin")
    assert (report.delivered, report.failed, report.pending) == (2, 1, 0)
    assert info is not None and info.status == NoticeStatus.SENT and info.report_sent_at
    for group_id, _title, status, _error, _pinned in report.rows:  # rows unpack as tuples
        assert status in ("delivered", "failed") and group_id in (G1, G2, G3)
