"""Callback data strings the domain puts on buttons (announcements, reminders, surveys).

Scheduler jobs render keyboards too, and the core does not import aiogram, so the strings are
built here; the handlers parse them with aiogram CallbackData classes of the same prefix and
fields (a test keeps both in step). Ids and codes only, versioned, always ≤ 64 bytes.
"""

from __future__ import annotations

RSVP_PREFIX = "v1rs"
CALENDAR_PREFIX = "v1ics"
CHECKIN_PREFIX = "v1ci"
RECONFIRM_PREFIX = "v1rc"
SURVEY_PREFIX = "v1sv"


def _pack(prefix: str, *values: object) -> str:
    data = ":".join([prefix, *(str(value) for value in values)])
    if len(data.encode()) > 64:
        raise ValueError(f"callback data over 64 bytes: {data!r}")
    return data


def rsvp(activity_id: int, choice: str) -> str:
    return _pack(RSVP_PREFIX, activity_id, choice)


def add_to_calendar(activity_id: int) -> str:
    return _pack(CALENDAR_PREFIX, activity_id)


def check_in(activity_id: int) -> str:
    return _pack(CHECKIN_PREFIX, activity_id)


def reconfirm(activity_id: int, keep: int) -> str:
    return _pack(RECONFIRM_PREFIX, activity_id, keep)


def survey_answer(activity_id: int, question: str, value: int) -> str:
    return _pack(SURVEY_PREFIX, activity_id, question, value)


NOTICE_ACK_PREFIX = "v1na"


def notice_ack_callback(notice_id: int) -> str:
    """The "Received" button on a notice that asks for acknowledgement."""
    return _pack(NOTICE_ACK_PREFIX, notice_id)
