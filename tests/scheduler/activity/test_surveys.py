"""The survey's timed steps through the real runner: sent at the end to those who checked in
only (privately, or one group message with a deep link), and one reminder 24 h later to those
who have not completed it."""

from __future__ import annotations

from datetime import timedelta

from organizer.services import surveys
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    DANA,
    END,
    EVA,
    GROUP,
    START,
    Member,
    attend,
    attendance_rows,
    respond,
    world,
)

MEMBERS = [
    Member(ANNA, language="en"),
    Member(BORIS),
    Member(CHEN, started=False),
    Member(DANA),
    Member(EVA),
]


async def _after_the_session(session_factory, clock) -> int:
    """Anna, Chen and Eva checked in; Boris was marked absent; Dana never came."""
    activity_id = await world(session_factory, clock.now(), MEMBERS, reminders=())
    for user_id in (ANNA, CHEN, EVA):
        await attend(session_factory, activity_id, user_id, START)
    await attend(session_factory, activity_id, BORIS, START, present=False)
    return activity_id


def _callbacks(message) -> list[str]:
    return [button.callback_data for row in message.keyboard or () for button in row]


async def test_survey_goes_to_those_who_checked_in_only(session_factory, clock, runner, messenger):
    activity_id = await _after_the_session(session_factory, clock)
    clock.set(END)
    await runner.run_until_idle()

    [to_anna] = [m for m in messenger.sent if m.chat_id == ANNA]
    assert to_anna.text.startswith('📝 Thank you for attending "Course design review"!')
    assert "(1/5) How useful was the seminar's content" not in to_anna.text  # overall first
    assert "(1/5) How would you rate the activity overall?" in to_anna.text
    assert _callbacks(to_anna) == [f"v1sv:{activity_id}:overall:{n}" for n in range(1, 6)]
    assert [m.chat_id for m in messenger.sent].count(EVA) == 1
    assert messenger.texts_to(BORIS) == [] and messenger.texts_to(DANA) == []

    [in_group] = messenger.texts_to(GROUP)
    assert in_group.startswith('📝 <a href="tg://user?id=803">Chen</a>：感谢参加')
    assert f"https://t.me/organizer_bot?start=survey_{activity_id}" in in_group
    rows = await attendance_rows(session_factory, activity_id)
    assert (rows[ANNA].survey_private, rows[CHEN].survey_private) == (True, False)
    assert rows[ANNA].survey_sent_at == END and rows[BORIS].survey_sent_at is None


async def test_without_the_bots_username_the_group_is_told_to_use_survey(
    session_factory, clock, runner, messenger, job_settings
) -> None:
    job_settings.bot_username = None
    await _after_the_session(session_factory, clock)
    clock.set(END)
    await runner.run_until_idle()
    [in_group] = messenger.texts_to(GROUP)
    assert "t.me/" not in in_group and "/survey" in in_group


async def test_reminder_goes_only_to_those_who_have_not_completed(
    session_factory, clock, runner, messenger
) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    clock.set(END)
    await runner.run_until_idle()
    done = {"overall": 5, "content": 4, "organisation": 5, "good": "", "improve": ""}
    await respond(session_factory, activity_id, ANNA, END + timedelta(hours=1), **done)
    await respond(session_factory, activity_id, EVA, END + timedelta(hours=1), overall=3)
    messenger.sent.clear()

    clock.set(END + timedelta(hours=24))
    await runner.run_until_idle()
    assert messenger.texts_to(ANNA) == []
    [to_eva] = [m for m in messenger.sent if m.chat_id == EVA]
    assert to_eva.text.startswith("⏰ 提醒：「Course design review」的反馈问卷将于")
    # Eva is at the second question: the reminder carries it, with its buttons.
    assert "（2/5） 本次研讨会的内容对您的工作有多大帮助？" in to_eva.text
    assert _callbacks(to_eva)[0] == f"v1sv:{activity_id}:content:1"
    [in_group] = messenger.texts_to(GROUP)
    assert "tg://user?id=803" in in_group and "survey_" in in_group
    rows = await attendance_rows(session_factory, activity_id)
    assert rows[EVA].survey_reminded_at is not None and rows[ANNA].survey_reminded_at is None


async def test_a_member_marked_present_later_gets_the_survey_with_the_reminder(
    session_factory, clock, runner, messenger
) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    clock.set(END)
    await runner.run_until_idle()
    await attend(session_factory, activity_id, DANA, START)  # the organizer's correction
    messenger.sent.clear()
    clock.set(END + timedelta(hours=24))
    await runner.run_until_idle()
    [to_dana] = messenger.texts_to(DANA)
    assert to_dana.startswith("📝 感谢参加「Course design review」！")
    rows = await attendance_rows(session_factory, activity_id)
    assert rows[DANA].survey_sent_at is not None


async def test_closed_survey_is_not_sent(session_factory, clock, runner, messenger) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    clock.set(END + timedelta(hours=49))  # the bot was down for two days
    await runner.run_until_idle()
    assert [m for m in messenger.sent if m.chat_id in (ANNA, EVA)] == []
    async with session_factory() as session:
        assert await surveys.attendees_to_survey(session, activity_id) == [ANNA, CHEN, EVA]
