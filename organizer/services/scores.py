"""Member scores per group and period (charter 八(二)), from aggregates only: the daily
activity counters, acknowledgement / share / answer counts and grouped queries on violations,
RSVPs, attendance and surveys. Raw messages are never scanned.

Indicators (`raw`, integers) and their default weights (points per unit):

    participation   days_active 1 · messages 0.1 (at most `daily_cap` = 30 a day count, so
                    flooding earns nothing) · notice_acks 1
    share_quality   shares 2 (library entries) · share_replies 0.5 and share_reactions 0.5
                    (other members who replied to / reacted to one of the member's shares,
                    once per person and share, at most 10 of each per share) · featured 5
                    (shares an admin marked with /feature); see services/share_feedback
    answers         answers 2 (questions answered, several replies to one count once) ·
                    best_answers 3 (questions first answered in the period whose best answer
                    is the member's)
    compliance      violation_points −1 (violations not undone, by severity:
                    SEVERITY below) · rules_accepted 2 (rules accepted in the period)
    activities      attended 3 (checked in) · no_shows −2 (going, activity ended, no check-in)
                    · surveys 1 (survey completed) · organised 5 (proposed, published or
                    completed, ended in the period)

A component is the sum of its indicators × weights; the total is the sum of the components
(rounded to 4 places). Per-group overrides: Group.settings["score_weights"] = {indicator:
number}; unknown names, booleans and non-numbers are ignored. The `weights` argument
overrides both. Ties share a rank (1, 2, 2, 4). `components` and `raw` stay on every
MemberScore so a view (/mystats) can explain each part.

Activity indicators count activities whose end falls in [since, until) (and, for no-shows,
not after `now`); cancelled activities count for nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import (
    Group,
    Membership,
    MemberStatus,
    User,
)
from organizer.models.assessment import MemberDailyActivity
from organizer.models.content import Question
from organizer.models.moderation import Violation
from organizer.services import library, notices, questions, scores_activities, share_feedback
from organizer.services.scores_activities import counts
from organizer.services.scores_periods import Period, PeriodKind, containing, zone

__all__ = [
    "COMPONENTS", "DAILY_CAP", "DEFAULT_WEIGHTS", "INDICATORS", "SEVERITY", "MemberScore",
    "Period", "PeriodKind", "containing", "display_names", "effective_weights", "rank",
    "score_group", "score_period",
]  # fmt: skip

DAILY_CAP = 30

# component → its indicators, in display order
COMPONENTS: dict[str, tuple[str, ...]] = {
    "participation": ("days_active", "messages", "notice_acks"),
    "share_quality": ("shares", "share_replies", "share_reactions", "featured"),
    "answers": ("answers", "best_answers"),
    "compliance": ("violation_points", "rules_accepted"),
    "activities": ("attended", "no_shows", "surveys", "organised"),
}
INDICATORS = tuple(name for names in COMPONENTS.values() for name in names)

DEFAULT_WEIGHTS: dict[str, float] = {
    "days_active": 1.0,
    "messages": 0.1,
    "notice_acks": 1.0,
    "shares": 2.0,
    "share_replies": 0.5,
    "share_reactions": 0.5,
    "featured": 5.0,
    "answers": 2.0,
    "best_answers": 3.0,
    "violation_points": -1.0,
    "rules_accepted": 2.0,
    "attended": 3.0,
    "no_shows": -2.0,
    "surveys": 1.0,
    "organised": 5.0,
}

# Severity points per violation category (organizer.moderation.hits); others count 1.
SEVERITY: dict[str, int] = {
    "illegal": 10,
    "abuse": 5,
    "advertising": 3,
    "manual": 3,  # an admin's /warn
    "private_data": 2,
    "flooding": 1,
    "media": 0,  # size and length limits are notices, not misconduct
}
DEFAULT_SEVERITY = 1


@dataclass(frozen=True)
class MemberScore:
    user_id: int
    name: str
    components: dict[str, float]
    raw: dict[str, int]
    total: float
    rank: int = 0
    messages_sent: int = 0  # before the daily cap, for the explanation
    weights: dict[str, float] = field(default_factory=dict)


def effective_weights(
    settings: Mapping[str, Any] | None, weights: Mapping[str, float] | None = None
) -> dict[str, float]:
    """Defaults, then the group's `score_weights`, then `weights`; invalid entries ignored."""
    result = dict(DEFAULT_WEIGHTS)
    for source in ((settings or {}).get("score_weights"), weights):
        if not isinstance(source, Mapping):
            continue
        for name, value in source.items():
            if name in result and isinstance(value, int | float) and not isinstance(value, bool):
                result[name] = float(value)
    return result


def rank(scores: list[MemberScore]) -> list[MemberScore]:
    """Highest total first (then by user id); equal totals share the rank."""
    ordered = sorted(scores, key=lambda s: (-s.total, s.user_id))
    ranked: list[MemberScore] = []
    for index, score in enumerate(ordered):
        same = ranked and ranked[-1].total == score.total
        place = ranked[-1].rank if same else index + 1
        ranked.append(_with_rank(score, place))
    return ranked


