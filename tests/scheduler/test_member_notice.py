"""`member.notice` through the real runner: privately in the member's language, or a mention
in the group (in the group's language) when the bot cannot write to them."""

from __future__ import annotations

from datetime import timedelta

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.models import ActionStatus
from organizer.services import groups, notify, scheduled_actions, users
from organizer.services.users import TelegramProfile
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger

GROUP = -100321
ANNA = TelegramProfile(id=31, first_name="Anna", language_code="en")
TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


async def _prepare(session_factory, clock, *, started: bool) -> int:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        if started:
            await users.mark_started(session, ANNA, now=clock.now())
        else:
            await users.remember(session, ANNA, now=clock.now())
        return await notify.schedule_member_notice(
            session, user_id=ANNA.id, group_id=GROUP, text_key="group-needs-setup",
            due_at=clock.now() + timedelta(hours=1), now=clock.now(),
        )  # fmt: skip


def _runner(session_factory, clock, messenger) -> ActionRunner:
    registry = register_jobs(ActionRegistry())
    return ActionRunner(
        session_factory, registry, messenger, clock, worker_id="t",
        settings=Settings(bot_token=TOKEN),
    )  # fmt: skip


async def test_notice_waits_for_its_time_then_goes_privately(session_factory, clock) -> None:
    action_id = await _prepare(session_factory, clock, started=True)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    assert (await runner.tick()).claimed == 0
    clock.advance(hours=1)
    assert (await runner.tick()).done == 1
    expected = "This group is not set up yet: an admin should send /setup."
    assert messenger.texts_to(ANNA.id) == [expected]
    async with session_factory() as session:
        info = await scheduled_actions.get(session, action_id)
    assert info is not None and info.status == ActionStatus.DONE


async def test_member_who_never_started_the_bot_is_mentioned_in_the_group(
    session_factory, clock
) -> None:
    await _prepare(session_factory, clock, started=False)
    messenger = RecordingMessenger()
    clock.advance(hours=2)
    await _runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.texts_to(ANNA.id) == []
    [text] = messenger.texts_to(GROUP)
    assert text == '<a href="tg://user?id=31">Anna</a>：本群尚未完成设置，请管理员发送 /setup。'


async def test_group_the_bot_left_fails_the_notice_for_good(session_factory, clock) -> None:
    action_id = await _prepare(session_factory, clock, started=True)
    async with unit_of_work(session_factory) as session:
        await groups.mark_bot_removed(session, GROUP, now=clock.now())
    messenger = RecordingMessenger()
    clock.advance(hours=1)
    result = await _runner(session_factory, clock, messenger).tick()
    assert result.failed == 1 and messenger.sent == []
    async with session_factory() as session:
        info = await scheduled_actions.get(session, action_id)
    assert info is not None and info.status == ActionStatus.FAILED and "gone" in info.last_error
