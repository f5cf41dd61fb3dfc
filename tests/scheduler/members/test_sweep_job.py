"""`members.sweep` through the real runner: reminder (private + one mention), then the admins'
review card, exemptions, auto-removal, and the next day's sweep scheduled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.models import ActionStatus, ScheduledAction
from organizer.services import sweep
from organizer.services.activity_tracker import ActivityTracker
from scheduler.jobs import member_jobs, member_notice, register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger
from tests.organizer.members.fixtures import (
    ADMIN,
    ANNA,
    APPROVER,
    BO,
    CHEN,
    GROUP,
    make_group,
    membership,
)  # fmt: skip

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


def _runner(factory, clock, messenger, registry=None) -> ActionRunner:
    return ActionRunner(
        factory, registry or register_jobs(ActionRegistry()), messenger, clock, worker_id="t",
        settings=Settings(bot_token=TOKEN),
    )  # fmt: skip


async def _day(runner, clock, days: int = 1) -> None:
    clock.advance(days=days)
    await runner.run_until_idle()


async def _start(factory, clock, **settings) -> None:
    await make_group(factory, clock.now(), **settings)
    async with unit_of_work(factory) as session:
        await sweep.ensure_scheduled(session, now=clock.now())


async def test_reminder_then_one_card_and_exemptions(session_factory, clock) -> None:
    await _start(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await sweep.set_away(session, CHEN.id, clock.now() + timedelta(days=60), now=clock.now())
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await _day(runner, clock, 29)
    assert messenger.sent == []  # not silent long enough
    await _day(runner, clock)
    # Anna privately (in English); Bo never started the bot: one group message mentioning him.
    [private] = messenger.texts_to(ANNA.id)
    assert private.startswith("You have not spoken in “项目一组” for 30 days")
    [group_text] = messenger.texts_to(GROUP)
    assert '<a href="tg://user?id=32">Bo</a>' in group_text and "Anna" not in group_text
    assert not {ADMIN.id, APPROVER.id, CHEN.id} & {m.chat_id for m in messenger.sent}
    assert (await membership(session_factory, BO.id)).inactivity_reminded_at == clock.now()
    messenger.sent.clear()
    await _day(runner, clock, 6)
    assert messenger.sent == []  # still in the grace period; no second reminder
    await _day(runner, clock)
    [card] = [m for m in messenger.sent if m.chat_id == ADMIN.id]
    assert "项目一组" in card.text and "Anna" in card.text and "Bo" in card.text
    assert len(messenger.sent) == 1  # ONE card, only to the admin
    buttons = [b.callback_data for row in card.keyboard for b in row]
    assert f"v1sw:t:{GROUP}:1:{ANNA.id}" in buttons and f"v1sw:keep:{GROUP}:1:0" in buttons
    messenger.sent.clear()
    await _day(runner, clock)
    assert messenger.sent == []  # the open review is not sent again
    async with session_factory() as session:
        pending = await session.scalars(
            select(ScheduledAction).where(ScheduledAction.status == ActionStatus.PENDING)
        )
        assert [a.due_at for a in pending] == [sweep.next_sweep_at(clock.now())]


async def test_speaking_after_the_reminder_keeps_a_member_off_the_card(
    session_factory, clock
) -> None:
    await _start(session_factory, clock)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await _day(runner, clock, 30)
    tracker = ActivityTracker()
    tracker.seen(GROUP, ANNA.id, "Anna", clock.now())
    await member_jobs.flush_activity(tracker, session_factory, messenger, runner_catalogue())
    messenger.sent.clear()
    await _day(runner, clock, 7)
    [card] = messenger.texts_to(ADMIN.id)
    assert "Bo" in card and "Anna" not in card


def runner_catalogue():
    from organizer.i18n import shared_catalogue

    return shared_catalogue("zh")


class FakeModerator:
    def __init__(self) -> None:
        self.kicked: list[tuple[int, int]] = []

    async def kick(self, chat_id: int, user_id: int) -> None:
        self.kicked.append((chat_id, user_id))


async def test_auto_remove_kicks_through_the_moderator(session_factory, clock) -> None:
    await _start(session_factory, clock, inactive_auto_remove=True, inactive_days=10,
                 inactive_grace_days=2)  # fmt: skip
    moderator, registry = FakeModerator(), ActionRegistry()
    member_notice.register(registry)
    member_jobs.register(registry, moderator=moderator)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger, registry)
    await _day(runner, clock, 10)
    assert moderator.kicked == []
    await _day(runner, clock, 2)
    assert sorted(moderator.kicked) == [(GROUP, ANNA.id), (GROUP, BO.id), (GROUP, CHEN.id)]
    assert (await membership(session_factory, BO.id)).status == "kicked"
    assert (await membership(session_factory, APPROVER.id)).status == "active"
    [notice] = messenger.texts_to(ADMIN.id)
    assert "3" in notice and "Bo" in notice
