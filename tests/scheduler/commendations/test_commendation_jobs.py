"""`commendation.preview` and `commendation.post` through the real runner: a month of activity
(tests/organizer/assessment/world.py) → the list to the admins on the last day → the post in
the group on the 1st; opting out and skipping the month; both reschedule themselves."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.models import ActionStatus, ScheduledAction
from organizer.services import commendation_adjust, commendation_callbacks, commendations
from scheduler.jobs import commendation_jobs, member_notice
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger
from tests.organizer.assessment.world import build
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


def _runner(factory, clock, messenger) -> ActionRunner:
    registry = ActionRegistry()
    member_notice.register(registry)
    commendation_jobs.register(registry)
    return ActionRunner(
        factory, registry, messenger, clock, worker_id="t", settings=Settings(bot_token=TOKEN)
    )


async def _until(runner, clock, when: datetime) -> None:
    clock.advance(seconds=(when - clock.now()).total_seconds())
    await runner.run_until_idle()


async def _start(factory, clock, **settings) -> tuple[ActionRunner, RecordingMessenger]:
    await build(factory, clock.now(), **settings)
    async with unit_of_work(factory) as session:
        first = await commendations.ensure_scheduled(session, now=clock.now())
        again = await commendations.ensure_scheduled(session, now=clock.now())
        assert first == again  # idempotent
    messenger = RecordingMessenger()
    return _runner(factory, clock, messenger), messenger


async def _pending(factory) -> list[tuple[str, datetime, dict]]:
    async with factory() as session:
        rows = await session.scalars(
            select(ScheduledAction)
            .where(ScheduledAction.status == ActionStatus.PENDING)
            .order_by(ScheduledAction.due_at)
        )
        return [(a.kind, a.due_at, a.payload) for a in rows]


def utc(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


async def test_preview_on_the_last_day_then_the_post_on_the_first(session_factory, clock) -> None:
    runner, messenger = await _start(session_factory, clock)
    await _until(runner, clock, utc(3, 31, 1))
    assert messenger.sent == []
    await _until(runner, clock, utc(3, 31, 2))
    [card] = messenger.sent
    assert card.chat_id == ADMIN.id  # privately, only to the admin who started the bot
    assert "“项目一组” 2026年3月表彰名单" in card.text and "2026-04-01 10:00" in card.text
    assert card.text.index("Anna") < card.text.index("Bo")
    assert card.keyboard is not None
    *drops, [button] = card.keyboard
    assert button.callback_data == commendation_callbacks.skip_callback(GROUP, "202603")
    assert [row[0].text for row in drops] == ["✖ Anna", "✖ Bo", "✖ 张 经理"]
    messenger.sent.clear()
    await _until(runner, clock, utc(4, 1, 1))
    assert messenger.sent == []
    await _until(runner, clock, utc(4, 1, 2))
    [post] = messenger.sent
    assert post.chat_id == GROUP
    assert post.text.startswith("🌟 <b>感谢大家！2026年3月贡献之星</b>")
    assert f'🥇 <a href="tg://user?id={ANNA.id}">Anna</a> — 20.5 分' in post.text
    assert f'🥈 <a href="tg://user?id={BO.id}">Bo</a> — 11 分' in post.text
    assert "tg://user?id=77" not in post.text  # scored, but not a member
    assert await _pending(session_factory) == [
        (commendations.PREVIEW_KIND, utc(4, 30, 2), {"month": "2026-04"}),
        (commendations.POST_KIND, utc(5, 1, 2), {"month": "2026-04"}),
    ]
    # April: the admin organised A4; his list comes on 30 April, the post on 1 May
    messenger.sent.clear()
    await _until(runner, clock, utc(5, 1, 2))
    assert [m.chat_id for m in messenger.sent] == [ADMIN.id, GROUP]
    assert "2026年4月" in messenger.sent[1].text
    assert [kind for kind, _, _ in await _pending(session_factory)] == [
        commendations.PREVIEW_KIND, commendations.POST_KIND,
    ]  # fmt: skip


async def test_an_opted_out_group_gets_nothing(session_factory, clock) -> None:
    runner, messenger = await _start(session_factory, clock, commendations=False)
    await _until(runner, clock, utc(4, 1, 3))
    assert messenger.sent == []
    assert [due for _, due, _ in await _pending(session_factory)] == [utc(4, 30, 2), utc(5, 1, 2)]


async def test_a_skipped_month_is_not_posted(session_factory, clock) -> None:
    runner, messenger = await _start(session_factory, clock)
    await _until(runner, clock, utc(3, 31, 2))
    [card] = messenger.sent
    *_, [button] = card.keyboard or ()
    press = commendation_callbacks.parse(button.callback_data)
    assert press is not None
    async with unit_of_work(session_factory) as session:  # what the button's handler does
        assert await commendations.skip(session, press.group_id, press.yyyymm)
    messenger.sent.clear()
    await _until(runner, clock, utc(4, 1, 3))
    assert messenger.sent == []
    await _until(runner, clock, utc(5, 1, 3))  # April is not skipped
    assert [m.chat_id for m in messenger.sent] == [ADMIN.id, GROUP]


async def test_a_retried_post_is_not_posted_twice(session_factory, clock) -> None:
    runner, messenger = await _start(session_factory, clock)
    await _until(runner, clock, utc(4, 1, 3))
    assert [m.chat_id for m in messenger.sent].count(GROUP) == 1
    async with unit_of_work(session_factory) as session:
        group_posts = await commendations.post_all(
            session, messenger, commendation_jobs._catalogue(None),
            first_day=commendations.month_of({"month": "2026-03"}, clock.now().date()),
        )  # fmt: skip
    assert group_posts.posted == []
    assert [m.chat_id for m in messenger.sent].count(GROUP) == 1


async def test_a_member_left_out_is_not_named_and_the_next_moves_up(session_factory, clock) -> None:
    runner, messenger = await _start(session_factory, clock)
    await _until(runner, clock, utc(3, 31, 2))
    [card] = messenger.sent
    anna_row, *_ = card.keyboard or ()
    press = commendation_callbacks.parse_adjust(anna_row[0].callback_data)
    assert press is not None and press.user_id == ANNA.id
    async with unit_of_work(session_factory) as session:  # what the button's handler does
        assert await commendation_adjust.exclude(
            session, press.group_id, press.yyyymm, press.user_id
        )
    messenger.sent.clear()
    await _until(runner, clock, utc(4, 1, 3))
    [post] = messenger.sent
    assert f"tg://user?id={ANNA.id}" not in post.text
    assert f'🥇 <a href="tg://user?id={BO.id}">Bo</a> — 11 分' in post.text
