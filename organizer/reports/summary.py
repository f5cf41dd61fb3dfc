"""The figures of an activity summary (charter 七(三)), computed from plain facts.

Definitions (each rate is None when its denominator is zero):
- attended: everyone who checked in, whatever they answered to the RSVP (walk-ins count);
- late: attendees who checked in and were marked late;
- no-shows: answered "going" but never checked in; no-show rate = no-shows / going;
- attendance rate = attended / going. It can exceed 100 % when "maybe"s and walk-ins come;
  it is the number comparable across activities because "going" is what organisers plan for;
- response rate = answers / surveys sent, counting one answer per member (their latest).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from statistics import fmean
from typing import Literal

from organizer.reports.comments import select_comments
from organizer.reports.facts import (
    HIGHEST_RATING,
    LOWEST_RATING,
    ActivityFacts,
    Attendee,
    PastActivity,
    SurveyAnswer,
)

TrendLabel = Literal["better", "worse", "same"]
PREVIOUS_LIMIT = 5
# Differences within these count as "same": a few people more or less, or a rating that moved
# by less than a fifth of a star, is noise at the size of a training session.
ATTENDANCE_TOLERANCE = 0.05  # 5 percentage points
OVERALL_TOLERANCE = 0.2  # rating points on the 1..5 scale


@dataclass(frozen=True)
class RsvpCounts:
    going: int
    maybe: int
    no: int
    waitlist: int


@dataclass(frozen=True)
class RatingStats:
    """One rating question: its mean and how many answered 1, 2, 3, 4 and 5."""

    average: float | None
    distribution: tuple[int, int, int, int, int]

    @property
    def count(self) -> int:
        return sum(self.distribution)


@dataclass(frozen=True)
class Trend:
    """This activity against the mean of `previous` (same kind, earlier, most recent first)."""

    previous: tuple[PastActivity, ...]
    attendance_change: float | None  # a difference of rates: 0.05 is 5 percentage points
    overall_change: float | None
    attendance_label: TrendLabel | None
    overall_label: TrendLabel | None
    label: TrendLabel | None  # both together; "same" when they point different ways


@dataclass(frozen=True)
class ActivitySummary:
    activity_id: int
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    capacity: int | None
    rsvp: RsvpCounts
    attended: int
    late: int
    no_shows: int
    no_show_rate: float | None
    attendance_rate: float | None
    surveys_sent: int
    answers: int
    response_rate: float | None
    overall: RatingStats
    content: RatingStats
    organisation: RatingStats
    comments: tuple[str, ...]
    improvements: tuple[str, ...]
    organizer_notes: str | None
    trend: Trend


def summarize(facts: ActivityFacts, previous: Sequence[PastActivity]) -> ActivitySummary:
    attendees = facts.attendees
    going = _count(attendees, "going")
    attended = [person for person in attendees if person.checked_in_at is not None]
    no_shows = sum(1 for p in attendees if p.rsvp == "going" and p.checked_in_at is None)
    answers = latest_answers(facts.answers)
    attendance_rate = _ratio(len(attended), going)
    overall = rating_stats(answer.overall for answer in answers)
    return ActivitySummary(
        activity_id=facts.activity_id,
        title=facts.title,
        kind=facts.kind,
        starts_at=as_aware(facts.starts_at),
        ends_at=as_aware(facts.ends_at),
        timezone=facts.timezone,
        capacity=facts.capacity,
        rsvp=RsvpCounts(
            going=going,
            maybe=_count(attendees, "maybe"),
            no=_count(attendees, "no"),
            waitlist=_count(attendees, "waitlist"),
        ),
        attended=len(attended),
        late=sum(1 for person in attended if person.late),
        no_shows=no_shows,
        no_show_rate=_ratio(no_shows, going),
        attendance_rate=attendance_rate,
        surveys_sent=facts.surveys_sent,
        answers=len(answers),
        response_rate=_ratio(len(answers), facts.surveys_sent),
        overall=overall,
        content=rating_stats(answer.content for answer in answers),
        organisation=rating_stats(answer.organisation for answer in answers),
        comments=select_comments(answer.good for answer in answers),
        improvements=select_comments(answer.improve for answer in answers),
        organizer_notes=facts.organizer_notes,
        trend=compare(select_previous(previous, facts), attendance_rate, overall.average),
    )


def latest_answers(answers: Iterable[SurveyAnswer]) -> tuple[SurveyAnswer, ...]:
    """One answer per member, their latest (a resubmitted survey replaces the first), oldest
    first."""
    latest: dict[int, SurveyAnswer] = {}
    for answer in sorted(answers, key=lambda a: as_aware(a.answered_at)):
        latest[answer.user_id] = answer
    return tuple(sorted(latest.values(), key=lambda a: as_aware(a.answered_at)))


def rating_stats(ratings: Iterable[int]) -> RatingStats:
    values = list(ratings)
    counts = [values.count(star) for star in range(LOWEST_RATING, HIGHEST_RATING + 1)]
    distribution = (counts[0], counts[1], counts[2], counts[3], counts[4])
    return RatingStats(average=fmean(values) if values else None, distribution=distribution)


def select_previous(
    previous: Sequence[PastActivity], facts: ActivityFacts | ActivitySummary
) -> tuple[PastActivity, ...]:
    """The up to five activities before this one, most recent first."""
    starts_at = as_aware(facts.starts_at)
    earlier = [
        past
        for past in previous
        if past.activity_id != facts.activity_id and as_aware(past.starts_at) < starts_at
    ]
    earlier.sort(key=lambda past: as_aware(past.starts_at), reverse=True)
    return tuple(earlier[:PREVIOUS_LIMIT])


def compare(
    previous: tuple[PastActivity, ...],
    attendance_rate: float | None,
    average_overall: float | None,
) -> Trend:
    attendance_change = _change(attendance_rate, [p.attendance_rate for p in previous])
    overall_change = _change(average_overall, [p.average_overall for p in previous])
    attendance_label = _label(attendance_change, ATTENDANCE_TOLERANCE)
    overall_label = _label(overall_change, OVERALL_TOLERANCE)
    return Trend(
        previous=previous,
        attendance_change=attendance_change,
        overall_change=overall_change,
        attendance_label=attendance_label,
        overall_label=overall_label,
        label=_combined_label(attendance_label, overall_label),
    )


def as_aware(moment: datetime) -> datetime:
    """Naive datetimes come from UTC storage (SQLite drops the offset)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _count(attendees: tuple[Attendee, ...], rsvp: str) -> int:
    return sum(1 for person in attendees if person.rsvp == rsvp)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _change(current: float | None, earlier: list[float | None]) -> float | None:
    known = [value for value in earlier if value is not None]
    if current is None or not known:
        return None
    return current - fmean(known)


def _label(change: float | None, tolerance: float) -> TrendLabel | None:
    if change is None:
        return None
    # Rounded so that a change of exactly the tolerance (0.85 - 0.8) is "same" despite floats.
    change = round(change, 9)
    if change > tolerance:
        return "better"
    if change < -tolerance:
        return "worse"
    return "same"


def _combined_label(*labels: TrendLabel | None) -> TrendLabel | None:
    known = {label for label in labels if label is not None}
    if not known:
        return None
    if "better" in known and "worse" not in known:
        return "better"
    if "worse" in known and "better" not in known:
        return "worse"
    return "same"
