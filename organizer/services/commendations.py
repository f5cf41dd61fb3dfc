"""Monthly commendations (charter 八): the month's top contributors named in the group.

On the last day of the month at 02:00 UTC the admins get the list privately in advance, with a
"Skip this month" button (`commendation_callbacks.skip_callback`); on the 1st at 02:00 UTC the
commendation post goes to each group, unless the group opted out (Group.settings
["commendations"] is False) or an admin skipped that month (Group.settings
["commendation_skip"], a list of "yyyymm"). Both actions reschedule themselves; the month they
are about travels in their payload, so a late run still names the right month.

Who is named: active members with a positive score for the month (organizer.services.scores),
ranked; the `top` places (ties share a place, so a tie may name one more). Each comes with the
component that earned them the most points ("main contribution").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.i18n import Catalogue
from organizer.messenger import Messenger, OutboundText, RecipientUnreachable
from organizer.models import Group, Membership, MemberStatus
from organizer.services import scheduled_actions, scores, users
from organizer.services.commendation_adjust import excluded
from organizer.services.commendation_render import (
    Commendation,
    preview_keyboard,
    render,
    render_preview,
    yyyymm,
)
from organizer.services.scores_periods import Period, month, zone
from organizer.services.sweep import group_admin_ids

# The texts and buttons live in commendation_render; they are part of this module's interface.
__all__ = [
    "Commendation", "CommendationReport", "ensure_scheduled", "month_of", "next_post_at",
    "next_preview_at", "post_all", "preview", "preview_again", "preview_keyboard", "render",
    "render_preview", "send_previews", "skip", "skipped", "enabled", "yyyymm",
]  # fmt: skip

PREVIEW_KIND = "commendation.preview"
POST_KIND = "commendation.post"
HOUR_UTC = 2  # 10:00 in Asia/Shanghai
TOP = 3
OPT_OUT_KEY = "commendations"
SKIP_KEY = "commendation_skip"
POSTED_KEY = "commendation_posted"


@dataclass
class CommendationReport:
    previewed: dict[int, list[int]] = field(default_factory=dict)  # group → admins reached
    posted: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # opted out or skipped this month


def _main_component(components: dict[str, float]) -> str | None:
    best = max(components.items(), key=lambda item: item[1], default=None)
    return best[0] if best and best[1] > 0 else None


async def preview(
    session: AsyncSession, group_id: int, period: Period, *, top: int = TOP
) -> Commendation:
    """The month's top contributors among the active members (positive totals only), less
    those the admins left out (the next-ranked move up)."""
    group = await session.get(Group, group_id)
    out = excluded(group.settings if group else None, yyyymm(period))
    members = set(
        await session.scalars(
            select(Membership.user_id).where(
                Membership.group_id == group_id, Membership.status == MemberStatus.ACTIVE
            )
        )
    )
    ranked = scores.rank(
        [s for s in await scores.score_period(session, group_id, period)
         if s.user_id in members and s.total > 0 and s.user_id not in out]
    )  # fmt: skip
    chosen = [s for s in ranked if s.rank <= top]
    main = {s.user_id: c for s in chosen if (c := _main_component(s.components))}
    return Commendation(
        group_id, period, [(s.user_id, s.name, s.total) for s in chosen], main,
        {s.user_id: s.rank for s in chosen}, group.title if group else "", len(out),
    )  # fmt: skip


async def preview_again(
    session: AsyncSession, group_id: int, yyyymm_key: str, *, now: datetime
) -> tuple[Commendation, str] | None:
    """The advance copy as it stands now (after an admin's adjustment), with the posting time
    in the group's timezone; None for an unknown group."""
    group = await session.get(Group, group_id)
    if group is None:
        return None
    period = month(date(int(yyyymm_key[:4]), int(yyyymm_key[4:]), 1), group.timezone)
    when = next_post_at(now).astimezone(zone(group.timezone)).strftime("%Y-%m-%d %H:%M")
    return await preview(session, group_id, period), when


def enabled(group: Group) -> bool:
    return (group.settings or {}).get(OPT_OUT_KEY, True) is not False


def skipped(group: Group, month_key: str) -> bool:
    value = (group.settings or {}).get(SKIP_KEY)
    return isinstance(value, list) and month_key in value


async def skip(session: AsyncSession, group_id: int, yyyymm: str) -> bool:
    """Record that this group's commendation for `yyyymm` is not posted; False: no such group.
    The caller (the button's handler) checks that the presser is one of the group's admins."""
    group = await lock_one(session, Group, Group.id == group_id)
    if group is None:
        return False
    current = (group.settings or {}).get(SKIP_KEY)
    months = [m for m in current if isinstance(m, str)] if isinstance(current, list) else []
    if yyyymm not in months:
        months = sorted([*months, yyyymm])[-12:]  # a year of history is plenty
    group.settings = {**(group.settings or {}), SKIP_KEY: months}
    await session.flush()
    return True


async def _groups(session: AsyncSession) -> list[Group]:
    rows = await session.scalars(
        select(Group)
        .where(Group.bot_is_member.is_(True), Group.setup_completed_at.is_not(None))
        .order_by(Group.id)
    )
    return list(rows)


def month_of(payload: dict[str, Any], fallback: date) -> date:
    """The commended month's first day from an action's payload ("2026-03")."""
    value = payload.get("month")
    if isinstance(value, str):
        try:
            return date.fromisoformat(f"{value}-01")
        except ValueError:
            pass
    return fallback.replace(day=1)


async def send_previews(
    session: AsyncSession, messenger: Messenger, catalogue: Catalogue, *, first_day: date,
    now: datetime,
) -> CommendationReport:  # fmt: skip
    """The month's list, privately, to each group's admins who can be messaged privately."""
    report = CommendationReport()
    post_at = next_post_at(now)
    for group in await _groups(session):
        period = month(first_day, group.timezone)
        if not enabled(group) or skipped(group, yyyymm(period)):
            report.skipped.append(group.id)
            continue
        commendation = await preview(session, group.id, period)
        if not commendation.names:
            continue
        when = post_at.astimezone(zone(group.timezone)).strftime("%Y-%m-%d %H:%M")
        reached = []
        for admin_id in await group_admin_ids(session, group.id):
            user = await users.get(session, admin_id)
            if user is None or not user.can_message_privately:
                continue
            texts = catalogue.for_language(user.language_or(group.language))
            message = OutboundText(
                admin_id, render_preview(commendation, texts, post_at=when),
                keyboard=preview_keyboard(commendation, texts),
            )  # fmt: skip
            try:
                await messenger.send_text(message)
            except RecipientUnreachable:
                continue
            reached.append(admin_id)
        report.previewed[group.id] = reached
    return report


async def post_all(
    session: AsyncSession, messenger: Messenger, catalogue: Catalogue, *, first_day: date
) -> CommendationReport:
    """The commendation post in each group that has not opted out nor skipped the month;
    a group already posted for the month (a retried action) is not posted again."""
    report = CommendationReport()
    for group in await _groups(session):
        period = month(first_day, group.timezone)
        key = yyyymm(period)
        if not enabled(group) or skipped(group, key):
            report.skipped.append(group.id)
            continue
        if (group.settings or {}).get(POSTED_KEY) == key:
            continue
        commendation = await preview(session, group.id, period)
        if not commendation.names:
            continue
        text = render(commendation, catalogue.for_language(group.language))
        try:
            await messenger.send_text(OutboundText(group.id, text))
        except RecipientUnreachable:
            continue
        locked = await lock_one(session, Group, Group.id == group.id)
        if locked is not None:
            locked.settings = {**(locked.settings or {}), POSTED_KEY: key}
        report.posted.append(group.id)
    await session.flush()
    return report


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, HOUR_UTC, tzinfo=UTC)


