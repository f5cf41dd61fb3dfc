"""`activity.reminder` through the real runner: the group reminder in the group's language and
timezone, private reminders to those going in their own language, and ONE group message
mentioning those the bot cannot write to. Stale and cancelled steps send nothing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from organizer.models import ActionStatus, ActivityStatus, RsvpStatus, ScheduledAction
from scheduler.jobs.activity_jobs import register_activity_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    DANA,
    GROUP,
    START,
    Member,
    answer,
    set_activity,
    world,
)

MEMBERS = [Member(ANNA, language="en"), Member(BORIS), Member(CHEN, started=False), Member(DANA)]
GOING = {ANNA: RsvpStatus.GOING, BORIS: RsvpStatus.GOING, CHEN: RsvpStatus.GOING}


async def _prepared(session_factory, clock) -> int:
    activity_id = await world(session_factory, clock.now(), MEMBERS)
    await answer(session_factory, activity_id, {**GOING, DANA: RsvpStatus.MAYBE}, clock.now())
    return activity_id


async def test_day_before_reminds_the_group_and_each_member_going(
    session_factory, clock, runner, messenger
) -> None:
    await _prepared(session_factory, clock)
    clock.set(START - timedelta(days=1))
    assert (await runner.run_until_idle()).done == 1

    [in_group] = messenger.texts_to(GROUP)
    assert in_group.startswith("⏰ <b>活动提醒</b>：「Course design review」将于1 天后开始。")
    assert "2026年3月4日 周三 19:30 – 21:30 (Asia/Shanghai)" in in_group
    assert "📍 Room 3" in in_group
    # Chen never started the bot: mentioned in the group reminder, and only there.
    assert '<a href="tg://user?id=803">Chen</a>：您已报名参加' in in_group
    assert "tg://user?id=801" not in in_group and "tg://user?id=802" not in in_group

    [to_anna] = messenger.texts_to(ANNA)
    assert to_anna.startswith(
        '⏰ <b>Reminder</b>: "Course design review" (项目一组) starts in 1 day.'
    )
    assert "Wed 4 Mar 2026, 19:30 – 21:30 (Asia/Shanghai)" in to_anna
    [to_boris] = messenger.texts_to(BORIS)
    assert "将于1 天后开始" in to_boris
    assert messenger.texts_to(CHEN) == [] and messenger.texts_to(DANA) == []


async def test_each_reminder_goes_once_at_its_own_time(
    session_factory, clock, runner, messenger
) -> None:
    await _prepared(session_factory, clock)
    clock.set(START - timedelta(days=1))
    await runner.run_until_idle()
    clock.set(START - timedelta(minutes=60))
    assert (await runner.run_until_idle()).done == 1
    clock.advance(minutes=5)
    await runner.run_until_idle()  # nothing left to send: the reminders are done
    assert len(messenger.texts_to(GROUP)) == 2
    assert [t.split(".")[0] for t in messenger.texts_to(ANNA)] == [
        '⏰ <b>Reminder</b>: "Course design review" (项目一组) starts in 1 day',
        '⏰ <b>Reminder</b>: "Course design review" (项目一组) starts in 1 hour',
    ]


async def test_a_member_who_blocked_the_bot_is_mentioned_in_the_same_group_message(
    session_factory, clock, runner, messenger
) -> None:
    await _prepared(session_factory, clock)
    messenger.unreachable.add(BORIS)  # blocked the bot since: the private send gets a 403
    clock.set(START - timedelta(days=1))
    await runner.run_until_idle()
    [in_group] = messenger.texts_to(GROUP)
    assert "tg://user?id=802" in in_group and "tg://user?id=803" in in_group
    assert messenger.texts_to(ANNA) != []


async def test_a_step_of_an_older_time_sends_nothing(session_factory, clock, runner, messenger):
    activity_id = await _prepared(session_factory, clock)
    await set_activity(session_factory, activity_id, sequence=1)  # the time changed since
    clock.set(START - timedelta(days=1))
    assert (await runner.run_until_idle()).done == 1
    assert messenger.sent == []


async def test_a_cancelled_activity_is_not_reminded(session_factory, clock, runner, messenger):
    activity_id = await _prepared(session_factory, clock)
    await set_activity(session_factory, activity_id, status=ActivityStatus.CANCELLED)
    clock.set(START - timedelta(minutes=30))
    await runner.run_until_idle()
    assert messenger.sent == []
    async with session_factory() as session:
        statuses = set(await session.scalars(select(ScheduledAction.status)))
    assert ActionStatus.FAILED not in statuses


async def test_a_restart_does_not_send_a_reminder_again(
    session_factory, clock, runner, messenger, job_settings
) -> None:
    await _prepared(session_factory, clock)
    clock.set(START - timedelta(days=1))
    await runner.run_until_idle()
    sent = len(messenger.sent)
    restarted = ActionRunner(
        session_factory, register_activity_jobs(ActionRegistry()), messenger, clock,
        worker_id="after-restart", settings=job_settings,
    )  # fmt: skip
    clock.advance(minutes=1)
    assert (await restarted.run_until_idle()).claimed == 0
    assert len(messenger.sent) == sent


async def test_a_retried_reminder_sends_no_member_a_second_copy(
    session_factory, clock, runner, messenger, db_url
) -> None:
    """The group post fails after the private reminders went out; the retry posts in the group
    and skips those already reached (their receipts were committed as they went). On SQLite
    (embedded, one process) receipts live in the action's own transaction, so they go with
    its rollback and a member can hear twice; PostgreSQL is the production store."""
    await _prepared(session_factory, clock)
    messenger.flaky[GROUP] = 1
    clock.set(START - timedelta(days=1))
    first = await runner.run_until_idle()
    assert first.retried == 1 and len(messenger.texts_to(GROUP)) == 0
    clock.advance(minutes=10)  # past the retry's backoff
    assert (await runner.run_until_idle()).done == 1
    copies = 1 if db_url.startswith("postgresql") else 2
    assert len(messenger.texts_to(ANNA)) == copies and len(messenger.texts_to(BORIS)) == copies
    assert len(messenger.texts_to(GROUP)) == 1
