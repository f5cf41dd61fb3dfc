"""The HR export of a group's assessment for a period (charter 八(二)): an XLSX workbook with the
sheets Members, Violations and Activities, and the Members sheet as CSV.

Headers, sheet names and member types are in the group's language. Times are the group's
local wall-clock time without a timezone (Excel has none). User text never becomes a formula
(the helpers of `organizer.reports.export`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.i18n import Texts, shared_catalogue
from organizer.models import (
    Activity,
    Attendance,
    Group,
    Membership,
    Rsvp,
    RsvpStatus,
    SurveyResponse,
    User,
)
from organizer.models.moderation import Violation
from organizer.reports.assessment import HELD
from organizer.reports.export import AVERAGE_FORMAT, Value, _csv_safe, _style_table, _write_row
from organizer.reports.formatting import local_naive
from organizer.services.scores import (
    COMPONENTS,
    INDICATORS,
    MemberScore,
    display_names,
    score_period,
)
from organizer.services.scores_periods import Period

MEMBER_TYPES = ("employee", "partner", "student")


@dataclass(frozen=True)
class Person:
    name: str
    username: str | None
    member_type: str
    department: str | None


@dataclass(frozen=True)
class Sheets:
    members: list[list[Value]]
    violations: list[list[Value]]
    activities: list[list[Value]]


async def _group(session: AsyncSession, group_id: int) -> tuple[Texts, str]:
    group = await session.get(Group, group_id)
    language = group.language if group is not None else "zh"
    timezone = group.timezone if group is not None else "UTC"
    return shared_catalogue().for_language(language), timezone


async def _people(session: AsyncSession, group_id: int, user_ids: set[int]) -> dict[int, Person]:
    if not user_ids:
        return {}
    rows = await session.execute(
        select(User.id, User.first_name, User.last_name, User.username,
               Membership.member_type, Membership.department)
        .outerjoin(Membership, and_(Membership.user_id == User.id,
                                    Membership.group_id == group_id))
        .where(User.id.in_(user_ids))
    )  # fmt: skip
    people = {}
    for user_id, first, last, username, member_type, department in rows:
        name = " ".join(part for part in (first, last) if part) or str(user_id)
        people[int(user_id)] = Person(name, username, member_type or "unknown", department)
    return people


def member_type_name(member_type: str, texts: Texts) -> str:
    known = member_type if member_type in MEMBER_TYPES else "unknown"
    return texts(f"assessment-type-{known}")


def _member_headers(texts: Texts) -> list[Value]:
    return [
        texts("assessment-col-name"), texts("assessment-col-username"),
        texts("assessment-col-type"), texts("assessment-col-department"),
        *(texts(f"assessment-indicator-{name}") for name in INDICATORS),
        *(texts(f"assessment-component-{name}") for name in COMPONENTS),
        texts("assessment-col-total"), texts("assessment-col-rank"),
    ]  # fmt: skip


def _member_row(score: MemberScore, person: Person | None, texts: Texts) -> list[Value]:
    person = person or Person(score.name, None, "unknown", None)
    return [
        person.name, f"@{person.username}" if person.username else None,
        member_type_name(person.member_type, texts), person.department,
        *(score.raw.get(name, 0) for name in INDICATORS),
        *(score.components.get(name, 0.0) for name in COMPONENTS),
        score.total, score.rank,
    ]  # fmt: skip


async def _members(
    session: AsyncSession, group_id: int, period: Period, texts: Texts
) -> list[list[Value]]:
    scores = await score_period(session, group_id, period)
    people = await _people(session, group_id, {score.user_id for score in scores})
    rows = [_member_headers(texts)]
    rows += [_member_row(score, people.get(score.user_id), texts) for score in scores]
    return rows


async def _violations(
    session: AsyncSession, group_id: int, period: Period, texts: Texts, timezone: str
) -> list[list[Value]]:
    found = list(
        await session.scalars(
            select(Violation)
            .where(Violation.group_id == group_id, Violation.created_at >= period.since,
                   Violation.created_at < period.until)
            .order_by(Violation.created_at, Violation.id)
        )
    )  # fmt: skip
    names = await display_names(session, {v.user_id for v in found})
    rows: list[list[Value]] = [
        [texts(f"assessment-col-{key}") for key in
         ("date", "member", "rule", "category", "charter", "sanction", "undone")]
    ]  # fmt: skip
    for v in found:
        rows.append([
            local_naive(v.created_at, timezone), names.get(v.user_id, str(v.user_id)), v.rule,
            v.category, v.charter_ref, v.sanction,
            texts("assessment-yes" if v.undone_at is not None else "assessment-no"),
        ])  # fmt: skip
    return rows


async def _activities(
    session: AsyncSession, group_id: int, period: Period, texts: Texts, timezone: str
) -> list[list[Value]]:
    held = and_(
        Activity.group_id == group_id, Activity.status.in_(HELD),
        Activity.ends_at >= period.since, Activity.ends_at < period.until,
    )  # fmt: skip
    activities = list(
        await session.scalars(
            select(Activity).where(held).order_by(Activity.starts_at, Activity.id)
        )
    )

    async def grouped(statement: object) -> dict[int, int]:
        return {int(a): int(c) for a, c in await session.execute(statement)}  # type: ignore[call-overload]

    going = await grouped(
        select(Rsvp.activity_id, func.count()).join(Activity, Activity.id == Rsvp.activity_id)
        .where(held, Rsvp.status == RsvpStatus.GOING).group_by(Rsvp.activity_id)
    )  # fmt: skip
    attended = await grouped(
        select(Attendance.activity_id, func.count())
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(held, Attendance.present.is_(True)).group_by(Attendance.activity_id)
    )  # fmt: skip
    no_shows = await grouped(
        select(Rsvp.activity_id, func.count())
        .join(Activity, Activity.id == Rsvp.activity_id)
        .outerjoin(Attendance, and_(Attendance.activity_id == Rsvp.activity_id,
                                    Attendance.user_id == Rsvp.user_id))
        .where(held, Rsvp.status == RsvpStatus.GOING,
               or_(Attendance.id.is_(None), Attendance.present.is_(False)))
        .group_by(Rsvp.activity_id)
    )  # fmt: skip
    ratings = {
        int(a): float(r)
        for a, r in await session.execute(
            select(SurveyResponse.activity_id, func.avg(SurveyResponse.overall))
            .join(Activity, Activity.id == SurveyResponse.activity_id)
            .where(held, SurveyResponse.completed_at.is_not(None),
                   SurveyResponse.overall.is_not(None))
            .group_by(SurveyResponse.activity_id)
        )
        if r is not None
    }  # fmt: skip
    names = await display_names(session, {a.proposer_id for a in activities})
    rows: list[list[Value]] = [
        [texts(f"assessment-col-{key}") for key in
         ("title", "start", "organiser", "going", "attended", "no-shows", "rating")]
    ]  # fmt: skip
    for a in activities:
        rows.append([
            a.title, local_naive(a.starts_at, timezone),
            names.get(a.proposer_id, str(a.proposer_id)), going.get(a.id, 0),
            attended.get(a.id, 0), no_shows.get(a.id, 0), ratings.get(a.id),
        ])  # fmt: skip
    return rows


async def export_sheets(session: AsyncSession, group_id: int, period: Period) -> Sheets:
    texts, timezone = await _group(session, group_id)
    return Sheets(
        await _members(session, group_id, period, texts),
        await _violations(session, group_id, period, texts, timezone),
        await _activities(session, group_id, period, texts, timezone),
    )


async def export_workbook(session: AsyncSession, group_id: int, period: Period) -> bytes:
    texts, _ = await _group(session, group_id)
    sheets = await export_sheets(session, group_id, period)
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    for index, (key, rows) in enumerate(
        (("members", sheets.members), ("violations", sheets.violations),
         ("activities", sheets.activities))
    ):  # fmt: skip
        sheet = first if index == 0 else workbook.create_sheet()
        sheet.title = texts(f"assessment-sheet-{key}")
        for number, row in enumerate(rows, start=1):
            _write_row(sheet, number, row)
        if key == "activities":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=7, max_col=7):
                cell.number_format = AVERAGE_FORMAT
        _style_table(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str):
        # No "@" before usernames here: Excel reads a CSV cell starting with "@" as a formula.
        return _csv_safe(value[1:] if value.startswith("@") else value)
    return str(value)


async def export_csv(session: AsyncSession, group_id: int, period: Period) -> bytes:
    """The Members sheet, UTF-8 with a byte-order mark (so Excel reads Chinese correctly)."""
    texts, _ = await _group(session, group_id)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in await _members(session, group_id, period, texts):
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
