"""An answer to one step, typed or pressed, turned into the draft's new data (no Telegram here).

Each reader returns the whole new data or raises FieldError / timeparse.ParseError (both carry
a catalogue key and its arguments). Nothing entered before is dropped on an error.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from handlers.propose import fields
from handlers.propose.fields import FieldError
from organizer.services.activities import MAX_OCCURRENCES
from organizer.services.drafts import DraftData, DraftIncomplete, moment, stamp, to_proposal
from organizer.timeparse import parse_datetime, parse_end

END_OF_DAY = time(23, 59)


def _stamp(value: datetime, tz: str) -> str:
    """ "2026-03-05 19:30" in the group's timezone: reads the same in both languages."""
    return value.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _start(data: DraftData) -> datetime:
    starts_at = moment(data, "starts_at")
    if starts_at is None:
        raise FieldError("propose-error-start-first")
    return starts_at


def read_text(step: str, text: str, data: DraftData, *, tz: str, now: datetime) -> DraftData:
    """The data after the user typed `text` at `step`."""
    if step == "title":
        return {**data, "title": fields.title(text)}
    if step == "description":
        return {**data, "description": fields.description(text)}
    if step == "start":
        return with_start(data, parse_datetime(text, now=now, tz=tz), now=now, tz=tz)
    if step == "end":
        return {**data, "ends_at": stamp(parse_end(text, start=_start(data), tz=tz, now=now))}
    if step == "place":
        location, online_url = fields.place(text)
        return {**data, "location": location, "online_url": online_url}
    if step == "capacity":
        return {**data, "capacity": fields.capacity(text)}
    if step == "deadline":
        return with_deadline(data, parse_datetime(text, now=now, tz=tz), now=now, tz=tz)
    if step == "agenda":
        return with_agenda_item(data, text, tz=tz)
    if step == "coordinator":
        return {**data, "coordinator": fields.coordinator(text)}
    if step == "until":
        until = parse_datetime(text, now=now, tz=tz, default_time=END_OF_DAY)
        return with_until(data, _end_of_local_day(until, tz), tz=tz)
    raise FieldError("propose-error-use-buttons")


def with_start(data: DraftData, starts_at: datetime, *, now: datetime, tz: str) -> DraftData:
    if starts_at <= now:
        raise FieldError(
            "propose-error-start-past", when=_stamp(starts_at, tz), now=_stamp(now, tz)
        )
    changed = {**data, "starts_at": stamp(starts_at)}
    # A new start keeps the duration already chosen, so "keep" on the end step still fits.
    old_start, old_end = moment(data, "starts_at"), moment(data, "ends_at")
    if old_start and old_end and old_end > old_start:
        changed["ends_at"] = stamp(starts_at + (old_end - old_start))
    return changed


def with_duration(data: DraftData, minutes: int) -> DraftData:
    if not 0 < minutes <= 24 * 60:
        raise FieldError("propose-error-stale")
    return {**data, "ends_at": stamp(_start(data) + timedelta(minutes=minutes))}


def with_deadline(data: DraftData, deadline: datetime, *, now: datetime, tz: str) -> DraftData:
    starts_at = _start(data)
    if deadline >= starts_at:
        raise FieldError(
            "propose-error-deadline-after-start",
            deadline=_stamp(deadline, tz),
            start=_stamp(starts_at, tz),
        )
    if deadline <= now:
        raise FieldError("propose-error-start-past", when=_stamp(deadline, tz), now=_stamp(now, tz))
    return {**data, "rsvp_deadline": stamp(deadline)}


def with_agenda_item(data: DraftData, text: str, *, tz: str) -> DraftData:
    agenda = list(data.get("agenda") or [])
    if len(agenda) >= fields.AGENDA_MAX_ITEMS:
        raise FieldError("propose-error-agenda-full", max=fields.AGENDA_MAX_ITEMS)
    starts_at, ends_at = _start(data), moment(data, "ends_at")
    item = fields.agenda_item(text, starts_at=starts_at, ends_at=ends_at or starts_at, tz=tz)
    return {**data, "agenda": [*agenda, item]}


