"""The activity summary (charter 七(三)): the facts the reports are made of, read from the
database, the organizer's notes, and closing the activity once the summary is out.

`organizer.reports` computes and renders; this module only gathers plain facts for it and sends
what it produces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer import reports
from organizer.i18n import Catalogue
from organizer.messenger import Document, Messenger, OutboundText, Priority
from organizer.models import Activity, ActivityStatus, Attendance, SurveyResponse, User
from organizer.models import Rsvp as RsvpRow
from organizer.reports.facts import RSVP_ANSWERS, Rsvp
from organizer.services.activities import ActivityError, ActivityInfo, get, info
from organizer.services.groups import GroupInfo
from organizer.services.surveys import RATING_QUESTIONS, SKIPPED

MAX_NOTES_LENGTH = 3000
PREVIOUS_LIMIT = 5


async def facts(
    session: AsyncSession, activity: ActivityInfo, group: GroupInfo
) -> reports.ActivityFacts:
    answers_by_user = {
        row.user_id: row.status
        for row in await session.scalars(select(RsvpRow).where(RsvpRow.activity_id == activity.id))
    }
    marks = {
        row.user_id: row
        for row in await session.scalars(
            select(Attendance).where(Attendance.activity_id == activity.id)
        )
    }
    user_ids = list(answers_by_user) + [uid for uid in marks if uid not in answers_by_user]
    people = {
        user.id: user
        for user in await session.scalars(select(User).where(User.id.in_(user_ids or [0])))
    }
    attendees = []
    for user_id in user_ids:
        user, mark = people.get(user_id), marks.get(user_id)
        present = mark is not None and mark.present
        name = " ".join(p for p in (user.first_name, user.last_name) if p) if user else ""
        attendees.append(
            reports.Attendee(
                user_id=user_id,
                name=name or str(user_id),
                username=user.username if user else None,
                rsvp=_rsvp_answer(answers_by_user.get(user_id)),
                checked_in_at=mark.checked_in_at if present and mark else None,
                late=bool(present and mark and mark.late),
            )
        )
    sent = await session.scalar(
        select(func.count())
        .select_from(Attendance)
        .where(Attendance.activity_id == activity.id, Attendance.survey_sent_at.is_not(None))
    )
    return reports.ActivityFacts(
        activity_id=activity.id,
        title=activity.title,
        kind=activity.kind.value,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        timezone=group.timezone,
        capacity=activity.capacity,
        attendees=tuple(attendees),
        surveys_sent=int(sent or 0),
        answers=await _answers(session, activity.id),
        organizer_notes=activity.organizer_notes,
    )


def _rsvp_answer(status: str | None) -> Rsvp | None:
    return next((answer for answer in RSVP_ANSWERS if answer == status), None)


async def _answers(session: AsyncSession, activity_id: int) -> tuple[reports.SurveyAnswer, ...]:
    """Answers with all three ratings (a partial answer still counts once the ratings are in;
    one that stopped earlier is kept in the database but has nothing to average)."""
    rows = await session.scalars(
        select(SurveyResponse)
        .where(SurveyResponse.activity_id == activity_id)
        .order_by(SurveyResponse.updated_at, SurveyResponse.id)
    )
    answers = []
    for row in rows:
        if any(getattr(row, name) is None for name in RATING_QUESTIONS):
            continue
        answers.append(
            reports.SurveyAnswer(
                user_id=row.user_id,
                overall=int(row.overall or 0),
                content=int(row.content or 0),
                organisation=int(row.organisation or 0),
                good=row.good if row.good != SKIPPED else None,
                improve=row.improve if row.improve != SKIPPED else None,
                answered_at=row.completed_at or row.updated_at,
            )
        )
    return tuple(answers)


async def previous(
    session: AsyncSession, activity: ActivityInfo, group: GroupInfo
) -> list[reports.PastActivity]:
    """The completed activities of the same kind in the same group before this one."""
    rows = await session.scalars(
        select(Activity)
        .where(
            Activity.group_id == activity.group_id,
            Activity.kind == activity.kind.value,
            Activity.status == ActivityStatus.COMPLETED,
            Activity.starts_at < activity.starts_at,
            Activity.id != activity.id,
        )
        .order_by(Activity.starts_at.desc())
        .limit(PREVIOUS_LIMIT)
    )
    past = []
    for row in list(rows):
        figures = reports.summarize(await facts(session, info(row), group), ())
        past.append(
            reports.PastActivity(
                activity_id=row.id,
                title=row.title,
                starts_at=row.starts_at,
                attendance_rate=figures.attendance_rate,
                average_overall=figures.overall.average,
                response_rate=figures.response_rate,
            )
        )
    return past


@dataclass(frozen=True)
class SummaryReport:
    summary: reports.ActivitySummary
    facts: reports.ActivityFacts
    previous: tuple[reports.PastActivity, ...]


async def build(session: AsyncSession, activity: ActivityInfo, group: GroupInfo) -> SummaryReport:
    activity_facts = await facts(session, activity, group)
    past = tuple(await previous(session, activity, group))
    return SummaryReport(reports.summarize(activity_facts, past), activity_facts, past)


def summary_text(report: SummaryReport, catalogue: Catalogue, language: str) -> str:
    return reports.render_summary(report.summary, catalogue, language=language)


@dataclass(frozen=True)
class SummaryFiles:
    """What the organizer gets: the summary in their language, the chart and the exports."""

    text: str
    documents: tuple[Document, ...]


def organizer_files(report: SummaryReport, catalogue: Catalogue, *, language: str) -> SummaryFiles:
    """Built before anything is sent, so a failure here cannot follow a posted summary."""
    t = catalogue.for_language(language)
    title, activity_id = report.summary.title, report.facts.activity_id
    chart = reports.summary_chart(report.summary, report.previous, language=language)
    documents = (
        Document(f"summary-{activity_id}.png", chart, t("flow-summary-chart-caption", title=title)),
        Document(
            f"attendance-{activity_id}.csv",
            reports.attendance_export_csv(report.facts, language=language),
            t("flow-summary-csv-caption", title=title),
        ),
        Document(
            f"attendance-{activity_id}.xlsx",
            reports.attendance_export_xlsx(report.facts, language=language),
            t("flow-summary-xlsx-caption", title=title),
        ),
    )
    return SummaryFiles(summary_text(report, catalogue, language), documents)


async def send_files(
    messenger: Messenger, chat_id: int, files: SummaryFiles, *, priority: Priority = Priority.BULK
) -> None:
    await messenger.send_text(OutboundText(chat_id, files.text, priority=priority))
    for document in files.documents:
        await messenger.send_document(chat_id, document, priority=priority)


async def complete(session: AsyncSession, activity_id: int, *, now: datetime) -> None:
    row = await session.get(Activity, activity_id)
    if row is None:
        raise ActivityError("activity-not-found")
    row.status = ActivityStatus.COMPLETED
    row.summary_posted_at = now
    row.updated_at = now
    await session.flush()


async def set_notes(
    session: AsyncSession, activity_id: int, notes: str, *, now: datetime
) -> ActivityInfo:
    """The organizer's notes (minutes, materials); they appear in the summary."""
    text = notes.strip()
    if len(text) > MAX_NOTES_LENGTH:
        raise ActivityError("flow-notes-too-long", length=len(text), limit=MAX_NOTES_LENGTH)
    row = await session.get(Activity, activity_id)
    if row is None:
        raise ActivityError("activity-not-found")
    row.organizer_notes = text or None
    row.updated_at = now
    await session.flush()
    activity = await get(session, activity_id)
    assert activity is not None
    return activity
