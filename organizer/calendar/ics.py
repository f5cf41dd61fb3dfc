"""iCalendar (RFC 5545) files: one activity to add to a calendar, or a group's whole feed.

icalendar does the escaping and the 75-octet line folding; this module decides what goes in.
Start and end are written in the group's timezone (TZID plus a VTIMEZONE), so a weekly rule keeps
its local wall-clock time across daylight-saving changes, the same way `occurrences()` expands it.
The output depends only on the input (DTSTAMP is the activity's `updated_at`), so serving the same
activity twice gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vText

from organizer.calendar.model import AgendaItem, CalendarActivity, Recurrence
from organizer.calendar.recurrence import last_start
from organizer.i18n import normalize_language

# The few words the file itself needs. They live here rather than in the Fluent catalogue
# because they are part of a file format's content, not a message the bot sends.
LABELS: dict[str, dict[str, str]] = {
    "zh": {"agenda": "议程：", "organizer": "组织者：", "link": "链接："},
    "en": {"agenda": "Agenda:", "organizer": "Organizer: ", "link": "Link: "},
}

# How far a VTIMEZONE reaches for an activity that repeats forever. Beyond it, calendars go by
# the IANA name in TZID, which they all know.
OPEN_ENDED_REACH = timedelta(days=366 * 10)


def activity_ics(activity: CalendarActivity, *, calendar_name: str, language: str = "zh") -> bytes:
    """A calendar file holding one activity, for "add to calendar"."""
    return group_feed_ics([activity], calendar_name=calendar_name, language=language)


def group_feed_ics(
    activities: Iterable[CalendarActivity], *, calendar_name: str, language: str = "zh"
) -> bytes:
    """A group's calendar feed: every activity, each timezone they use described once."""
    activities = tuple(activities)
    language = normalize_language(language)
    calendar = _calendar(calendar_name, language)
    for activity in activities:
        calendar.add_component(_event(activity, LABELS[language]))
    _add_timezones(calendar, activities)
    ics: bytes = calendar.to_ical()
    return ics


def _calendar(name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Organizer//Training groups//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # NAME (RFC 7986) and the X-WR-CALNAME most clients read are TEXT, so they are escaped;
    # icalendar's `calendar_name` writes them raw. A name is one line.
    one_line = " ".join(name.split())
    calendar.add("name", vText(one_line))
    calendar.add("x-wr-calname", vText(one_line))
    return calendar


def _event(activity: CalendarActivity, labels: dict[str, str]) -> Event:
    event = Event()
    event.add("uid", activity.uid)
    event.add("sequence", activity.sequence)
    event.add("dtstamp", activity.updated_at.astimezone(UTC))
    event.add("created", activity.created_at.astimezone(UTC))
    event.add("last-modified", activity.updated_at.astimezone(UTC))
    event.add("dtstart", _calendar_time(activity.starts_at, activity.zone))
    event.add("dtend", _calendar_time(activity.ends_at, activity.zone))
    event.add("summary", activity.title)
    description = _description(activity, labels)
    if description:
        event.add("description", description)
    # Google Calendar ignores URL, so an online activity shows its link as the location.
    if activity.location or activity.url:
        event.add("location", activity.location or activity.url)
    if activity.url:
        event.add("url", activity.url)
    event.add("status", "CANCELLED" if activity.cancelled else "CONFIRMED")
    if activity.recurrence:
        event.add("rrule", _rrule(activity.recurrence))
    if not activity.cancelled:  # nobody wants to be reminded of a session that will not happen
        for minutes in activity.reminder_minutes:
            event.add_component(_alarm(minutes, activity.title))
    return event


def _calendar_time(moment: datetime, zone: ZoneInfo) -> datetime:
    """The moment in the group's local time, unless local time cannot say it.

    A local time during the hour repeated at the end of summer time means its first pass
    (RFC 5545, 3.3.5), so an instant in the second pass is written in UTC instead. (A weekly
    rule from such a start then repeats in UTC; a series starting at 02:30 on the night the
    clocks go back is not worth a more elaborate file.)
    """
    local = moment.astimezone(zone).replace(fold=0)
    if local.astimezone(UTC) == moment.astimezone(UTC):
        return local
    return moment.astimezone(UTC)


def _rrule(rule: Recurrence) -> dict[str, Any]:
    parts: dict[str, Any] = {"freq": rule.frequency.upper(), "interval": rule.interval}
    if rule.until is not None:
        parts["until"] = rule.until.astimezone(UTC)  # RFC 5545: UTC when DTSTART has a TZID
    if rule.count is not None:
        parts["count"] = rule.count
    return parts


def _alarm(minutes: int, title: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)  # required for DISPLAY; it is what the reminder shows
    alarm.add("trigger", timedelta(minutes=-minutes))
    return alarm


def _description(activity: CalendarActivity, labels: dict[str, str]) -> str:
    # ORGANIZER must be a cal-address (mailto:), which we do not have, so the organizer's name
    # goes into the description instead of into an invalid property.
    sections = []
    if activity.description and activity.description.strip():
        sections.append(activity.description.strip())
    if activity.agenda:
        lines = [_agenda_line(item, activity) for item in activity.agenda]
        sections.append("\n".join([labels["agenda"], *lines]))
    if activity.organizer_name:
        sections.append(labels["organizer"] + activity.organizer_name)
    if activity.url and activity.location:  # otherwise the link is already the location
        sections.append(labels["link"] + activity.url)
    return "\n\n".join(sections)


def _agenda_line(item: AgendaItem, activity: CalendarActivity) -> str:
    line = item.topic
    if item.starts_at is not None:
        local = item.starts_at.astimezone(activity.zone)
        same_day = local.date() == activity.starts_at.astimezone(activity.zone).date()
        line = f"{local:%H:%M} {line}" if same_day else f"{local:%m-%d %H:%M} {line}"
    if item.speaker:
        line = f"{line} — {item.speaker}"
    return line


def _add_timezones(calendar: Calendar, activities: tuple[CalendarActivity, ...]) -> None:
    """One VTIMEZONE per timezone used, covering whole years around the activities' dates."""
    if not activities:
        return
    first = min(activity.starts_at for activity in activities).astimezone(UTC)
    last = max(_last_end(activity) for activity in activities).astimezone(UTC)
    calendar.add_missing_timezones(
        first_date=date(first.year - 1, 12, 1), last_date=date(last.year + 1, 1, 31)
    )


def _last_end(activity: CalendarActivity) -> datetime:
    start = last_start(activity)
    if start is None:
        return activity.ends_at + OPEN_ENDED_REACH
    return start + (activity.ends_at - activity.starts_at)
