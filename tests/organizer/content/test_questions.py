"""Question tracking: the raise scheduled and cancelled, answers credited, the best answer,
open questions, answer counts and experts."""

from __future__ import annotations

from datetime import timedelta

from organizer.models import ActionStatus
from organizer.models.content import QuestionStatus
from organizer.services import experts, questions, scheduled_actions
from organizer.services.questions import BestResult
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP, make_group


async def _ask(session, message_id=100, *, asker=ANNA.id, now, text="报名截止是哪天？"):
    return await questions.track(
        session, group_id=GROUP, message_id=message_id, asker_id=asker, text=text, now=now
    )


async def _reply(session, answer_id, user_id, *, question_message=100, now):
    return await questions.answer(
        session, group_id=GROUP, question_message_id=question_message,
        answer_message_id=answer_id, user_id=user_id, now=now,
    )  # fmt: skip


async def test_track_schedules_one_raise(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    question_id = await _ask(session, now=now, text="x" * 2000)
    assert await _ask(session, now=now) == question_id  # the same message again
    [action] = await scheduled_actions.pending(session, kind=questions.RAISE_KIND)
    assert action.due_at == now + timedelta(hours=4)
    assert action.payload == {"question_id": question_id}
    info = await questions.get(session, question_id)
    assert info is not None and info.status is QuestionStatus.OPEN and len(info.text) == 1000


async def test_answer_by_another_member_credits_and_cancels(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    now = clock.now()
    question_id = await _ask(session, now=now)
    assert await _reply(session, 101, ANNA.id, now=now) is None  # the asker's own reply
    assert await _reply(session, 102, BO.id, question_message=999, now=now) is None
    first = await _reply(session, 103, BO.id, now=now + timedelta(minutes=5))
    assert first is not None and first.first_answer and first.asker_id == ANNA.id
    second = await _reply(session, 104, CHEN.id, now=now + timedelta(minutes=6))
    assert second is not None and not second.first_answer
    assert await _reply(session, 104, CHEN.id, now=now) is not None  # redelivered: no double
    info = await questions.get(session, question_id)
    assert info is not None and info.status is QuestionStatus.ANSWERED
    assert (info.answered_by, info.answer_message_id) == (BO.id, 103)
    assert await scheduled_actions.pending(session) == []
    counts = await questions.answer_counts(session, GROUP, now, now + timedelta(days=1))
    assert counts == {BO.id: 1, CHEN.id: 1}


async def test_answer_counts_count_questions_not_replies(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    now = clock.now()
    await _ask(session, 100, now=now)
    await _ask(session, 200, asker=CHEN.id, now=now)
    for answer_id in (101, 102, 103):
        await _reply(session, answer_id, BO.id, now=now)
    await _reply(session, 201, BO.id, question_message=200, now=now + timedelta(days=2))
    assert await questions.answer_counts(session, GROUP, now, now + timedelta(days=1)) == {BO.id: 1}
    everything = await questions.answer_counts(session, GROUP, now, now + timedelta(days=3))
    assert everything == {BO.id: 2}


async def test_only_the_asker_marks_the_best_answer(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    now = clock.now()
    question_id = await _ask(session, now=now)
    await _reply(session, 103, BO.id, now=now)
    await _reply(session, 104, CHEN.id, now=now)
    found = await questions.find_by_answer(session, GROUP, 104)
    assert found is not None and found.id == question_id
    assert await questions.find_by_answer(session, GROUP, 100) is None

    async def best(by: int, message_id: int) -> BestResult:
        return await questions.mark_best(
            session, question_id, by_user_id=by, answer_message_id=message_id, now=now
        )

    assert await best(BO.id, 104) is BestResult.NOT_ASKER
    assert await best(ANNA.id, 555) is BestResult.NOT_AN_ANSWER
    assert await best(ANNA.id, 104) is BestResult.MARKED
    info = await questions.get(session, question_id)
    assert info is not None and info.status is QuestionStatus.CLOSED
    assert (info.best_answer_by, info.best_answer_message_id) == (CHEN.id, 104)
    missing = await questions.mark_best(
        session, 9999, by_user_id=ANNA.id, answer_message_id=104, now=now
    )
    assert missing is BestResult.NO_QUESTION


async def test_open_questions_and_raising_once(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    older = await _ask(session, 100, now=now)
    newer = await _ask(session, 200, now=now + timedelta(minutes=1))
    answered = await _ask(session, 300, now=now)
    await _reply(session, 301, BO.id, question_message=300, now=now)
    assert [q.id for q in await questions.open_questions(session, GROUP, 10)] == [older, newer]
    assert [q.id for q in await questions.open_questions(session, GROUP, 1)] == [older]
    raised = await questions.start_raise(session, older, now=now)
    assert raised is not None and raised.raised_at == now
    assert await questions.start_raise(session, older, now=now) is None
    assert await questions.start_raise(session, answered, now=now) is None


async def test_cancelled_raise_is_cancelled_not_deleted(session_factory, session, clock):
    await make_group(session_factory, clock.now())
    await _ask(session, now=clock.now())
    [pending] = await scheduled_actions.pending(session)
    await _reply(session, 101, BO.id, now=clock.now())
    action = await scheduled_actions.get(session, pending.id)
    assert action is not None and action.status is ActionStatus.CANCELLED


async def test_experts(session_factory, session, clock) -> None:
    await make_group(session_factory, clock.now())
    now = clock.now()
    assert await experts.add(session, GROUP, CHEN.id, added_by=ADMIN.id, now=now)
    assert not await experts.add(session, GROUP, CHEN.id, added_by=ADMIN.id, now=now)
    assert await experts.add(session, GROUP, ADMIN.id, added_by=ADMIN.id, now=now)
    assert await experts.list_ids(session, GROUP) == [CHEN.id, ADMIN.id]
    # Admins first, each once, never the asker.
    assert await experts.responders(session, GROUP) == [ADMIN.id, CHEN.id]
    assert await experts.responders(session, GROUP, exclude=CHEN.id) == [ADMIN.id]
    assert await experts.remove(session, GROUP, CHEN.id)
    assert not await experts.remove(session, GROUP, CHEN.id)
    assert await experts.list_ids(session, GROUP) == [ADMIN.id]