def without_last_agenda_item(data: DraftData) -> DraftData:
    return {**data, "agenda": list(data.get("agenda") or [])[:-1]}


def with_repeat(data: DraftData, weeks: int) -> DraftData:
    if weeks not in (0, 1, 2):
        raise FieldError("propose-error-stale")
    until = data.get("repeat_until") if weeks == data.get("repeat_weeks") else None
    return {**data, "repeat_weeks": weeks, "repeat_until": until if weeks else None}


def with_occurrences(data: DraftData, count: int, *, tz: str) -> DraftData:
    """Repeat `count` times in all: until the end of the day of the last one."""
    weeks = int(data.get("repeat_weeks") or 0)
    if not weeks or not 2 <= count <= MAX_OCCURRENCES:
        raise FieldError("propose-error-stale")
    last = _start(data) + timedelta(weeks=weeks * (count - 1))
    return with_until(data, _end_of_local_day(last, tz), tz=tz)


def with_until(data: DraftData, until: datetime, *, tz: str) -> DraftData:
    starts_at, weeks = _start(data), int(data.get("repeat_weeks") or 0)
    if not weeks:
        raise FieldError("propose-error-stale")
    zone = ZoneInfo(tz)
    days = (until.astimezone(zone).date() - starts_at.astimezone(zone).date()).days
    count = days // (7 * weeks) + 1
    if count < 2:
        second = starts_at + timedelta(weeks=weeks)
        raise FieldError("propose-error-until-too-soon", earliest=_stamp(second, tz)[:10])
    if count > MAX_OCCURRENCES:
        last = starts_at + timedelta(weeks=weeks * (MAX_OCCURRENCES - 1))
        raise FieldError(
            "propose-error-until-too-late", max=MAX_OCCURRENCES, last=_stamp(last, tz)[:10]
        )
    return {**data, "repeat_until": stamp(until)}


def occurrence_count(data: DraftData, *, tz: str) -> int:
    starts_at, until = moment(data, "starts_at"), moment(data, "repeat_until")
    weeks = int(data.get("repeat_weeks") or 0)
    if not (starts_at and until and weeks):
        return 1
    zone = ZoneInfo(tz)
    days = (until.astimezone(zone).date() - starts_at.astimezone(zone).date()).days
    return max(1, days // (7 * weeks) + 1)


def _end_of_local_day(moment_: datetime, tz: str) -> datetime:
    zone = ZoneInfo(tz)
    local = datetime.combine(moment_.astimezone(zone).date(), END_OF_DAY, tzinfo=zone)
    return local.astimezone(ZoneInfo("UTC"))


def picked_start(value: str, *, tz: str) -> datetime:
    """The picker's last press, "YYYYMMDDHHMM" in the group's timezone, as UTC."""
    try:
        local = datetime.strptime(value, "%Y%m%d%H%M")
    except ValueError:
        raise FieldError("propose-error-stale") from None
    return local.replace(tzinfo=ZoneInfo(tz)).astimezone(ZoneInfo("UTC"))


def problem(data: DraftData, *, tz: str, now: datetime) -> tuple[str, FieldError] | None:
    """What stops the draft from being submitted now, with the step that fixes it.

    Each step checked its answer when it was given; this catches what time or a later change
    made wrong since (a draft resumed after its start passed, a start moved past the deadline).
    """
    try:
        to_proposal(data)
    except DraftIncomplete as missing:
        return missing.step, FieldError("propose-error-missing")
    starts_at, ends_at = _start(data), moment(data, "ends_at")
    deadline = moment(data, "rsvp_deadline")
    if starts_at <= now:
        return "start", FieldError(
            "propose-error-start-past", when=_stamp(starts_at, tz), now=_stamp(now, tz)
        )
    if ends_at is None or ends_at <= starts_at:
        return "end", FieldError("propose-error-end-before-start")
    if deadline is not None:
        try:
            with_deadline(data, deadline, now=now, tz=tz)
        except FieldError as error:
            return "deadline", error
    return None
