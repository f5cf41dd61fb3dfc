"""What the activity service hands the reports: plain, frozen facts about one activity.

Datetimes are expected timezone-aware (the database stores UTC); a naive one is read as UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Rsvp = Literal["going", "maybe", "no", "waitlist"]
RSVP_ANSWERS: tuple[Rsvp, ...] = ("going", "maybe", "no", "waitlist")
ActivityKind = Literal["seminar", "sharing", "case_analysis", "other"]
RATING_NAMES = ("overall", "content", "organisation")
LOWEST_RATING = 1
HIGHEST_RATING = 5


@dataclass(frozen=True)
class Attendee:
    """Someone who answered the RSVP or checked in (rsvp None: a walk-in who never answered)."""

    user_id: int
    name: str
    username: str | None
    rsvp: Rsvp | None
    checked_in_at: datetime | None
    late: bool


@dataclass(frozen=True)
class SurveyAnswer:
    user_id: int
    overall: int
    content: int
    organisation: int
    good: str | None
    improve: str | None
    answered_at: datetime

    def __post_init__(self) -> None:
        # A rating outside 1..5 would silently skew averages and histograms: refuse it here.
        for name in RATING_NAMES:
            value = getattr(self, name)
            if not LOWEST_RATING <= value <= HIGHEST_RATING:
                raise ValueError(f"survey rating {name}={value!r} is not in 1..5")

    def rating(self, name: str) -> int:
        value: int = getattr(self, name)
        return value


@dataclass(frozen=True)
class ActivityFacts:
    activity_id: int
    title: str
    kind: str  # one of ActivityKind; kept a plain str so an unknown kind still summarises
    starts_at: datetime
    ends_at: datetime
    timezone: str
    capacity: int | None
    attendees: tuple[Attendee, ...]
    surveys_sent: int
    answers: tuple[SurveyAnswer, ...]
    organizer_notes: str | None


@dataclass(frozen=True)
class PastActivity:
    """An earlier activity's key figures. The caller passes activities of the same kind."""

    activity_id: int
    title: str
    starts_at: datetime
    attendance_rate: float | None
    average_overall: float | None
    response_rate: float | None
