"""Regressions for the welcome's races: Telegram reports a join twice and the newcomer may press
the button the moment the welcome shows, while the bot is still recording it."""

from __future__ import annotations

import asyncio

from organizer.database import unit_of_work
from organizer.models import MemberStatus
from organizer.services import groups, scheduled_actions, welcome
from organizer.services.users import TelegramProfile

GROUP = -100556
ANNA = TelegramProfile(id=42, first_name="Anna")


async def _group(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip


async def _arrive(session_factory, clock, via: str) -> welcome.Arrival:
    async with unit_of_work(session_factory) as session:
        return await welcome.record_arrival(session, GROUP, ANNA, joined_via=via, now=clock.now())


async def test_two_concurrent_reports_of_one_join_welcome_once(session_factory, clock) -> None:
    await _group(session_factory, clock)
    first, second = await asyncio.gather(
        _arrive(session_factory, clock, "link"), _arrive(session_factory, clock, "unknown")
    )
    assert [first.needs_welcome, second.needs_welcome].count(True) == 1
    assert first.welcome_pending and second.welcome_pending


async def test_accept_pressed_while_the_welcome_is_being_recorded_is_not_undone(
    session_factory, clock
) -> None:
    await _group(session_factory, clock)
    assert (await _arrive(session_factory, clock, "link")).needs_welcome
    async with unit_of_work(session_factory) as session:
        accepted = await welcome.accept(session, GROUP, ANNA.id, now=clock.now())
    assert accepted.welcome_message_id is None  # the handler deletes the pressed message
    async with unit_of_work(session_factory) as session:
        due = await welcome.welcome_posted(
            session, GROUP, ANNA.id, message_id=77, join_message_id=76, now=clock.now()
        )
    assert due is None  # nothing to schedule: no removal of someone who accepted
    async with unit_of_work(session_factory) as session:
        row = await welcome.membership(session, GROUP, ANNA.id)
        assert row is not None
        assert row.status == MemberStatus.ACTIVE and row.welcome_message_id is None
        assert await scheduled_actions.pending(session, kind=welcome.WELCOME_EXPIRE) == []


async def test_join_message_reported_while_the_welcome_is_posted_is_kept(
    session_factory, clock
) -> None:
    await _group(session_factory, clock)
    await _arrive(session_factory, clock, "link")
    async with unit_of_work(session_factory) as session:
        assert await welcome.attach_join_message(session, GROUP, ANNA.id, 500, now=clock.now())
    async with unit_of_work(session_factory) as session:
        await welcome.welcome_posted(
            session, GROUP, ANNA.id, message_id=501, join_message_id=None, now=clock.now()
        )
    async with unit_of_work(session_factory) as session:
        accepted = await welcome.accept(session, GROUP, ANNA.id, now=clock.now())
    assert (accepted.welcome_message_id, accepted.join_message_id) == (501, 500)


async def test_welcome_that_cannot_be_posted_does_not_keep_the_member_restricted(
    session_factory, clock
) -> None:
    await _group(session_factory, clock)
    await _arrive(session_factory, clock, "added")
    async with unit_of_work(session_factory) as session:
        assert await welcome.posting_failed(session, GROUP, ANNA.id, now=clock.now())
    async with unit_of_work(session_factory) as session:
        row = await welcome.membership(session, GROUP, ANNA.id)
        assert row is not None
        assert row.status == MemberStatus.ACTIVE and row.welcome_message_id is None
        assert not await welcome.posting_failed(session, GROUP, ANNA.id, now=clock.now())
