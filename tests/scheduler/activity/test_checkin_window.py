"""The check-in window through the real runner: the announcement gets its Check in button when
check-in opens and loses it when it closes; the organizer gets the code of an in-person
activity privately (never in the group); `activity.refresh` re-renders the announcement."""

from __future__ import annotations

from datetime import timedelta

from organizer import callbacks
from organizer.database import unit_of_work
from organizer.services import activity_lifecycle, announcements
from tests.organizer.activity.factory import (
    GROUP,
    ORGANIZER,
    START,
    activity_row,
    world,
)


async def _announced(session_factory, clock, messenger, **options) -> int:
    activity_id = await world(session_factory, clock.now(), [], reminders=(), **options)
    async with unit_of_work(session_factory) as session:
        await announcements.post(session, messenger, activity_id, now=clock.now())
    messenger.sent.clear()
    return activity_id


def _buttons(keyboard) -> list[str]:
    return [button.callback_data for row in keyboard or () for button in row]


async def test_check_in_button_comes_and_goes_with_the_window(
    session_factory, clock, runner, messenger
) -> None:
    activity_id = await _announced(session_factory, clock, messenger)
    message_id = (await activity_row(session_factory, activity_id)).announcement_message_id
    clock.set(START - timedelta(minutes=15))
    assert (await runner.run_until_idle()).done == 1
    [(chat, edited, text, keyboard)] = messenger.edits
    assert (chat, edited) == (GROUP, message_id)
    assert callbacks.check_in(activity_id) in _buttons(keyboard)

    clock.set(START + timedelta(minutes=30))
    await runner.run_until_idle()
    assert len(messenger.edits) == 2
    assert callbacks.check_in(activity_id) not in _buttons(messenger.edits[-1][3])


async def test_organizer_gets_the_code_privately(session_factory, clock, runner, messenger):
    activity_id = await _announced(session_factory, clock, messenger)
    code = (await activity_row(session_factory, activity_id)).checkin_code
    assert code is not None and len(code) == 4
    clock.set(START - timedelta(minutes=15))
    await runner.run_until_idle()
    [private] = messenger.texts_to(ORGANIZER)
    assert f"<b>{code}</b>" in private and f"/checkin {code}" in private
    assert "20:00" in private  # check-in closes 30 minutes after the 19:30 start, local time
    assert messenger.texts_to(GROUP) == []


async def test_unreachable_organizer_is_told_in_the_group_without_the_code(
    session_factory, clock, runner, messenger
) -> None:
    activity_id = await _announced(session_factory, clock, messenger)
    messenger.unreachable.add(ORGANIZER)  # the organizer has blocked the bot
    code = (await activity_row(session_factory, activity_id)).checkin_code
    clock.set(START - timedelta(minutes=15))
    await runner.run_until_idle()
    [in_group] = messenger.texts_to(GROUP)
    assert "tg://user?id=800" in in_group and "/attendance" in in_group
    assert code not in in_group


async def test_online_activity_has_no_code_to_read_out(session_factory, clock, runner, messenger):
    await _announced(
        session_factory, clock, messenger, location=None, online_url="https://meet.example/x"
    )
    clock.set(START - timedelta(minutes=15))
    await runner.run_until_idle()
    assert messenger.sent == [] and len(messenger.edits) == 1


async def test_refresh_rerenders_the_announcement(session_factory, clock, runner, messenger):
    activity_id = await _announced(session_factory, clock, messenger)
    async with unit_of_work(session_factory) as session:
        await activity_lifecycle.request_refresh(session, activity_id, now=clock.now())
        await activity_lifecycle.request_refresh(session, activity_id, now=clock.now())
    clock.advance(seconds=3)
    assert (await runner.run_until_idle()).done == 1  # two requests, one edit
    [(chat, _, text, _)] = messenger.edits
    assert chat == GROUP and "Course design review" in text
