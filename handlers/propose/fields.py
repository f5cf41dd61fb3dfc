"""What a proposer may type at each step of the form, read and checked (no Telegram here).

Every problem raises FieldError with a catalogue key and its arguments, so the form can say
precisely what is wrong in the user's language; timeparse's ParseError has the same shape.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from organizer.timeparse import ParseError, parse_time_of_day

TITLE_MAX = 100  # fits one line of a Telegram message and an .ics SUMMARY
DESCRIPTION_MAX = 2000  # leaves room in the 4096-character announcement for the rest
PLACE_MAX = 300  # the activities.location column
URL_MAX = 500  # the activities.online_url column
COORDINATOR_MAX = 200  # the activities.coordinator column
CAPACITY_MAX = 10_000
AGENDA_MAX_ITEMS = 20
AGENDA_ITEM_MAX = 200
# Telegram allows 4096 characters in a message; the approval card adds its header to this.
ANNOUNCEMENT_MAX = 3500

# "19:30 Topic — Speaker": a dash with spaces around it, or a Chinese double dash.
_SPEAKER = re.compile(r"(?:^|\s+)[—–-]{1,2}\s+|\s*——\s*")
_LEADING_TIME = re.compile(r"^(\d{1,2}\s*[:：]\s*\d{2})\s*(.*)$", re.DOTALL)


class FieldError(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def _text(value: str, *, limit: int, too_long: str) -> str:
    text = value.strip()
    if not text:
        raise FieldError("propose-error-empty")
    if len(text) > limit:
        raise FieldError(too_long, length=len(text), max=limit)
    return text


def title(value: str) -> str:
    text = _text(value, limit=TITLE_MAX, too_long="propose-error-title-too-long")
    if "\n" in text:
        raise FieldError("propose-error-title-one-line")
    return text


def description(value: str) -> str:
    return _text(value, limit=DESCRIPTION_MAX, too_long="propose-error-description-too-long")


def coordinator(value: str) -> str:
    return _text(value, limit=COORDINATOR_MAX, too_long="propose-error-coordinator-too-long")


def url(value: str) -> str:
    text = value.strip()
    parts = urlsplit(text)
    host = parts.hostname or ""
    well_formed = (
        parts.scheme in ("http", "https")
        and text.lower().startswith(f"{parts.scheme}://")
        and ("." in host or host == "localhost")
        and not re.search(r"\s", text)
    )
    if not well_formed:
        raise FieldError("propose-error-url-invalid", value=text[:80])
    if len(text) > URL_MAX:
        raise FieldError("propose-error-url-too-long", length=len(text), max=URL_MAX)
    return text


def place(value: str) -> tuple[str | None, str | None]:
    """(location, online_url): a link, a place, or "place | link" for both."""
    text = value.strip()
    if "|" in text:
        where, _, link = (part.strip() for part in text.partition("|"))
        location = _text(where, limit=PLACE_MAX, too_long="propose-error-place-too-long")
        return location, url(link)
    if text.lower().startswith("http"):
        return None, url(text)
    return _text(text, limit=PLACE_MAX, too_long="propose-error-place-too-long"), None


def capacity(value: str) -> int:
    text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
    text = re.sub(r"\s*(?:人|位|名|people|persons?|seats?)$", "", text, flags=re.IGNORECASE)
    if not re.fullmatch(r"[+-]?\d+", text):
        raise FieldError(
            "propose-error-capacity-not-number", value=value.strip()[:40], max=CAPACITY_MAX
        )
    number = int(text)
    if not 1 <= number <= CAPACITY_MAX:
        raise FieldError("propose-error-capacity-range", value=number, max=CAPACITY_MAX)
    return number


def agenda_item(value: str, *, starts_at: datetime, ends_at: datetime, tz: str) -> dict[str, Any]:
    """One agenda line: "[time] topic [— speaker]"; a time must fall within the activity."""
    text = _text(
        unicodedata.normalize("NFKC", value),
        limit=AGENDA_ITEM_MAX,
        too_long="propose-error-agenda-too-long",
    )
    at: str | None = None
    match = _LEADING_TIME.match(text)
    if match:
        at = _agenda_time(match.group(1), starts_at=starts_at, ends_at=ends_at, tz=tz)
        text = match.group(2).strip()
    topic, _, speaker = (part.strip() for part in _split_speaker(text))
    if not topic:
        raise FieldError("propose-error-agenda-no-topic")
    return {"time": at, "topic": topic, "speaker": speaker or None}


def _split_speaker(text: str) -> tuple[str, str, str]:
    match = _SPEAKER.search(text)
    if match is None:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]


def _agenda_time(typed: str, *, starts_at: datetime, ends_at: datetime, tz: str) -> str:
    try:
        clock = parse_time_of_day(typed.replace("：", ":").replace(" ", ""))
    except ParseError as error:
        raise FieldError(error.code, **error.params) from None
    zone = ZoneInfo(tz)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    shown = clock.strftime("%H:%M")
    # Only a same-day activity can be checked by the clock alone.
    if start.date() == end.date() and not start.time() <= clock <= end.time():
        raise FieldError(
            "propose-error-agenda-time-outside",
            time=shown,
            start=start.strftime("%H:%M"),
            end=end.strftime("%H:%M"),
        )
    return shown


def deadline_offsets(starts_at: datetime, now: datetime) -> list[int]:
    """The quick RSVP deadlines (minutes before start) that are still in the future."""
    return [m for m in (60, 24 * 60) if starts_at - timedelta(minutes=m) > now]
