"""Assessment views (charter 八(二)): a group's statistics for a period, the leaderboard and a
member's explained score. The exports and the chart are in `assessment_export` and
`assessment_chart`.

Statistics come from aggregates and grouped queries only (daily counters, counts grouped by
tag, rule or activity); the one per-row read is the questions asked in the period, for the
median time to answer.

Definitions:
- members: active memberships now; active share: members with at least one day with a message
  in the period ÷ members (None without members);
- messages: the sum of the daily counters over the period's days (no cap);
- questions asked in the period, of which answered (by anyone), and the median of
  answered_at − asked_at over those answered;
- violations in the period not undone, by rule;
- activities held: published or completed, ending in the period (as in the scores); the average
  rating is the mean "overall" answer of their completed surveys;
- joins and leaves: memberships whose joined_at / left_at falls in the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.i18n import Texts
from organizer.models import Activity, ActivityStatus, Membership, MemberStatus, SurveyResponse
from organizer.models.assessment import MemberDailyActivity
from organizer.models.content import LibraryItem, Question
from organizer.models.moderation import Violation
from organizer.reports.formatting import MINUS, percent
from organizer.reports.summary import as_aware
from organizer.services.scores import COMPONENTS, MemberScore
from organizer.services.scores_periods import Period, PeriodKind

HELD = (ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED)
PERIOD_WORDS: dict[str, PeriodKind] = {
    **{word: PeriodKind.WEEK for word in ("week", "w", "weekly", "周", "本周", "星期", "一周")},
    **{word: PeriodKind.MONTH for word in ("month", "m", "monthly", "月", "本月", "月度")},
    **{word: PeriodKind.QUARTER for word in ("quarter", "q", "quarterly", "季度", "季", "本季度")},
}
UNTAGGED = ""


def parse_period_kind(
    text: str | None, default: PeriodKind = PeriodKind.MONTH
) -> PeriodKind | None:
    """ "week" / "周" / "month" / "月" / "quarter" / "季度" (any case); empty → `default`;
    anything else → None."""
    word = (text or "").strip().lower()
    if not word:
        return default
    return PERIOD_WORDS.get(word)


@dataclass(frozen=True)
class GroupStats:
    group_id: int
    period: Period
    members: int
    active_members: int
    messages: int
    shares_by_category: tuple[tuple[str, int], ...]  # tag ("" untagged), most first
    questions_asked: int
    questions_answered: int
    median_answer_seconds: float | None
    violations_by_rule: tuple[tuple[str, int], ...]  # most first
    activities_held: int
    average_rating: float | None
    joins: int
    leaves: int

    @property
    def active_share(self) -> float | None:
        return self.active_members / self.members if self.members else None

    @property
    def shares(self) -> int:
        return sum(count for _, count in self.shares_by_category)

    @property
    def violations(self) -> int:
        return sum(count for _, count in self.violations_by_rule)


def _sorted(rows: object) -> tuple[tuple[str, int], ...]:
    pairs = [(str(key or UNTAGGED), int(count)) for key, count in rows]  # type: ignore[attr-defined]
    return tuple(sorted(pairs, key=lambda pair: (-pair[1], pair[0])))


async def group_stats(session: AsyncSession, group_id: int, period: Period) -> GroupStats:
    since, until = period.since, period.until
    daily = MemberDailyActivity
    in_days = (
        daily.group_id == group_id, daily.day >= period.first_day, daily.day < period.end_day,
    )  # fmt: skip
    active_membership = (Membership.group_id == group_id, Membership.status == MemberStatus.ACTIVE)
    members = await session.scalar(select(func.count()).where(*active_membership))
    active = await session.scalar(
        select(func.count(distinct(daily.user_id)))
        .join(Membership, (Membership.group_id == daily.group_id)
              & (Membership.user_id == daily.user_id))
        .where(*in_days, daily.messages > 0, *active_membership)
    )  # fmt: skip
    messages = await session.scalar(
        select(func.coalesce(func.sum(daily.messages), 0)).where(*in_days)
    )
    shares = await session.execute(
        select(LibraryItem.tag, func.count())
        .where(LibraryItem.group_id == group_id, LibraryItem.created_at >= since,
               LibraryItem.created_at < until)
        .group_by(LibraryItem.tag)
    )  # fmt: skip
    asked = list(
        await session.execute(
            select(Question.asked_at, Question.answered_at).where(
                Question.group_id == group_id, Question.asked_at >= since,
                Question.asked_at < until,
            )
        )
    )  # fmt: skip
    waits = [
        (as_aware(answered) - as_aware(at)).total_seconds()
        for at, answered in asked
        if answered is not None
    ]
    violations = await session.execute(
        select(Violation.rule, func.count())
        .where(Violation.group_id == group_id, Violation.undone_at.is_(None),
               Violation.created_at >= since, Violation.created_at < until)
        .group_by(Violation.rule)
    )  # fmt: skip
    held = (
        Activity.group_id == group_id, Activity.status.in_(HELD),
        Activity.ends_at >= since, Activity.ends_at < until,
    )  # fmt: skip
    activities = await session.scalar(select(func.count()).where(*held))
    rating = await session.scalar(
        select(func.avg(SurveyResponse.overall))
        .join(Activity, Activity.id == SurveyResponse.activity_id)
        .where(*held, SurveyResponse.completed_at.is_not(None),
               SurveyResponse.overall.is_not(None))
    )  # fmt: skip
    joins = await session.scalar(
        select(func.count()).where(Membership.group_id == group_id,
                                   Membership.joined_at >= since, Membership.joined_at < until)
    )  # fmt: skip
    leaves = await session.scalar(
        select(func.count()).where(Membership.group_id == group_id,
                                   Membership.left_at >= since, Membership.left_at < until)
    )  # fmt: skip
    return GroupStats(
        group_id=group_id, period=period, members=int(members or 0),
        active_members=int(active or 0), messages=int(messages or 0),
        shares_by_category=_sorted(shares), questions_asked=len(asked),
        questions_answered=len(waits), median_answer_seconds=median(waits) if waits else None,
        violations_by_rule=_sorted(violations), activities_held=int(activities or 0),
        average_rating=float(rating) if rating is not None else None,
        joins=int(joins or 0), leaves=int(leaves or 0),
    )  # fmt: skip


# ---- texts ----


def number(value: float) -> str:
    """4.5 → "4.5", 2.0 → "2", −2 → "−2" (at most two decimals, a real minus sign)."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace("-", MINUS)


