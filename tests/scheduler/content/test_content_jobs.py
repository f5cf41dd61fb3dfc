"""`questions.raise` and `news.post_deferred` through the real runner."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from organizer.config import Settings
from organizer.content.intake import ContentFacts, process
from organizer.database import unit_of_work
from organizer.models import ActionStatus, Group, ScheduledAction
from organizer.models.content import NewsPost
from organizer.services import experts, library, news_quota, questions
from scheduler.jobs import content_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP, make_group

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


def _runner(factory, clock, messenger) -> ActionRunner:
    registry = ActionRegistry()
    content_jobs.register(registry)
    return ActionRunner(factory, registry, messenger, clock, worker_id="t",
                        settings=Settings(bot_token=TOKEN))  # fmt: skip


async def _feed(factory, clock, facts: ContentFacts, quota: int = 3):
    async with unit_of_work(factory) as session:
        return await process(session, facts, now=clock.now(), policy_quota=quota)


def _facts(message_id: int, text: str, user_id: int, **more) -> ContentFacts:
    return ContentFacts(group_id=GROUP, message_id=message_id, user_id=user_id, text=text, **more)


async def _setup_experts(factory, clock) -> None:
    await make_group(factory, clock.now())
    async with unit_of_work(factory) as session:
        for expert in (ANNA.id, CHEN.id):
            await experts.add(session, GROUP, expert, added_by=ADMIN.id, now=clock.now())


async def test_unanswered_question_goes_to_admins_and_experts_once(session_factory, clock):
    await _setup_experts(session_factory, clock)
    await _feed(session_factory, clock, _facts(100, "下周的课在哪个教室？", BO.id))
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    clock.advance(hours=3, minutes=59)
    await runner.run_until_idle()
    assert messenger.sent == []
    clock.advance(minutes=1)
    await runner.run_until_idle()
    [to_admin] = messenger.texts_to(ADMIN.id)
    assert "4 小时仍无人回答" in to_admin and "下周的课在哪个教室？" in to_admin
    assert f"https://t.me/c/{-GROUP}/100" in to_admin
    [to_anna] = messenger.texts_to(ANNA.id)
    assert "has had no answer for 4 hours" in to_anna  # in her own language
    [in_group] = messenger.texts_to(GROUP)  # Chen never started the bot: ONE mention
    assert '<a href="tg://user?id=33">Chen</a>' in in_group and "Anna" not in in_group
    assert BO.id not in {m.chat_id for m in messenger.sent}
    messenger.sent.clear()
    clock.advance(days=1)
    await runner.run_until_idle()
    assert messenger.sent == []


async def test_answered_question_is_not_raised(session_factory, clock) -> None:
    await _setup_experts(session_factory, clock)
    await _feed(session_factory, clock, _facts(100, "下周的课在哪个教室？", BO.id))
    answer = _facts(101, "302", CHEN.id, reply_to_message_id=100, reply_to_user_id=BO.id)
    await _feed(session_factory, clock, answer)
    messenger = RecordingMessenger()
    clock.advance(hours=5)
    await _runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.sent == []


async def test_unreachable_admin_is_mentioned_in_the_group(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, _facts(100, "报销单要谁签字？", BO.id))
    messenger = RecordingMessenger(unreachable={ADMIN.id})
    clock.advance(hours=4)
    await _runner(session_factory, clock, messenger).run_until_idle()
    [in_group] = messenger.texts_to(GROUP)
    assert '<a href="tg://user?id=10">张 经理</a>' in in_group and "报销单要谁签字？" in in_group


async def test_deferred_news_is_posted_counted_and_catalogued(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, _facts(1, "#政策 新规一", BO.id), quota=1)
    over = await _feed(
        session_factory, clock, _facts(2, "#趋势 <b>报告</b> 发布", ANNA.id, user_name="Anna"),
        quota=1,
    )  # fmt: skip
    assert over.news_over_quota and over.next_slot == datetime(2026, 3, 3, 1, tzinfo=UTC)
    messenger = RecordingMessenger()
    runner = _runner(session_factory, clock, messenger)
    await runner.run_until_idle()
    assert messenger.sent == []  # not before its slot
    clock.set(over.next_slot)
    await runner.run_until_idle()
    [post] = messenger.sent
    assert post.chat_id == GROUP and post.text.startswith("#趋势 &lt;b&gt;报告&lt;/b&gt; 发布")
    assert post.text.endswith('（代 <a href="tg://user?id=31">Anna</a> 发布）')
    async with session_factory() as session:
        slot = await session.scalar(select(NewsPost).where(NewsPost.deferred.is_(True)))
        assert slot is not None and slot.message_id is not None and slot.day == date(2026, 3, 3)
        [entry] = await library.search(session, GROUP, tag="trend")
        assert (entry.author_id, entry.message_id) == (ANNA.id, slot.message_id)
        assert entry.title == "<b>报告</b> 发布"
        # The posted news counts against that day's quota.
        outcome = await news_quota.claim(
            session, group_id=GROUP, author_id=BO.id, message_id=9, day=date(2026, 3, 3),
            quota=1, now=clock.now(),
        )  # fmt: skip
        assert not outcome.allowed


async def test_deferred_news_for_a_group_the_bot_left_fails(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    async with unit_of_work(session_factory) as session:
        action_id = await news_quota.defer(
            session, group_id=GROUP, author_id=ANNA.id, text="x",
            slot=clock.now() + timedelta(hours=1), now=clock.now(),
        )  # fmt: skip
        group = await session.get(Group, GROUP)
        assert group is not None
        group.bot_is_member = False
    messenger = RecordingMessenger()
    clock.advance(hours=1)
    await _runner(session_factory, clock, messenger).run_until_idle()
    assert messenger.sent == []
    async with session_factory() as session:
        action = await session.get(ScheduledAction, action_id)
        assert action is not None and action.status == ActionStatus.FAILED


async def test_question_raise_kind_is_registered() -> None:
    registry = ActionRegistry()
    content_jobs.register(registry)
    assert {questions.RAISE_KIND, news_quota.DEFERRED_KIND} <= registry.kinds
