"""One activity's .ics file, read back with icalendar's parser."""

from __future__ import annotations

from datetime import timedelta

import pytest

from organizer.calendar import AgendaItem, Recurrence, activity_ics
from tests.organizer.calendar.helpers import BASE, make_activity, only_event, parse, utc


def test_calendar_header() -> None:
    calendar = parse(activity_ics(BASE, calendar_name="Python 训练营", language="en"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Organizer//Training groups//EN"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Python 训练营"


@pytest.mark.parametrize(
    ("language", "prodid_suffix"), [("zh", "ZH"), ("en", "EN"), ("zh-hans", "ZH"), ("fr", "ZH")]
)
def test_prodid_follows_the_language(language: str, prodid_suffix: str) -> None:
    calendar = parse(activity_ics(BASE, calendar_name="c", language=language))
    assert calendar["PRODID"] == f"-//Organizer//Training groups//{prodid_suffix}"


def test_uid_is_stable_and_sequence_is_the_callers() -> None:
    first = only_event(activity_ics(BASE, calendar_name="c"))
    changed = make_activity(
        sequence=3, title="Moved", starts_at=utc(2026, 12, 2, 11), ends_at=utc(2026, 12, 2, 12)
    )
    second = only_event(activity_ics(changed, calendar_name="c"))
    assert first["UID"] == second["UID"] == "activity-42@organizer"
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 3)


def test_timestamps_come_from_the_activity() -> None:
    event = only_event(activity_ics(BASE, calendar_name="c"))
    written = (event.DTSTAMP, event.LAST_MODIFIED, event.CREATED)
    assert written == (BASE.updated_at, BASE.updated_at, BASE.created_at)


def test_same_activity_gives_the_same_bytes() -> None:
    assert activity_ics(BASE, calendar_name="c") == activity_ics(BASE, calendar_name="c")


def test_start_and_end_are_in_the_groups_timezone() -> None:
    event = only_event(activity_ics(BASE, calendar_name="c"))
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert event["DTEND"].params["TZID"] == "Asia/Shanghai"
    assert event.start == BASE.starts_at and event.end == BASE.ends_at
    assert event["DTSTART"].to_ical() == b"20261201T193000"  # the local wall-clock time


def test_one_vtimezone_for_the_groups_timezone() -> None:
    calendar = parse(activity_ics(BASE, calendar_name="c"))
    assert [tz["TZID"] for tz in calendar.timezones] == ["Asia/Shanghai"]
    assert calendar.get_missing_tzids() == set()


def test_vtimezone_alone_defines_the_instant() -> None:
    """Renamed to a zone no parser knows, the time can only come from our VTIMEZONE."""
    activity = make_activity(
        timezone="Europe/Berlin", starts_at=utc(2026, 7, 7, 17, 30), ends_at=utc(2026, 7, 7, 19)
    )
    ics = activity_ics(activity, calendar_name="c").replace(b"Europe/Berlin", b"Test/Nowhere")
    event = only_event(ics)
    assert event.start == activity.starts_at
    assert event.end == activity.ends_at


def test_second_pass_of_a_repeated_hour_is_written_in_utc() -> None:
    # 02:30 on 25 Oct 2026 happens twice in Berlin; in local time it would mean the first.
    second_pass = utc(2026, 10, 25, 1, 30)
    activity = make_activity(
        timezone="Europe/Berlin", starts_at=second_pass, ends_at=second_pass + timedelta(hours=1)
    )
    event = only_event(activity_ics(activity, calendar_name="c"))
    assert "TZID" not in event["DTSTART"].params
    assert event.start == second_pass
    assert event["DTEND"].params["TZID"] == "Europe/Berlin"
    assert event.end == second_pass + timedelta(hours=1)


@pytest.mark.parametrize(
    ("language", "expected_lines"),
    [
        ("zh", ["Bring your laptop.", "", "议程：", "19:30 Welcome — Alice", "20:00 Deep dive"]),
        ("en", ["Bring your laptop.", "", "Agenda:", "19:30 Welcome — Alice", "20:00 Deep dive"]),
    ],
)
def test_description_has_the_agenda_in_local_time(language: str, expected_lines: list[str]) -> None:
    event = only_event(activity_ics(BASE, calendar_name="c", language=language))
    lines = str(event["DESCRIPTION"]).split("\n")
    assert lines[: len(expected_lines)] == expected_lines


def test_agenda_items_on_another_day_show_their_date_and_untimed_ones_no_time() -> None:
    agenda = (
        AgendaItem(utc(2026, 12, 1, 11, 30), "Day one"),
        AgendaItem(utc(2026, 12, 2, 1, 0), "Day two", "Carol"),  # 09:00 on 2 Dec in Shanghai
        AgendaItem(None, "Wrap-up"),
    )
    activity = make_activity(description=None, agenda=agenda, organizer_name=None)
    description = str(only_event(activity_ics(activity, calendar_name="c"))["DESCRIPTION"])
    assert description == "议程：\n19:30 Day one\n12-02 09:00 Day two — Carol\nWrap-up"


@pytest.mark.parametrize(("language", "line"), [("zh", "组织者：Bob"), ("en", "Organizer: Bob")])
def test_organizer_goes_into_the_description_not_an_invalid_organizer(
    language: str, line: str
) -> None:
    event = only_event(activity_ics(BASE, calendar_name="c", language=language))
    assert "ORGANIZER" not in event
    assert str(event["DESCRIPTION"]).split("\n")[-1] == line


def test_no_description_property_when_there_is_nothing_to_say() -> None:
    activity = make_activity(description=None, agenda=(), organizer_name=None)
    assert "DESCRIPTION" not in only_event(activity_ics(activity, calendar_name="c"))


@pytest.mark.parametrize(
    ("location", "url", "expected_location", "link_in_description"),
    [
        ("Room 301", None, "Room 301", False),
        (None, "https://meet.example.com/abc", "https://meet.example.com/abc", False),
        ("Room 301", "https://meet.example.com/abc", "Room 301", True),
        (None, None, None, False),
    ],
)
def test_location_and_url(
    location: str | None, url: str | None, expected_location: str | None, link_in_description: bool
) -> None:
    event = only_event(activity_ics(make_activity(location=location, url=url), calendar_name="c"))
    assert event.get("LOCATION") == expected_location
    assert event.get("URL") == url
    assert (f"链接：{url}" in str(event["DESCRIPTION"])) is link_in_description


@pytest.mark.parametrize(
    ("minutes", "triggers"),
    [
        ((60,), [timedelta(hours=-1)]),
        ((1440, 60), [timedelta(days=-1), timedelta(hours=-1)]),
        ((15, 0), [timedelta(minutes=-15), timedelta(0)]),
        ((), []),
    ],
)
def test_one_display_alarm_per_reminder(
    minutes: tuple[int, ...], triggers: list[timedelta]
) -> None:
    event = only_event(activity_ics(make_activity(reminder_minutes=minutes), calendar_name="c"))
    alarms = event.walk("VALARM")
    assert [alarm.decoded("TRIGGER") for alarm in alarms] == triggers
    assert all(alarm["ACTION"] == "DISPLAY" for alarm in alarms)
    assert all(alarm["DESCRIPTION"] == "Weekly sync" for alarm in alarms)


@pytest.mark.parametrize(("cancelled", "status"), [(False, "CONFIRMED"), (True, "CANCELLED")])
def test_status(cancelled: bool, status: str) -> None:
    event = only_event(activity_ics(make_activity(cancelled=cancelled), calendar_name="c"))
    assert event["STATUS"] == status


def test_a_cancelled_activity_has_no_alarms() -> None:
    activity = make_activity(cancelled=True, reminder_minutes=(1440, 60), sequence=2)
    event = only_event(activity_ics(activity, calendar_name="c"))
    assert event.walk("VALARM") == []
    assert event["SEQUENCE"] == 2


@pytest.mark.parametrize(
    ("recurrence", "expected"),
    [
        (None, None),
        (Recurrence("weekly"), {"FREQ": ["WEEKLY"], "INTERVAL": [1]}),
        (
            Recurrence("weekly", interval=2, until=utc(2027, 1, 31, 23, 59)),
            {"FREQ": ["WEEKLY"], "INTERVAL": [2], "UNTIL": [utc(2027, 1, 31, 23, 59)]},
        ),
        (Recurrence("weekly", count=8), {"FREQ": ["WEEKLY"], "INTERVAL": [1], "COUNT": [8]}),
    ],
)
def test_rrule(recurrence: Recurrence | None, expected: dict[str, list[object]] | None) -> None:
    ics = activity_ics(make_activity(recurrence=recurrence), calendar_name="c")
    rrule = only_event(ics).get("RRULE")
    assert (dict(rrule) if rrule is not None else None) == expected
    if recurrence and recurrence.until:
        assert b"UNTIL=20270131T235900Z" in ics  # UTC, as RFC 5545 wants with a TZID start
