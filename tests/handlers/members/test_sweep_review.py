"""The review card's buttons, /away, and the tracker's outer middleware, through the dispatcher."""

from __future__ import annotations

from datetime import timedelta

from organizer.database import unit_of_work
from organizer.i18n import shared_catalogue
from organizer.services import sweep
from tests.fakes import RecordingMessenger
from tests.handlers.conftest import ORG_ADMIN
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP, make_group, membership


async def _review(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    clock.advance(days=30)
    async with unit_of_work(session_factory) as session:
        await sweep.run(session, RecordingMessenger(), shared_catalogue(), now=clock.now())
    clock.advance(days=7)
    async with unit_of_work(session_factory) as session:
        report = await sweep.run(session, RecordingMessenger(), shared_catalogue(), now=clock.now())
    assert report.reviewed == {GROUP: [ANNA.id, BO.id, CHEN.id]}


async def test_remove_selected_kicks_only_those_and_keeps_the_rest(
    harness, session_factory, clock
) -> None:
    await _review(session_factory, clock)
    harness.session.answers.update(BanChatMember=True, UnbanChatMember=True)
    await harness.press(f"v1sw:sel:{GROUP}:1:0", user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.alerts()[-1] == "请先点选要移出的成员。"
    await harness.press(f"v1sw:t:{GROUP}:1:{ANNA.id}", user_id=ADMIN.id, chat_id=ADMIN.id)
    [(_, _, _, keyboard)] = harness.messenger.edits
    assert keyboard is not None and keyboard[0][0].text == "☑ Anna"
    assert keyboard[1][0].text == "⬜ Bo"
    await harness.press(f"v1sw:t:{GROUP}:1:{BO.id}", user_id=ADMIN.id, chat_id=ADMIN.id)
    await harness.press(f"v1sw:t:{GROUP}:1:{BO.id}", user_id=ADMIN.id, chat_id=ADMIN.id)
    await harness.press(f"v1sw:sel:{GROUP}:1:0", user_id=ADMIN.id, chat_id=ADMIN.id)
    [ban] = harness.session.called("BanChatMember")
    [unban] = harness.session.called("UnbanChatMember")
    assert (ban.chat_id, ban.user_id) == (GROUP, ANNA.id)
    assert (unban.user_id, unban.only_if_banned) == (ANNA.id, True)
    assert (await membership(session_factory, ANNA.id)).status == "kicked"
    bo = await membership(session_factory, BO.id)
    assert (bo.status, bo.inactivity_reminded_at, bo.last_active_at) == (
        "active",
        None,
        clock.now(),
    )
    assert "已移出 1 人，保留 2 人" in harness.messenger.edits[-1][2]
    # Another admin (an org admin) pressing the same card is told who handled it.
    await harness.press(f"v1sw:keep:{GROUP}:1:0", user_id=ORG_ADMIN, chat_id=ORG_ADMIN)
    assert harness.alerts()[-1] == "这项审核已由 " + "张 经理" + " 处理。"


async def test_keep_and_rights(harness, session_factory, clock) -> None:
    await _review(session_factory, clock)
    await harness.press(f"v1sw:keep:{GROUP}:1:0", user_id=BO.id, chat_id=BO.id)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await harness.press(f"v1sw:keep:{GROUP}:1:0", user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.session.called("BanChatMember") == []
    for member in (ANNA, BO, CHEN):
        row = await membership(session_factory, member.id)
        assert row.status == "active" and row.inactivity_reminded_at is None
    await harness.press(f"v1sw:keep:{GROUP}:0:0", user_id=ADMIN.id, chat_id=ADMIN.id)
    assert harness.alerts()[-1] == "这张审核卡片已过期。"


async def test_away_sets_and_clears_leave(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await harness.message("/away 14", user_id=ANNA.id, lang="en")
    assert (await membership(session_factory, ANNA.id)).away_until == clock.now() + timedelta(
        days=14
    )
    assert harness.messenger.texts_to(ANNA.id)[-1].startswith("OK: until ")
    await harness.message("/away 91", user_id=ANNA.id, lang="en")
    assert harness.messenger.texts_to(ANNA.id)[-1].startswith("Usage: /away days")
    await harness.message("/away off", user_id=ANNA.id, lang="en")
    assert (await membership(session_factory, ANNA.id)).away_until is None


async def test_group_messages_reach_the_tracker_without_a_flush(
    harness, session_factory, clock
) -> None:
    await make_group(session_factory, clock.now())
    tracker = harness.dispatcher["activity_tracker"]
    for _ in range(5):
        await harness.message("大家好", user_id=BO.id, chat_id=GROUP, name="Bo")
    assert tracker.pending == 1
    assert (await membership(session_factory, BO.id)).last_active_at is None
    await tracker.flush(session_factory)
    assert (await membership(session_factory, BO.id)).last_active_at == clock.now()
