"""Attendance exports for HR: a CSV and an XLSX workbook (sheets "Attendees" and "Summary").

Times are the activity's local wall-clock time without a timezone, because Excel has none.
Headers are in the requested language (Chinese by default); the sheet names stay English so
that scripts reading the workbook do not depend on the language.

Names and comments are user text, and a spreadsheet runs text that looks like a formula, so
neither export lets user text become one (see `_csv_safe` and `_write_row`).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import astuple, dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from organizer.i18n import Texts, shared_catalogue
from organizer.reports import formatting as fmt
from organizer.reports.facts import RATING_NAMES, ActivityFacts, Attendee, SurveyAnswer
from organizer.reports.render import kind_name
from organizer.reports.summary import ActivitySummary, latest_answers, summarize

ATTENDEES_SHEET, SUMMARY_SHEET = "Attendees", "Summary"
DATETIME_FORMAT, PERCENT_FORMAT, AVERAGE_FORMAT = "yyyy-mm-dd hh:mm", "0%", "0.0"
COLUMN_KEYS = (
    "summary-col-name",
    "summary-col-username",
    "summary-col-rsvp",
    "summary-col-checked-in",
    "summary-col-late",
    "summary-col-answered",
    "summary-rating-overall",
    "summary-rating-content",
    "summary-rating-organisation",
    "summary-col-good",
    "summary-col-improve",
)
MIN_WIDTH, MAX_WIDTH = 8, 60
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Value = str | int | float | bool | datetime | None


@dataclass(frozen=True)
class AttendeeRow:
    name: str
    username: str | None  # without the "@"
    rsvp: str  # localised
    checked_in_at: datetime | None  # local, naive
    late: bool
    answered: bool
    overall: int | None
    content: int | None
    organisation: int | None
    good: str | None
    improve: str | None


def attendee_rows(facts: ActivityFacts, t: Texts) -> list[AttendeeRow]:
    """One row per attendee, in the order the activity service gave them."""
    answers = {answer.user_id: answer for answer in latest_answers(facts.answers)}
    return [
        _row(person, answers.get(person.user_id), facts.timezone, t) for person in facts.attendees
    ]


def _row(person: Attendee, answer: SurveyAnswer | None, timezone: str, t: Texts) -> AttendeeRow:
    ratings = [answer.rating(name) if answer else None for name in RATING_NAMES]
    return AttendeeRow(
        name=person.name,
        username=person.username,
        rsvp=t(f"summary-rsvp-{person.rsvp or 'none'}"),
        checked_in_at=fmt.local_naive(person.checked_in_at, timezone),
        late=person.late and person.checked_in_at is not None,
        answered=answer is not None,
        overall=ratings[0],
        content=ratings[1],
        organisation=ratings[2],
        good=answer.good if answer else None,
        improve=answer.improve if answer else None,
    )


def attendance_export_csv(facts: ActivityFacts, *, language: str = "zh") -> bytes:
    """UTF-8 with a byte-order mark, which is what makes Excel read Chinese correctly.

    Usernames have no "@" here: Excel reads a CSV cell starting with "@" as a formula.
    """
    t = shared_catalogue().for_language(language)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(key) for key in COLUMN_KEYS])
    for row in attendee_rows(facts, t):
        writer.writerow([_csv_cell(value, t) for value in astuple(row)])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_cell(value: Value, t: Texts) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("summary-bool-yes" if value else "summary-bool-no")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return _csv_safe(str(value))


def _csv_safe(text: str) -> str:
    """The usual guard against CSV formula injection: a leading apostrophe keeps it text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def attendance_export_xlsx(facts: ActivityFacts, *, language: str = "zh") -> bytes:
    t = shared_catalogue().for_language(language)
    workbook = Workbook()
    attendees = workbook.active
    attendees.title = ATTENDEES_SHEET
    _write_row(attendees, 1, [t(key) for key in COLUMN_KEYS])
    for index, row in enumerate(attendee_rows(facts, t), start=2):
        username = f"@{row.username}" if row.username else None
        _write_row(attendees, index, [row.name, username, *astuple(row)[2:]])
    _style_table(attendees)

    figures = workbook.create_sheet(SUMMARY_SHEET)
    _write_row(figures, 1, [t("summary-figure-label"), t("summary-figure-value")])
    for index, (label, value, number_format) in enumerate(_figures(summarize(facts, ()), t), 2):
        _write_row(figures, index, [label, value])
        if number_format:
            figures.cell(row=index, column=2).number_format = number_format
    _style_table(figures)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _figures(summary: ActivitySummary, t: Texts) -> list[tuple[str, Value, str | None]]:
    """(label, value, number format) for the Summary sheet."""
    tz = summary.timezone

    def figure(
        key: str, value: Value, number_format: str | None = None
    ) -> tuple[str, Value, str | None]:
        return t(f"summary-figure-{key}"), value, number_format

    return [
        figure("title", summary.title),
        figure("kind", kind_name(summary.kind, t)),
        figure("starts", fmt.local_naive(summary.starts_at, tz), DATETIME_FORMAT),
        figure("ends", fmt.local_naive(summary.ends_at, tz), DATETIME_FORMAT),
        figure("timezone", tz),
        figure("capacity", summary.capacity),
        figure("going", summary.rsvp.going),
        figure("maybe", summary.rsvp.maybe),
        figure("no", summary.rsvp.no),
        figure("waitlist", summary.rsvp.waitlist),
        figure("attended", summary.attended),
        figure("late", summary.late),
        figure("no-shows", summary.no_shows),
        figure("no-show-rate", summary.no_show_rate, PERCENT_FORMAT),
        figure("attendance-rate", summary.attendance_rate, PERCENT_FORMAT),
        figure("surveys-sent", summary.surveys_sent),
        figure("answers", summary.answers),
        figure("response-rate", summary.response_rate, PERCENT_FORMAT),
        *(
            figure(f"average-{name}", getattr(summary, name).average, AVERAGE_FORMAT)
            for name in RATING_NAMES
        ),
    ]


def _write_row(sheet: Worksheet, row: int, values: list[Value]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            # XML cannot hold control characters; openpyxl would raise on them.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
        else:
            cell.value = value
        if isinstance(value, datetime):
            cell.number_format = DATETIME_FORMAT


def _style_table(sheet: Worksheet) -> None:
    """Bold frozen header row; each column as wide as its longest value (CJK counts double)."""
    sheet.freeze_panes = "A2"
    for header in sheet[1]:
        header.font = Font(bold=True)
    for index, column in enumerate(sheet.iter_cols(), start=1):
        widest = max(_display_width(cell.value) for cell in column)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(widest + 2, MIN_WIDTH), MAX_WIDTH)


def _display_width(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATETIME_FORMAT)
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
