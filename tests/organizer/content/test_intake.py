"""The pipeline's entry point: what a message means, and a plain message costs no database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from organizer.content.intake import NOTHING, ContentFacts, ContentOutcome, needs_database, process
from organizer.models import ScheduledAction
from organizer.models.content import LibraryItem, NewsPost, Question
from organizer.services import library, news_quota, questions
from tests.organizer.members.fixtures import ANNA, BO, GROUP, make_group


def _facts(message_id: int = 1, text: str = "", user_id: int = ANNA.id, **more: Any):
    return ContentFacts(group_id=GROUP, message_id=message_id, user_id=user_id, text=text, **more)


class UntouchableSession:
    """Any use of the session fails the test: the hot path must not need one."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the hot path touched the session ({name})")


@pytest.mark.parametrize(
    ("facts", "needed"),
    [
        (_facts(text="大家早上好"), False),
        (_facts(text="good morning, see you at 9"), False),
        (_facts(text="", has_media=True), False),  # a photo without a caption
        (_facts(text="self reply", reply_to_message_id=5, reply_to_user_id=ANNA.id), False),
        (_facts(text="#资料 讲义"), True),
        (_facts(text="怎么报名？"), True),
        (_facts(text="why?"), True),  # cheap check: process decides it is not a question
        (_facts(text="", document_file_name="a.pdf"), True),
        (_facts(text="同意", reply_to_message_id=5, reply_to_user_id=BO.id), True),
        (_facts(text="同意", reply_to_message_id=5), True),  # replied-to author unknown
        # regression: "/materials #政策 x" was catalogued as a policy share, "/best" as an answer
        (_facts(text="/materials #政策 新规"), False),
        (_facts(text="/best", reply_to_message_id=5, reply_to_user_id=BO.id), False),
        (_facts(text="/feature", reply_to_message_id=5, reply_to_user_id=BO.id), False),
    ],
)
def test_needs_database(facts: ContentFacts, needed: bool) -> None:
    assert needs_database(facts) is needed


async def test_plain_message_never_touches_the_session(clock) -> None:
    for text in ("大家早上好", "ok", "", "see https://example.com"):
        session: Any = UntouchableSession()
        outcome = await process(session, _facts(text=text), now=clock.now(), policy_quota=3)
        assert outcome is NOTHING


async def _count(session, model) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_tagged_post_and_file_are_catalogued(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    post = await process(session, _facts(1, "#资料 #通知 Python 讲义"), now=now, policy_quota=3)
    assert post.categories == ("material", "notice") and post.catalogued
    notice = await process(session, _facts(2, "#通知 明天开会"), now=now, policy_quota=3)
    assert notice.categories == ("notice",) and not notice.catalogued
    doc = await process(session, _facts(3, "", document_file_name="大纲.docx"), now=now,
                        policy_quota=3)  # fmt: skip
    assert doc.catalogued and doc.categories == ()
    again = await process(session, _facts(3, "", document_file_name="大纲.docx"), now=now,
                          policy_quota=3)  # fmt: skip
    assert not again.catalogued  # redelivered: already in the library
    found = await library.search(session, GROUP)
    assert {(e.title, e.tag, e.kind) for e in found} == {
        ("Python 讲义", "material", "post"), ("大纲.docx", None, "document")
    }  # fmt: skip


async def test_question_then_answer(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    asked = await process(session, _facts(10, "报名截止是哪天？"), now=now, policy_quota=3)
    assert asked.question_tracked and asked.question_id is not None
    replied = await process(
        session, _facts(11, "周五", BO.id, reply_to_message_id=10, reply_to_user_id=ANNA.id),
        now=now, policy_quota=3,
    )  # fmt: skip
    assert replied.answered_question_id == asked.question_id and replied.first_answer
    info = await questions.get(session, asked.question_id)
    assert info is not None and info.answered_by == BO.id
    chat = await process(
        session, _facts(12, "好的", BO.id, reply_to_message_id=99, reply_to_user_id=ANNA.id),
        now=now, policy_quota=3,
    )  # fmt: skip
    assert chat == ContentOutcome()  # a reply to an ordinary message: nothing to record


async def test_news_over_quota_is_deferred_not_kept(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    first = await process(session, _facts(1, "#政策 新规一"), now=now, policy_quota=1)
    assert first.news_counted and first.catalogued and not first.news_over_quota
    bare = await process(session, _facts(2, "#趋势"), now=now, policy_quota=1)
    assert not bare.news_counted and not bare.news_over_quota  # a bare tag is no post
    over = await process(
        session, _facts(3, "#趋势 行业报告 有什么看法？", user_name="Anna"), now=now,
        policy_quota=1,
    )  # fmt: skip
    assert over.news_over_quota and not over.catalogued and not over.question_tracked
    assert over.next_slot == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    action = await session.get(ScheduledAction, over.deferred_action_id)
    assert action is not None and action.kind == news_quota.DEFERRED_KIND
    assert action.payload["author_name"] == "Anna" and action.payload["tag"] == "trend"
    assert await _count(session, Question) == 0 and await _count(session, LibraryItem) == 1
    photo = await process(session, _facts(4, "#政策", has_media=True), now=now, policy_quota=1)
    assert photo.news_over_quota and photo.deferred_action_id is None  # no text to repost
    uncapped = await process(session, _facts(5, "#政策 新规二"), now=now, policy_quota=0)
    assert not uncapped.news_counted and uncapped.catalogued
    assert await _count(session, NewsPost) == 2  # one post, one reserved slot
