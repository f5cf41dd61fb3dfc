"""A group's feed: every activity in one calendar, each timezone described once."""

from __future__ import annotations

from datetime import timedelta

from organizer.calendar import Recurrence, activity_ics, group_feed_ics, occurrences
from tests.organizer.calendar.helpers import expanded, make_activity, parse, utc

SHANGHAI_A = make_activity(uid="activity-1@organizer")
SHANGHAI_B = make_activity(
    uid="activity-2@organizer", starts_at=utc(2026, 12, 8, 11), ends_at=utc(2026, 12, 8, 12)
)
BERLIN_WEEKLY = make_activity(
    uid="activity-3@organizer",
    timezone="Europe/Berlin",
    starts_at=utc(2026, 12, 1, 18, 30),  # 19:30 CET
    ends_at=utc(2026, 12, 1, 20),
    recurrence=Recurrence("weekly", interval=2, until=utc(2027, 6, 30)),
)
LONDON_FOREVER = make_activity(
    uid="activity-4@organizer",
    timezone="Europe/London",
    starts_at=utc(2026, 12, 3, 18),
    ends_at=utc(2026, 12, 3, 19),
    recurrence=Recurrence("weekly"),
)
UTC_GROUP = make_activity(uid="activity-5@organizer", timezone="UTC")
FEED = [SHANGHAI_A, SHANGHAI_B, BERLIN_WEEKLY, LONDON_FOREVER, UTC_GROUP]


def test_every_activity_is_an_event() -> None:
    calendar = parse(group_feed_ics(FEED, calendar_name="Group", language="en"))
    assert [event["UID"] for event in calendar.events] == [a.uid for a in FEED]
    assert calendar["X-WR-CALNAME"] == "Group"


def test_each_timezone_once() -> None:
    calendar = parse(group_feed_ics(FEED, calendar_name="Group", language="zh"))
    tzids = [str(tz["TZID"]) for tz in calendar.timezones]
    assert sorted(tzids) == ["Asia/Shanghai", "Europe/Berlin", "Europe/London"]  # UTC needs none
    assert calendar.get_missing_tzids() == set()


def test_accepts_any_iterable() -> None:
    from_generator = group_feed_ics((a for a in FEED), calendar_name="Group", language="zh")
    assert from_generator == group_feed_ics(FEED, calendar_name="Group", language="zh")


def test_a_single_activity_file_is_a_feed_of_one() -> None:
    assert activity_ics(BERLIN_WEEKLY, calendar_name="G", language="en") == group_feed_ics(
        [BERLIN_WEEKLY], calendar_name="G", language="en"
    )


def test_empty_feed_is_a_valid_calendar() -> None:
    calendar = parse(group_feed_ics([], calendar_name="Group", language="zh"))
    assert calendar.events == [] and calendar.timezones == []
    assert calendar["VERSION"] == "2.0"


def test_independent_expansion_matches_ours_across_the_feed() -> None:
    start, end = utc(2026, 11, 1), utc(2027, 9, 1)
    ours = sorted(pair for a in FEED for pair in occurrences(a, window_start=start, window_end=end))
    theirs = expanded(group_feed_ics(FEED, calendar_name="G", language="zh"), start, end)
    assert theirs == ours
    assert len(ours) == 3 + 16 + 39  # one-offs, fortnightly Dec-Jun, weekly London Dec-Aug


def test_vtimezones_alone_reproduce_every_occurrence() -> None:
    """With the zone names hidden, a parser must use our VTIMEZONEs; they must cover the dates,
    including years ahead for an activity that never ends."""
    ics = group_feed_ics(FEED, calendar_name="G", language="zh")
    for name in (b"Asia/Shanghai", b"Europe/Berlin", b"Europe/London"):
        ics = ics.replace(name, b"Hidden/" + name.replace(b"/", b"-"))
    for start in (utc(2026, 11, 1), utc(2031, 3, 1)):
        end = start + timedelta(days=300)
        ours = sorted(p for a in FEED for p in occurrences(a, window_start=start, window_end=end))
        assert expanded(ics, start, end) == ours