def _with_rank(score: MemberScore, place: int) -> MemberScore:
    return replace(score, rank=place)


async def score_period(
    session: AsyncSession, group_id: int, period: Period, **options: Any
) -> list[MemberScore]:
    return await score_group(session, group_id, period.since, period.until, **options)


async def score_group(
    session: AsyncSession,
    group_id: int,
    period_start: datetime,
    period_end: datetime,
    *,
    weights: Mapping[str, float] | None = None,
    daily_cap: int | None = None,
    now: datetime | None = None,
) -> list[MemberScore]:
    """Every active member (and anyone with an indicator in the period), scored and ranked."""
    group = await session.get(Group, group_id)
    settings = group.settings if group is not None else {}
    tz = zone(group.timezone if group is not None else None)
    used = effective_weights(settings, weights)
    cap = daily_cap if daily_cap is not None else _setting_cap(settings)
    since, until = period_start, period_end
    first_day = since.astimezone(tz).date()
    end_day = (until - timedelta(microseconds=1)).astimezone(tz).date() + timedelta(days=1)

    raw: dict[str, dict[int, int]] = {}
    days, capped, sent = await _daily(session, group_id, first_day, end_day, cap)
    raw["days_active"], raw["messages"] = days, capped
    raw["notice_acks"] = await notices.ack_counts(session, group_id, since, until)
    raw["shares"] = await library.share_counts(session, group_id, since, until)
    raw.update(await share_feedback.indicators(session, group_id, since, until))
    raw["answers"] = await questions.answer_counts(session, group_id, since, until)
    raw["best_answers"] = await counts(
        session,
        select(Question.best_answer_by, func.count()).where(
            Question.group_id == group_id, Question.best_answer_by.is_not(None),
            Question.answered_at >= since, Question.answered_at < until,
        ).group_by(Question.best_answer_by),
    )  # fmt: skip
    raw["violation_points"] = await _violation_points(session, group_id, since, until)
    raw["rules_accepted"] = await counts(
        session,
        select(Membership.user_id, func.count()).where(
            Membership.group_id == group_id,
            Membership.rules_accepted_at >= since, Membership.rules_accepted_at < until,
        ).group_by(Membership.user_id),
    )  # fmt: skip
    raw.update(await scores_activities.indicators(session, group_id, since, until, now))

    members = set(
        await session.scalars(
            select(Membership.user_id).where(
                Membership.group_id == group_id, Membership.status == MemberStatus.ACTIVE
            )
        )
    )
    for per_member in raw.values():
        members.update(user for user, value in per_member.items() if value)
    names = await display_names(session, members)
    scores = []
    for user_id in members:
        values = {name: int(raw.get(name, {}).get(user_id, 0)) for name in INDICATORS}
        components = {
            component: round(sum(values[n] * used[n] for n in names_), 4)
            for component, names_ in COMPONENTS.items()
        }
        scores.append(
            MemberScore(
                user_id, names.get(user_id, str(user_id)), components, values,
                round(sum(components.values()), 4), messages_sent=sent.get(user_id, 0),
                weights=used,
            )
        )  # fmt: skip
    return rank(scores)


def _setting_cap(settings: Mapping[str, Any]) -> int:
    value = settings.get("score_daily_cap")
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DAILY_CAP


async def _daily(
    session: AsyncSession, group_id: int, first_day: date, end_day: date, cap: int
) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Days active, messages under the daily cap, and all messages, per member."""
    table = MemberDailyActivity
    rows = await session.execute(
        select(
            table.user_id,
            func.count(),
            func.sum(case((table.messages > cap, cap), else_=table.messages)),
            func.sum(table.messages),
        )
        .where(
            table.group_id == group_id, table.day >= first_day, table.day < end_day,
            table.messages > 0,
        )
        .group_by(table.user_id)
    )  # fmt: skip
    days, capped, sent = {}, {}, {}
    for user, count, under_cap, total in rows:
        days[int(user)], capped[int(user)], sent[int(user)] = (
            int(count), int(under_cap or 0), int(total or 0),
        )  # fmt: skip
    return days, capped, sent


async def _violation_points(
    session: AsyncSession, group_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    rows = await session.execute(
        select(Violation.user_id, Violation.category, func.count())
        .where(
            Violation.group_id == group_id, Violation.undone_at.is_(None),
            Violation.created_at >= since, Violation.created_at < until,
        )
        .group_by(Violation.user_id, Violation.category)
    )  # fmt: skip
    points: dict[int, int] = {}
    for user, category, count in rows:
        weight = SEVERITY.get(category, DEFAULT_SEVERITY)
        points[int(user)] = points.get(int(user), 0) + weight * int(count)
    return points


async def display_names(session: AsyncSession, user_ids: set[int]) -> dict[int, str]:
    """First and last name per user id (the id itself for someone never seen)."""
    if not user_ids:
        return {}
    rows = await session.execute(
        select(User.id, User.first_name, User.last_name).where(User.id.in_(user_ids))
    )
    return {
        int(user_id): " ".join(part for part in (first, last) if part) or str(user_id)
        for user_id, first, last in rows
    }
