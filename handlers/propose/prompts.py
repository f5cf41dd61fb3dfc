"""What each step of the form says and which buttons it shows (Back, Skip, Keep, Cancel too)."""

from __future__ import annotations

from datetime import date, datetime

from handlers.propose import fields, picker, steps
from handlers.propose.callbacks import form
from handlers.propose.inputs import occurrence_count
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, Keyboard
from organizer.models import ActivityKind
from organizer.services.activities import MAX_OCCURRENCES
from organizer.services.announcements import agenda_line
from organizer.services.drafts import DraftData, moment
from organizer.services.groups import GroupInfo
from organizer.timeparse import format_local

Rows = list[tuple[Button, ...]]
DURATIONS = ((60, "1"), (90, "1.5"), (120, "2"), (180, "3"))  # minutes, hours as shown
OCCURRENCES = (4, 8, 12)


def step_prompt(
    step: str,
    data: DraftData,
    group: GroupInfo,
    texts: Texts,
    now: datetime,
    month: str = "",
) -> tuple[str, Keyboard]:
    """The message asking for `step`, with its own buttons and the navigation row; `month`
    ("202604") is the month the start step's calendar shows after a ◀ ▶ press."""
    header = texts(
        "propose-step", n=steps.number(step), total=steps.TOTAL, name=texts(f"propose-name-{step}")
    )
    body, rows = _body(step, data, group, texts, now, month)
    parts = [header, body]
    current = current_value(step, data, group, texts)
    if current and step != "agenda":
        parts.append(texts("propose-current", value=current))
    return "\n\n".join(parts), tuple(rows + navigation(step, data, texts, now))


# Steps that only ask for text: the question and its arguments.
_TEXT_ONLY: dict[str, tuple[str, dict[str, int]]] = {
    "title": ("propose-ask-title", {"max": fields.TITLE_MAX}),
    "description": ("propose-ask-description", {"max": fields.DESCRIPTION_MAX}),
    "place": ("propose-ask-place", {}),
    "capacity": ("propose-ask-capacity", {"max": fields.CAPACITY_MAX}),
    "coordinator": ("propose-ask-coordinator", {}),
}
_REPEATS = (("0", "propose-repeat-none"), ("1", "propose-repeat-1"), ("2", "propose-repeat-2"))


def _body(
    step: str, data: DraftData, group: GroupInfo, texts: Texts, now: datetime, month: str
) -> tuple[str, Rows]:
    if step in _TEXT_ONLY:
        key, args = _TEXT_ONLY[step]
        return texts(key, **args), []
    if step == "kind":
        kinds = [Button(texts(f"activity-kind-{k}"), form("kind", k)) for k in ActivityKind]
        return texts("propose-ask-kind"), [tuple(kinds[:2]), tuple(kinds[2:])]
    if step == "start":
        return _start_body(data, group, texts, now, month)
    if step == "end":
        start = _local(moment(data, "starts_at"), group, texts)
        buttons = tuple(Button(texts("propose-hours", n=h), form("dur", m)) for m, h in DURATIONS)
        return texts("propose-ask-end", start=start), [buttons]
    if step == "deadline":
        return texts("propose-ask-deadline"), _deadline_rows(data, texts, now)
    if step == "agenda":
        return _agenda_body(data, texts), _agenda_rows(data, texts)
    if step == "repeat":
        buttons = tuple(Button(texts(key), form("rep", weeks)) for weeks, key in _REPEATS)
        return texts("propose-ask-repeat"), [buttons]
    if step == "until":
        buttons = tuple(Button(texts("propose-times", n=n), form("times", n)) for n in OCCURRENCES)
        return texts("propose-ask-until", max=MAX_OCCURRENCES), [buttons]
    raise ValueError(step)


def _start_body(
    data: DraftData, group: GroupInfo, texts: Texts, now: datetime, month: str
) -> tuple[str, Rows]:
    """The calendar shows `month`, else the month of the start chosen so far, else this one."""
    today = picker.today_in(group.timezone, now)
    starts_at = moment(data, "starts_at")
    if not month and starts_at:
        month = starts_at.astimezone(group.tz).strftime("%Y%m")
    calendar = picker.month_grid(picker.month_of(month, today), today, texts)
    return texts("propose-ask-start", timezone=group.timezone), calendar


def _deadline_rows(data: DraftData, texts: Texts, now: datetime) -> Rows:
    starts_at = moment(data, "starts_at")
    if starts_at is None:
        return []
    offsets = fields.deadline_offsets(starts_at, now)
    keys = {60: "propose-deadline-hour", 24 * 60: "propose-deadline-day"}
    return [tuple(Button(texts(keys[m]), form("dl", m)) for m in offsets)] if offsets else []


