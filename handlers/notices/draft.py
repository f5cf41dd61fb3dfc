"""The composer's draft: a plain dict in the FSM data, read and changed here (no Telegram).

Each reader returns the whole new draft or raises `DraftError` / timeparse's `ParseError`
(both a catalogue key plus arguments), so a typo at any step keeps everything entered before.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from organizer.timeparse import parse_datetime

Draft = dict[str, Any]
HOURS_MIN, HOURS_MAX, HOURS_DEFAULT = 1, 168, 24
REPEATS = ("none", "daily", "weekly", "monthly")
END_OF_DAY = time(23, 59)
FLAGS = {"pin": "pin", "conf": "confidential", "ack": "ack_required"}


class DraftError(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def empty() -> Draft:
    return {
        "text": "",
        "media_kind": None,
        "media_file_id": None,
        "target_kind": None,
        "target_value": None,
        "picked": [],
        "send_at": None,
        "tz": None,
        "pin": False,
        "confidential": False,
        "ack_required": False,
        "ack_remind_hours": HOURS_DEFAULT,
        "repeat": None,
        "repeat_until": None,
    }


def moment(draft: Draft, key: str) -> datetime | None:
    value = draft.get(key)
    return datetime.fromisoformat(value) if value else None


def with_content(draft: Draft, text: str, media_kind: str | None, file_id: str | None) -> Draft:
    if not text.strip() and media_kind is None:
        raise DraftError("notices-ui-error-empty")
    return {**draft, "text": text, "media_kind": media_kind, "media_file_id": file_id}


def with_time(draft: Draft, typed: str, *, now: datetime, tz: str) -> Draft:
    """A typed moment in `tz`; timeparse refuses a past one, quoting both times."""
    return {**draft, "send_at": parse_datetime(typed, now=now, tz=tz).isoformat()}


def toggled(draft: Draft, flag: str) -> Draft:
    if flag not in FLAGS:
        raise DraftError("notices-ui-error-stale")
    key = FLAGS[flag]
    return {**draft, key: not draft.get(key)}


def with_hours(draft: Draft, typed: str) -> Draft:
    text = unicodedata.normalize("NFKC", typed).strip()
    text = re.sub(r"\s*(?:小时|h|hours?)$", "", text, flags=re.IGNORECASE)
    if not text.isdigit() or not HOURS_MIN <= int(text) <= HOURS_MAX:
        raise DraftError(
            "notices-ui-error-hours", value=typed.strip()[:20], min=HOURS_MIN, max=HOURS_MAX
        )
    return {**draft, "ack_remind_hours": int(text)}


def with_repeat(draft: Draft, value: str) -> Draft:
    if value not in REPEATS:
        raise DraftError("notices-ui-error-stale")
    repeat = None if value == "none" else value
    until = draft.get("repeat_until") if repeat else None
    return {**draft, "repeat": repeat, "repeat_until": until}


def with_until(draft: Draft, typed: str, *, now: datetime, tz: str) -> Draft:
    """The last day repeats may be sent: a day (to its end) or a moment, after the first send."""
    until = parse_datetime(typed, now=now, tz=tz, default_time=END_OF_DAY)
    first = moment(draft, "send_at") or now
    if until <= first:
        raise DraftError("notices-ui-error-until", until=stamp(until, tz), first=stamp(first, tz))
    return {**draft, "repeat_until": until.isoformat()}


def stamp(value: datetime, tz: str) -> str:
    return value.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def local_day(value: datetime, tz: str) -> tuple[datetime, datetime]:
    """The UTC bounds of the local day `value` falls on (for "what else is sent that day")."""
    zone = ZoneInfo(tz)
    start = datetime.combine(value.astimezone(zone).date(), time(0), tzinfo=zone)
    end = datetime.combine(start.date() + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))
