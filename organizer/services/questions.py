"""Question tracking (charter 四(二)2 积极回应): a question is tracked, a reply by another member
answers it and credits the answerer, the asker may pick the best answer, and a question still
unanswered after some hours is raised to the group's admins and experts (`questions.raise`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.content.rows import insert_new
from organizer.database import lock_one
from organizer.models.content import Question, QuestionAnswer, QuestionStatus
from organizer.services import scheduled_actions

RAISE_KIND = "questions.raise"
DEFAULT_RAISE_AFTER_HOURS = 4
TEXT_MAX = 1000


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    group_id: int
    message_id: int
    asker_id: int
    text: str
    status: QuestionStatus
    asked_at: datetime
    answered_at: datetime | None
    answered_by: int | None
    answer_message_id: int | None
    best_answer_message_id: int | None
    best_answer_by: int | None
    raised_at: datetime | None


@dataclass(frozen=True)
class AnswerOutcome:
    question_id: int
    question_message_id: int
    asker_id: int
    answerer_id: int
    first_answer: bool  # this reply is what marked the question answered


class BestResult(enum.StrEnum):
    MARKED = "marked"
    NOT_ASKER = "not_asker"
    NOT_AN_ANSWER = "not_an_answer"
    NO_QUESTION = "no_question"


def _info(row: Question) -> QuestionInfo:
    return QuestionInfo(
        row.id, row.group_id, row.message_id, row.asker_id, row.text, QuestionStatus(row.status),
        row.asked_at, row.answered_at, row.answered_by, row.answer_message_id,
        row.best_answer_message_id, row.best_answer_by, row.raised_at,
    )  # fmt: skip


def raise_key(question_id: int) -> str:
    return f"question:{question_id}:raise"


async def track(
    session: AsyncSession,
    *,
    group_id: int,
    message_id: int,
    asker_id: int,
    text: str,
    now: datetime,
    raise_after_hours: int = DEFAULT_RAISE_AFTER_HOURS,
) -> int:
    """Track a question and schedule raising it; the same message again keeps its question."""
    values = {
        "group_id": group_id, "message_id": message_id, "asker_id": asker_id,
        "text": text.strip()[:TEXT_MAX], "status": QuestionStatus.OPEN, "asked_at": now,
    }  # fmt: skip
    new_id = await insert_new(session, Question, values, ["group_id", "message_id"])
    if new_id is None:
        existing = await _by_message(session, group_id, message_id)
        assert existing is not None
        return existing.id
    await scheduled_actions.schedule(
        session, kind=RAISE_KIND, due_at=now + timedelta(hours=raise_after_hours),
        payload={"question_id": new_id}, group_id=group_id, dedupe_key=raise_key(new_id), now=now,
    )  # fmt: skip
    return new_id


async def _by_message(session: AsyncSession, group_id: int, message_id: int) -> Question | None:
    found: Question | None = await session.scalar(
        select(Question).where(Question.group_id == group_id, Question.message_id == message_id)
    )
    return found


async def get(session: AsyncSession, question_id: int) -> QuestionInfo | None:
    row = await session.get(Question, question_id, populate_existing=True)
    return _info(row) if row else None


async def answer(
    session: AsyncSession,
    *,
    group_id: int,
    question_message_id: int,
    answer_message_id: int,
    user_id: int,
    now: datetime,
) -> AnswerOutcome | None:
    """A reply to `question_message_id`: if that is a tracked question and the replier is not
    the asker, credit them, and the first such reply marks it answered (cancelling the raise).
    None when the reply answers nothing."""
    found = await _by_message(session, group_id, question_message_id)
    if found is None or found.asker_id == user_id:
        return None
    values = {"question_id": found.id, "message_id": answer_message_id, "user_id": user_id,
              "created_at": now}  # fmt: skip
    await insert_new(session, QuestionAnswer, values, ["question_id", "message_id"])
    # Locked: two first answers arriving together must not both claim to be the first.
    question = await lock_one(session, Question, Question.id == found.id)
    assert question is not None
    first = question.status == QuestionStatus.OPEN
    if first:
        question.status = QuestionStatus.ANSWERED
        question.answered_at, question.answered_by = now, user_id
        question.answer_message_id = answer_message_id
        await scheduled_actions.cancel(session, dedupe_key=raise_key(question.id))
    await session.flush()
    return AnswerOutcome(question.id, question.message_id, question.asker_id, user_id, first)


async def find_by_answer(
    session: AsyncSession, group_id: int, answer_message_id: int
) -> QuestionInfo | None:
    """The question a recorded answer message replied to."""
    row = await session.scalar(
        select(Question)
        .join(QuestionAnswer, QuestionAnswer.question_id == Question.id)
        .where(Question.group_id == group_id, QuestionAnswer.message_id == answer_message_id)
        .limit(1)
    )
    return _info(row) if row else None


async def mark_best(
    session: AsyncSession,
    question_id: int,
    *,
    by_user_id: int,
    answer_message_id: int,
    now: datetime,
) -> BestResult:
    """The asker picks the best answer among the replies recorded for the question; the
    question is then closed. Choosing again replaces the choice."""
    question = await lock_one(session, Question, Question.id == question_id)
    if question is None:
        return BestResult.NO_QUESTION
    if question.asker_id != by_user_id:
        return BestResult.NOT_ASKER
    answerer = await session.scalar(
        select(QuestionAnswer.user_id).where(
            QuestionAnswer.question_id == question_id,
            QuestionAnswer.message_id == answer_message_id,
        )
    )
    if answerer is None:
        return BestResult.NOT_AN_ANSWER
    question.best_answer_message_id, question.best_answer_by = answer_message_id, int(answerer)
    question.status = QuestionStatus.CLOSED
    if question.answered_at is None:  # defensive: an answer exists, so it was answered
        question.answered_at, question.answered_by = now, int(answerer)
    await session.flush()
    return BestResult.MARKED


async def open_questions(
    session: AsyncSession, group_id: int, limit: int = 10
) -> list[QuestionInfo]:
    """Unanswered questions, the longest waiting first."""
    rows = await session.scalars(
        select(Question)
        .where(Question.group_id == group_id, Question.status == QuestionStatus.OPEN)
        .order_by(Question.asked_at, Question.id)
        .limit(max(1, limit))
    )
    return [_info(row) for row in rows]


async def start_raise(
    session: AsyncSession, question_id: int, *, now: datetime
) -> QuestionInfo | None:
    """Mark an unanswered question raised; None when it needs no raising (answered since it
    was scheduled, or already raised once)."""
    question = await lock_one(session, Question, Question.id == question_id)
    if question is None or question.status != QuestionStatus.OPEN or question.raised_at:
        return None
    question.raised_at = now
    await session.flush()
    return _info(question)


async def answer_counts(
    session: AsyncSession, group_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    """How many questions each member answered in [since, until) (several replies to one
    question count once)."""
    rows = await session.execute(
        select(QuestionAnswer.user_id, func.count(distinct(QuestionAnswer.question_id)))
        .join(Question, Question.id == QuestionAnswer.question_id)
        .where(
            Question.group_id == group_id,
            QuestionAnswer.created_at >= since,
            QuestionAnswer.created_at < until,
        )
        .group_by(QuestionAnswer.user_id)
    )
    return {int(user): int(count) for user, count in rows}
