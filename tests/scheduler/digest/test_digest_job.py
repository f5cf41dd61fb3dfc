"""`digest.run` through the real runner: daily to the admins who started the bot (each in their
language), weekly only on Mondays, off sends nothing, the admin log chat when one is set, and
the next day's run always scheduled."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.messenger import OutboundText, Priority
from organizer.models import ActionStatus, Group, ScheduledAction
from organizer.services import admin_log, admins, digest, digest_send, users
from organizer.services.admins import AdminEntry
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger
from tests.organizer.digest.world import make_world
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
LOG_CHAT = -100555


def _registry() -> ActionRegistry:
    registry = register_jobs(ActionRegistry())
    assert digest.DIGEST_KIND in registry
    return registry


def _runner(factory, clock, messenger) -> ActionRunner:
    return ActionRunner(
        factory, _registry(), messenger, clock, worker_id="t",
        settings=Settings(bot_token=TOKEN),
    )  # fmt: skip


def _digests(messenger: RecordingMessenger, chat_id: int | None = None) -> list[OutboundText]:
    """The digests sent (the world's other jobs, e.g. raising the question, send too)."""
    return [
        m for m in messenger.sent
        if m.text.startswith("📋") and (chat_id is None or m.chat_id == chat_id)
    ]  # fmt: skip


def _texts(messenger: RecordingMessenger, chat_id: int) -> list[str]:
    return [m.text for m in _digests(messenger, chat_id)]


async def _start(factory, clock, **settings) -> None:
    await make_world(factory, clock.now(), **settings)
    async with unit_of_work(factory) as session:
        await digest.ensure_scheduled(session, now=clock.now())


async def _day(runner, clock, days: int = 1) -> None:
    clock.advance(days=days)
    await runner.run_until_idle()


async def _pending(factory) -> list[datetime]:
    async with factory() as session:
        rows = await session.scalars(
            select(ScheduledAction).where(
                ScheduledAction.status == ActionStatus.PENDING,
                ScheduledAction.kind == digest.DIGEST_KIND,
            )
        )
        return [row.due_at for row in rows]


async def _last_at(factory) -> datetime | None:
    async with factory() as session:
        group = await session.get(Group, GROUP)
        assert group is not None
        return digest_send.last_digest_at(group.settings)


async def test_daily_digest_to_each_admin_who_started_the_bot(session_factory, clock) -> None:
    previous = clock.now() - timedelta(days=1)  # a digest went out yesterday
    await _start(session_factory, clock, digest_last_at=previous.isoformat())
    async with unit_of_work(session_factory) as session:  # Anna becomes an admin too
        await admins.sync_group_admins(
            session, GROUP, [AdminEntry(ADMIN), AdminEntry(ANNA), AdminEntry(BO)], now=clock.now()
        )
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await runner.run_until_idle()
    assert _digests(messenger) == []  # the first run is tomorrow at 01:00 UTC
    await _day(runner, clock)
    # Bo never started the bot: nothing for him; the others each in their own language.
    assert {m.chat_id for m in _digests(messenger)} == {ADMIN.id, ANNA.id}
    assert all(m.priority == Priority.BULK for m in _digests(messenger))
    [zh] = _texts(messenger, ADMIN.id)
    assert zh.startswith("📋 <b>管理员摘要：项目一组</b>") and "/acks 1" in zh
    [en] = _texts(messenger, ANNA.id)
    assert en.startswith("📋 <b>Admin digest: 项目一组</b>")
    assert en.splitlines()[1] == "03-01 09:00 – 03-03 09:00"  # since the previous digest
    assert "<b>Violations since the last digest: 3</b>" in en
    assert await _last_at(session_factory) == clock.now()
    assert await _pending(session_factory) == [clock.now() + timedelta(days=1)]
    messenger.sent.clear()
    messenger.unreachable.add(ADMIN.id)  # the admin blocked the bot
    await _day(runner, clock)
    [en] = _texts(messenger, ANNA.id)
    assert "Violations since the last digest" not in en  # none since yesterday's digest
    assert "<b>Open reports (1)</b>" in en  # still open: listed again
    async with session_factory() as session:
        admin = await users.get(session, ADMIN.id)
    assert admin is not None and admin.private_unreachable_since == clock.now()
    messenger.sent.clear()
    await _day(runner, clock)
    assert {m.chat_id for m in _digests(messenger)} == {ANNA.id}  # the unreachable one is skipped
    assert await _pending(session_factory) == [clock.now() + timedelta(days=1)]


async def test_weekly_digest_only_on_mondays(session_factory, clock) -> None:
    await _start(session_factory, clock, digest_every_days=7)  # START is a Monday
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    for _ in range(6):  # Tuesday … Sunday
        await _day(runner, clock)
        assert _digests(messenger) == []
    await _day(runner, clock)
    assert clock.now().weekday() == 0
    [text] = _texts(messenger, ADMIN.id)
    assert "管理员摘要" in text
    assert await _pending(session_factory) == [clock.now() + timedelta(days=1)]


async def test_off_sends_nothing_but_keeps_the_daily_run(session_factory, clock) -> None:
    await _start(session_factory, clock, digest_every_days=0)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await _day(runner, clock, 8)
    assert _digests(messenger) == []
    assert await _last_at(session_factory) is None
    assert await _pending(session_factory) == [digest.next_digest_at(clock.now())]


async def test_admin_log_chat_gets_one_digest_instead(session_factory, clock) -> None:
    await _start(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await admin_log.set_destination(
            session, group_id=GROUP, chat_id=LOG_CHAT, by=ADMIN.id, now=clock.now()
        )
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await _day(runner, clock)
    [sent] = _digests(messenger)
    assert sent.chat_id == LOG_CHAT  # one digest, in the group's language
    assert sent.text.startswith("📋 <b>管理员摘要：项目一组</b>")


async def test_every_three_days(session_factory, clock) -> None:
    await _start(session_factory, clock, digest_every_days=3)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    days = []
    for day in range(1, 8):
        messenger.sent.clear()
        await _day(runner, clock)
        if _texts(messenger, ADMIN.id):
            days.append(day)
    assert days == [1, 4, 7]