def duration(seconds: float | None, texts: Texts) -> str:
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if minutes < 60:
        return texts("assessment-duration-minutes", minutes=str(minutes))
    hours = seconds / 3600
    if hours < 48:
        return texts("assessment-duration-hours", hours=number(round(hours, 1)))
    return texts("assessment-duration-days", days=number(round(hours / 24, 1)))


def period_label(period: Period, texts: Texts) -> str:
    last = period.end_day - timedelta(days=1)
    return texts(
        f"assessment-period-{period.kind.value}",
        start=period.first_day.isoformat(), end=last.isoformat(),
    )  # fmt: skip


def category_name(tag: str, texts: Texts) -> str:
    return tag if tag else texts("assessment-untagged")


def render_stats(stats: GroupStats, texts: Texts, tz: str, *, group_title: str = "") -> str:
    lines = [
        texts("assessment-stats-title", group=group_title,
              period=period_label(stats.period, texts)),
        texts("assessment-stats-timezone", timezone=tz),
        texts("assessment-stats-members", members=stats.members, active=stats.active_members,
              share=percent(stats.active_share)),
        texts("assessment-stats-messages", count=stats.messages),
        texts("assessment-stats-shares", count=stats.shares),
    ]  # fmt: skip
    lines += [
        texts("assessment-stats-item", name=category_name(tag, texts), count=count)
        for tag, count in stats.shares_by_category
    ]
    lines.append(
        texts("assessment-stats-questions", asked=stats.questions_asked,
              answered=stats.questions_answered,
              median=duration(stats.median_answer_seconds, texts))
    )  # fmt: skip
    lines.append(texts("assessment-stats-violations", count=stats.violations))
    lines += [
        texts("assessment-stats-item", name=rule, count=count)
        for rule, count in stats.violations_by_rule
    ]
    rating = "—" if stats.average_rating is None else number(round(stats.average_rating, 1))
    lines.append(texts("assessment-stats-activities", count=stats.activities_held, rating=rating))
    lines.append(texts("assessment-stats-joins", joins=stats.joins, leaves=stats.leaves))
    return "\n".join(lines)


def leaderboard_text(scores: list[MemberScore], texts: Texts, top: int = 10) -> str:
    shown = [score for score in scores if score.total > 0][:top]
    if not shown:
        return texts("assessment-leaderboard-empty")
    lines = [texts("assessment-leaderboard-title", count=len(shown))]
    lines += [
        texts("assessment-leaderboard-line", rank=score.rank, name=score.name,
              total=number(score.total))
        for score in shown
    ]  # fmt: skip
    return "\n".join(lines)


def mystats_text(score: MemberScore, texts: Texts, group_title: str, period: Period) -> str:
    lines = [
        texts("assessment-mystats-title", group=group_title, period=period_label(period, texts)),
        texts("assessment-mystats-total", total=number(score.total), rank=score.rank),
    ]
    for component, indicators in COMPONENTS.items():
        lines.append(
            texts("assessment-mystats-component", name=texts(f"assessment-component-{component}"),
                  points=number(score.components.get(component, 0.0)))
        )  # fmt: skip
        for indicator in indicators:
            raw = score.raw.get(indicator, 0)
            weight = score.weights.get(indicator, 0.0)
            label = texts(f"assessment-indicator-{indicator}")
            if indicator == "messages" and score.messages_sent > raw:
                label = texts("assessment-mystats-capped", name=label, sent=score.messages_sent)
            lines.append(
                texts("assessment-mystats-indicator", name=label, raw=raw, weight=number(weight),
                      points=number(raw * weight))
            )  # fmt: skip
    return "\n".join(lines)