def _agenda_body(data: DraftData, texts: Texts) -> str:
    items = data.get("agenda") or []
    listed = agenda_text(items) if items else texts("propose-agenda-empty")
    return "\n\n".join((texts("propose-ask-agenda"), texts("propose-agenda-so-far", items=listed)))


def agenda_text(items: list[DraftData]) -> str:
    return Markup(
        "\n".join(agenda_line(i.get("time"), i["topic"], i.get("speaker")) for i in items)
    )


def _agenda_rows(data: DraftData, texts: Texts) -> Rows:
    buttons = [Button(texts("propose-button-done"), form("done"))]
    if data.get("agenda"):
        buttons.append(Button(texts("propose-button-undo"), form("undo")))
    return [tuple(buttons)]


def navigation(step: str, data: DraftData, texts: Texts, now: datetime) -> Rows:
    row = []
    if steps.previous_step(step, data):
        row.append(Button(texts("propose-button-back"), form("back", step)))
    if step in steps.OPTIONAL and step != "agenda":
        row.append(Button(texts("propose-button-skip"), form("skip", step)))
    if steps.has_value(step, data, now):
        row.append(Button(texts("propose-button-keep"), form("keep", step)))
    rows = [tuple(row)] if row else []
    rows.append((Button(texts("propose-button-cancel"), form("cancel", step)),))
    return rows


def _local(value: datetime | None, group: GroupInfo, texts: Texts) -> str:
    return format_local(value, group.timezone, texts.lang) if value else ""


def current_value(step: str, data: DraftData, group: GroupInfo, texts: Texts) -> str:
    """The step's answer so far, as the user would read it ("" when there is none)."""
    if step == "kind" and data.get("kind"):
        return texts(f"activity-kind-{data['kind']}")
    if step in ("title", "coordinator", "capacity"):
        return str(data.get(step) or "")
    if step == "description":
        text = str(data.get("description") or "")
        return text if len(text) <= 200 else text[:200] + "…"
    if step in ("start", "end", "deadline"):
        key = {"start": "starts_at", "end": "ends_at", "deadline": "rsvp_deadline"}[step]
        return _local(moment(data, key), group, texts)
    if step == "place":
        return " | ".join(v for v in (data.get("location"), data.get("online_url")) if v)
    if step == "repeat" and data.get("repeat_weeks"):
        return texts(f"propose-repeat-{data['repeat_weeks']}")
    if step == "until" and data.get("repeat_until"):
        count = occurrence_count(data, tz=group.timezone)
        return texts("propose-times", n=count)
    return ""


def _date_label(day: date, texts: Texts) -> str:
    weekday = texts("propose-picker-weekdays").split()[day.weekday()]
    return texts(
        "propose-picker-date",
        year=str(day.year),
        month=str(day.month),
        day=str(day.day),
        weekday=weekday,
    )


def hour_prompt(day: date, texts: Texts) -> tuple[str, Keyboard]:
    """After a day was picked: its hours, and a way back to the calendar."""
    header = texts(
        "propose-step", n=steps.number("start"), total=steps.TOTAL, name=texts("propose-name-start")
    )
    rows = picker.hour_grid(day)
    rows.append((Button(texts("propose-picker-back"), form("nav", day.strftime("%Y%m"))),))
    rows.append((Button(texts("propose-button-cancel"), form("cancel", "start")),))
    body = texts("propose-ask-hour", date=_date_label(day, texts))
    return f"{header}\n\n{body}", tuple(rows)


def minute_prompt(day: date, hour: int, texts: Texts) -> tuple[str, Keyboard]:
    header = texts(
        "propose-step", n=steps.number("start"), total=steps.TOTAL, name=texts("propose-name-start")
    )
    rows = picker.minute_grid(day, hour)
    rows.append((Button(texts("propose-picker-hours"), form("day", day.strftime("%Y%m%d"))),))
    rows.append((Button(texts("propose-button-cancel"), form("cancel", "start")),))
    body = texts("propose-ask-minute", date=_date_label(day, texts), hour=f"{hour:02d}")
    return f"{header}\n\n{body}", tuple(rows)


def edit_menu(texts: Texts) -> Keyboard:
    buttons = [
        Button(texts(f"propose-name-{step}"), form("field", step)) for step in steps.EDITABLE
    ]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    rows.append((Button(texts("propose-button-back"), form("field", "preview")),))
    return tuple(rows)