def _next_first(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def next_post_at(now: datetime) -> datetime:
    """The next 1st of a month, 02:00 UTC, after `now`."""
    today = now.astimezone(UTC).date()
    due = _at(today.replace(day=1))
    return due if due > now else _at(_next_first(today))


def next_preview_at(now: datetime) -> datetime:
    """The next last day of a month, 02:00 UTC, after `now`."""
    today = now.astimezone(UTC).date()
    due = _at(_next_first(today) - timedelta(days=1))
    return due if due > now else _at(_next_first(_next_first(today)) - timedelta(days=1))


async def schedule_preview(session: AsyncSession, *, now: datetime) -> int:
    due = next_preview_at(now)
    label = f"{due.year:04d}-{due.month:02d}"  # the month previewed: the due date's
    return await scheduled_actions.schedule(
        session, kind=PREVIEW_KIND, due_at=due, payload={"month": label},
        dedupe_key=f"{PREVIEW_KIND}:{label}", now=now,
    )  # fmt: skip


async def schedule_post(session: AsyncSession, *, now: datetime) -> int:
    due = next_post_at(now)
    before = due.date() - timedelta(days=1)
    label = f"{before.year:04d}-{before.month:02d}"  # the month commended: the one just ended
    return await scheduled_actions.schedule(
        session, kind=POST_KIND, due_at=due, payload={"month": label},
        dedupe_key=f"{POST_KIND}:{label}", now=now,
    )  # fmt: skip


async def ensure_scheduled(session: AsyncSession, *, now: datetime) -> tuple[int, int]:
    """The next preview and post as scheduled actions (idempotent: one key per month)."""
    return await schedule_preview(session, now=now), await schedule_post(session, now=now)
