"""Text that needs escaping and folding comes back unchanged through a parser."""

from __future__ import annotations

import re

import pytest

from organizer.calendar import AgendaItem, activity_ics
from tests.organizer.calendar.helpers import make_activity, only_event, parse, utc

AWKWARD = [
    "Commas, semicolons; and a backslash \\ too",
    "Two\nlines",
    "训练营第三周：数据分析，实战；答疑",
    "Launch party 🎉🚀 with émojis",
    "长" * 120,  # far past 75 octets: must fold between, not inside, UTF-8 characters
    "a,b;c\\d\ne" * 20,
]


@pytest.mark.parametrize("text", AWKWARD)
def test_text_round_trips(text: str) -> None:
    activity = make_activity(
        title=text,
        description=text,
        location=text,
        organizer_name=text,
        agenda=(AgendaItem(utc(2026, 12, 1, 11, 30), text, text),),
    )
    event = only_event(activity_ics(activity, calendar_name="c"))
    assert event["SUMMARY"] == text
    assert event["LOCATION"] == text
    assert str(event["DESCRIPTION"]).startswith(text + "\n\n")
    assert f"19:30 {text} — {text}" in str(event["DESCRIPTION"])
    assert event.walk("VALARM")[0]["DESCRIPTION"] == text


def test_special_characters_are_escaped_in_the_file() -> None:
    ics = activity_ics(make_activity(title="a, b; c\nd"), calendar_name="c")
    unfolded = ics.replace(b"\r\n ", b"")
    assert b"SUMMARY:a\\, b\\; c\\nd\r\n" in unfolded


@pytest.mark.parametrize("text", AWKWARD)
def test_lines_are_folded_to_75_octets_and_end_in_crlf(text: str) -> None:
    ics = activity_ics(make_activity(title=text, description=text), calendar_name=text)
    assert ics.endswith(b"\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    for line in lines:
        line.decode("utf-8")  # a fold inside a multi-byte character would fail here


def test_long_text_is_actually_folded() -> None:
    ics = activity_ics(make_activity(title="长" * 120), calendar_name="c")
    continuations = [line for line in ics.split(b"\r\n") if line.startswith(b" ")]
    assert len(continuations) >= 4


@pytest.mark.parametrize(
    ("name", "expected", "escaped"),
    [
        ("训练营, 第 3 期; 周二", "训练营, 第 3 期; 周二", "训练营\\, 第 3 期\\; 周二"),
        ("Back\\slash 🎉", "Back\\slash 🎉", "Back\\\\slash 🎉"),
        ("Two\nlines  and   spaces", "Two lines and spaces", "Two lines and spaces"),  # one line
    ],
)
def test_calendar_name_is_escaped_text(name: str, expected: str, escaped: str) -> None:
    ics = activity_ics(make_activity(), calendar_name=name)
    calendar = parse(ics)
    # icalendar reads these two as unknown (raw) values; RFC 7986 and RFC 5545 say TEXT.
    for prop in ("NAME", "X-WR-CALNAME"):
        assert f"\r\n{prop}:{escaped}\r\n".encode() in ics.replace(b"\r\n ", b"")
        raw = calendar[prop].to_ical()
        assert isinstance(raw, bytes)
        assert _unescape_text(raw.decode()) == expected


def _unescape_text(raw: str) -> str:
    """RFC 5545 3.3.11 TEXT, read by hand so the check does not lean on our writer's library."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)
