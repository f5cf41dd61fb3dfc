"""The feedback survey after an activity (charter 七(三)): to everyone who checked in, privately.

Three ratings (1–5) one after the other, then "what was good" and "what to improve" (text, each
skippable), then thanks. Every answer is stored as it comes, so a partial survey is kept; the
next question is always the first one not answered yet, so the flow survives a restart, an old
button pressed again, or a deep link opened later. A skipped text question is stored as "" (None
means not answered yet). The survey is open from the end of the activity until it closes
(survey_closes_at, by default 48 h later); after that answers are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.models import Activity, ActivityStatus, Attendance, SurveyResponse
from organizer.services.activities import ActivityInfo, info
from organizer.services.attendance import timing_for

RATING_QUESTIONS = ("overall", "content", "organisation")
TEXT_QUESTIONS = ("good", "improve")
QUESTIONS = (*RATING_QUESTIONS, *TEXT_QUESTIONS)
SKIPPED = ""
SKIP_VALUE = 0  # the value a Skip button carries
MAX_TEXT_LENGTH = 1000


class SurveyError(Exception):
    """A survey answer that cannot be taken; `code` is a catalogue key, `title` its argument."""

    def __init__(self, code: str, title: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.title = title


@dataclass(frozen=True)
class SurveyProgress:
    activity_id: int
    group_id: int
    title: str
    kind: str
    answers: Mapping[str, int | str | None]
    next_question: str | None  # None: every question answered
    closes_at: datetime

    @property
    def completed(self) -> bool:
        return self.next_question is None

    @property
    def number(self) -> int:
        """1-based position of the next question."""
        return QUESTIONS.index(self.next_question) + 1 if self.next_question else len(QUESTIONS)


def _progress(
    activity: ActivityInfo, closes_at: datetime, row: SurveyResponse | None
) -> SurveyProgress:
    answers = {q: getattr(row, q) if row else None for q in QUESTIONS}
    pending = next((q for q in QUESTIONS if answers[q] is None), None)
    return SurveyProgress(
        activity.id, activity.group_id, activity.title, activity.kind, answers, pending, closes_at
    )


async def closes_at(session: AsyncSession, activity: ActivityInfo) -> datetime:
    if activity.survey_closes_at is not None:
        return activity.survey_closes_at
    timing = await timing_for(session, activity.group_id)
    return activity.ends_at + timedelta(hours=timing.survey_hours)


async def _open_activity(
    session: AsyncSession, activity_id: int, now: datetime
) -> tuple[ActivityInfo, datetime]:
    row = await session.get(Activity, activity_id)
    if row is None or row.status not in (ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED):
        raise SurveyError("flow-survey-not-found")
    activity = info(row)
    closing = await closes_at(session, activity)
    if activity.status == ActivityStatus.COMPLETED or now >= closing:
        raise SurveyError("flow-survey-closed", activity.title)
    if now < activity.ends_at:
        raise SurveyError("flow-survey-not-yet", activity.title)
    return activity, closing


async def _attendance(session: AsyncSession, activity_id: int, user_id: int) -> Attendance | None:
    return await session.scalar(
        select(Attendance).where(
            Attendance.activity_id == activity_id, Attendance.user_id == user_id
        )
    )


async def _response(session: AsyncSession, activity_id: int, user_id: int) -> SurveyResponse | None:
    return await session.scalar(
        select(SurveyResponse)
        .where(SurveyResponse.activity_id == activity_id, SurveyResponse.user_id == user_id)
        .execution_options(populate_existing=True)
    )


async def peek(
    session: AsyncSession, activity: ActivityInfo, user_id: int, *, closing: datetime
) -> SurveyProgress:
    """Where a member's survey stands, changing nothing (what to send them next)."""
    return _progress(activity, closing, await _response(session, activity.id, user_id))


async def _open_response(
    session: AsyncSession, activity_id: int, user_id: int, now: datetime
) -> tuple[ActivityInfo, datetime, SurveyResponse]:
    activity, closing = await _open_activity(session, activity_id, now)
    attendance = await _attendance(session, activity_id, user_id)
    if attendance is None or not attendance.present:
        raise SurveyError("flow-survey-not-eligible", activity.title)
    if attendance.survey_sent_at is None:
        # Started before it was sent (a late correction, /survey): count it as sent, so the
        # response rate stays answers ÷ surveys sent.
        attendance.survey_sent_at, attendance.survey_private = now, True
    keys = {"activity_id": activity_id, "user_id": user_id}
    await insert_if_absent(session, SurveyResponse, {**keys, "updated_at": now}, key=list(keys))
    row = await _response(session, activity_id, user_id)
    assert row is not None
    return activity, closing, row


