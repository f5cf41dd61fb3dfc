"""`welcome.expire` and `rules.reminder` through the real runner with an injected clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from organizer import moderation_port
from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.models import ActionStatus, MemberStatus
from organizer.services import groups, rules_versions, scheduled_actions, users, welcome
from organizer.services.users import TelegramProfile
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger

GROUP = -100777
BEN = TelegramProfile(id=51, first_name="Ben", language_code="en")
TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


@dataclass
class FakeModerator:
    calls: list[tuple[str, int, int]] = field(default_factory=list)

    async def restrict(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        self.calls.append(("restrict", chat_id, user_id))

    async def unrestrict(self, chat_id: int, user_id: int) -> None:
        self.calls.append(("unrestrict", chat_id, user_id))

    async def kick(self, chat_id: int, user_id: int) -> None:
        self.calls.append(("kick", chat_id, user_id))

    async def ban(self, chat_id: int, user_id: int, *, until: datetime | None = None) -> None:
        self.calls.append(("ban", chat_id, user_id))

    async def unban(self, chat_id: int, user_id: int) -> None:
        self.calls.append(("unban", chat_id, user_id))

    async def delete_message(self, chat_id: int, message_id: int) -> bool:
        self.calls.append(("delete", chat_id, message_id))
        return True


@pytest.fixture
def moderator() -> Iterator[FakeModerator]:
    fake = FakeModerator()
    moderation_port.set_moderator(fake)
    yield fake
    moderation_port.set_moderator(None)


def _runner(session_factory, clock, messenger) -> ActionRunner:
    return ActionRunner(
        session_factory, register_jobs(ActionRegistry()), messenger, clock, worker_id="t",
        settings=Settings(bot_token=TOKEN),
    )  # fmt: skip


async def _group(session, clock) -> None:
    await groups.register(
        session, chat_id=GROUP, title="Sales", default_timezone="Asia/Shanghai",
        default_language="zh", now=clock.now(),
    )  # fmt: skip


async def _newcomer(session_factory, clock, *, started: bool) -> None:
    async with unit_of_work(session_factory) as session:
        await _group(session, clock)
        if started:
            await users.mark_started(session, BEN, now=clock.now())
        await welcome.record_arrival(session, GROUP, BEN, joined_via="link", now=clock.now())
        await welcome.welcome_posted(
            session, GROUP, BEN.id, message_id=900, join_message_id=899, now=clock.now()
        )


async def test_newcomer_who_never_accepts_is_kicked_after_24h_and_told(
    session_factory, clock, moderator
) -> None:
    await _newcomer(session_factory, clock, started=True)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    clock.advance(hours=23, minutes=59)
    assert (await runner.tick()).claimed == 0 and moderator.calls == []
    clock.advance(minutes=1)
    assert (await runner.tick()).done == 1
    assert moderator.calls == [("kick", GROUP, BEN.id)]
    assert messenger.deleted == [(GROUP, 900), (GROUP, 899)]
    [told] = messenger.texts_to(BEN.id)
    assert told.startswith('You did not accept the rules of "Sales" within 24 hours')
    async with session_factory() as session:
        row = await welcome.membership(session, GROUP, BEN.id)
    assert row is not None and row.status == MemberStatus.KICKED and row.left_at == clock.now()


async def test_accepting_in_time_cancels_the_removal(session_factory, clock, moderator) -> None:
    await _newcomer(session_factory, clock, started=False)
    async with unit_of_work(session_factory) as session:
        await welcome.accept(session, GROUP, BEN.id, now=clock.now())
    clock.advance(hours=25)
    messenger = RecordingMessenger()
    assert (await _runner(session_factory, clock, messenger).tick()).claimed == 0
    assert moderator.calls == [] and messenger.sent == []


async def test_unreachable_newcomer_is_still_removed(session_factory, clock, moderator) -> None:
    await _newcomer(session_factory, clock, started=True)
    messenger = RecordingMessenger(unreachable={BEN.id})
    clock.advance(hours=24)
    await _runner(session_factory, clock, messenger).run_until_idle()
    assert moderator.calls == [("kick", GROUP, BEN.id)] and messenger.sent == []
    async with session_factory() as session:
        user = await users.get(session, BEN.id)
    assert user is not None and not user.can_message_privately


async def test_rules_reminder_posts_weekly_and_reschedules(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await _group(session, clock)
        await rules_versions.set_rules(session, GROUP, "Be <kind>", now=clock.now())
        first = await rules_versions.ensure_rules_reminder(session, GROUP, clock.now())
    assert first == datetime(2026, 3, 9, 1, 0, tzinfo=UTC)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    for week in range(2):
        clock.advance(days=7)
        assert (await runner.tick()).done == 1
        [post] = messenger.texts_to(GROUP)[week:]
        assert post.startswith("<b>群规提醒</b>") and "Be &lt;kind&gt;" in post
        async with session_factory() as session:
            [nxt] = await scheduled_actions.pending(session, kind=rules_versions.RULES_REMINDER)
        assert nxt.due_at == first + timedelta(days=7 * (week + 1))
        assert nxt.dedupe_key == f"rules.reminder:{GROUP}:{nxt.due_at.date().isoformat()}"
    # Turned off between runs: the pending one is cancelled, nothing more is posted.
    async with unit_of_work(session_factory) as session:
        await rules_versions.configure_reminder(
            session, GROUP, {"rules_reminder": "off"}, now=clock.now()
        )
    clock.advance(days=14)
    assert (await runner.tick()).claimed == 0 and len(messenger.texts_to(GROUP)) == 2
    async with session_factory() as session:
        done = await scheduled_actions.get(session, 1)
    assert done is not None and done.status == ActionStatus.DONE