async def begin(
    session: AsyncSession, activity_id: int, user_id: int, *, now: datetime
) -> SurveyProgress:
    """Open (or resume) the survey for a member who checked in: where it stands."""
    return _progress(*await _open_response(session, activity_id, user_id, now))


async def answer(
    session: AsyncSession,
    activity_id: int,
    user_id: int,
    question: str,
    value: int | str | None,
    *,
    now: datetime,
) -> SurveyProgress:
    """Store one answer: a rating 1..5, a text, or None to skip a text question."""
    activity, closing, row = await _open_response(session, activity_id, user_id, now)
    progress = _progress(activity, closing, row)
    if progress.completed:
        raise SurveyError("flow-survey-already-done", activity.title)
    stored = _validated(question, value)
    if question != progress.next_question:
        # A button of an earlier message: answers go in order, and a later Skip must not
        # wipe a text already given.
        raise SurveyError("flow-survey-not-current", activity.title)
    setattr(row, question, stored)
    row.updated_at = now
    if all(getattr(row, q) is not None for q in QUESTIONS):
        row.completed_at = now
    await session.flush()
    return _progress(activity, closing, row)


def _validated(question: str, value: int | str | None) -> int | str:
    if question in RATING_QUESTIONS:
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
            return value
    elif question in TEXT_QUESTIONS:
        if value is None:
            return SKIPPED
        if isinstance(value, str):
            return value.strip()[:MAX_TEXT_LENGTH]
    raise SurveyError("flow-survey-invalid")


async def current(session: AsyncSession, user_id: int, *, now: datetime) -> SurveyProgress | None:
    """The open survey this member is in the middle of (or was sent last), if any."""
    rows = await session.execute(
        select(Activity, Attendance, SurveyResponse)
        .join(Attendance, Attendance.activity_id == Activity.id)
        .outerjoin(
            SurveyResponse,
            (SurveyResponse.activity_id == Activity.id) & (SurveyResponse.user_id == user_id),
        )
        .where(
            Attendance.user_id == user_id,
            Attendance.present.is_(True),
            Activity.status == ActivityStatus.PUBLISHED,
            Activity.ends_at <= now,
            Activity.ends_at > now - timedelta(days=30),
        )
    )
    found: list[tuple[datetime, SurveyProgress]] = []
    for activity_row, attendance, response in rows.all():
        if response is None and attendance.survey_sent_at is None:
            continue
        activity = info(activity_row)
        closing = await closes_at(session, activity)
        progress = _progress(activity, closing, response)
        if now < closing and not progress.completed:
            touched = response.updated_at if response else attendance.survey_sent_at
            assert touched is not None
            found.append((touched, progress))
    return max(found, key=lambda item: item[0])[1] if found else None


# --- delivery bookkeeping (the survey jobs) ----------------------------------------------------


async def attendees_to_survey(session: AsyncSession, activity_id: int) -> list[int]:
    """Present members who have not been sent the survey yet."""
    rows = await session.scalars(
        select(Attendance.user_id)
        .where(
            Attendance.activity_id == activity_id,
            Attendance.present.is_(True),
            Attendance.survey_sent_at.is_(None),
        )
        .order_by(Attendance.checked_in_at, Attendance.id)
    )
    return list(rows)


async def to_remind(session: AsyncSession, activity_id: int) -> list[int]:
    """Members sent the survey, not reminded yet, who have not completed it."""
    rows = await session.scalars(
        select(Attendance.user_id)
        .outerjoin(
            SurveyResponse,
            (SurveyResponse.activity_id == Attendance.activity_id)
            & (SurveyResponse.user_id == Attendance.user_id),
        )
        .where(
            Attendance.activity_id == activity_id,
            Attendance.present.is_(True),
            Attendance.survey_sent_at.is_not(None),
            Attendance.survey_reminded_at.is_(None),
            SurveyResponse.completed_at.is_(None),
        )
        .order_by(Attendance.checked_in_at, Attendance.id)
    )
    return list(rows)


async def record_delivery(
    session: AsyncSession,
    activity_id: int,
    user_id: int,
    *,
    private: bool,
    now: datetime,
    reminder: bool = False,
) -> None:
    row = await _attendance(session, activity_id, user_id)
    assert row is not None
    if reminder:
        row.survey_reminded_at = now
    else:
        row.survey_sent_at, row.survey_private = now, private
    row.updated_at = now
    await session.flush()
