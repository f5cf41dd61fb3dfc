"""The inactivity sweep (charter 六): remind silent members, then let admins remove them.

Silent for `inactive_days` (group setting, default 30; 0 turns the sweep off), measured from
last_active_at or joined_at → a reminder (privately, or one group message mentioning those the
bot cannot reach) and inactivity_reminded_at is set. Still silent `inactive_grace_days` (default
7) later → the admins get ONE review card (Remove all / Remove selected / Keep), or, with
`inactive_auto_remove`, the members are kicked (not banned) through a `ChatModerator`.
Exempt: group admins, the group's approvers and members whose away_until is in the future.
The open review lives in the group's settings under `inactive_review`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.i18n import Catalogue, Markup
from organizer.messenger import Messenger, OutboundText, RecipientUnreachable
from organizer.models import Group, GroupApprover, MemberRole, Membership, MemberStatus
from organizer.services import group_settings, notify, scheduled_actions, users

SWEEP_KIND = "members.sweep"
SWEEP_HOUR_UTC = 2  # 10:00 in Asia/Shanghai
MAX_AWAY_DAYS = 90


class ChatModerator(Protocol):
    """What auto-removal needs from Telegram: kick without ban (ban, then unban)."""

    async def kick(self, chat_id: int, user_id: int) -> None: ...


@dataclass(frozen=True)
class SweepPolicy:
    days: int
    grace: int
    auto_remove: bool

    @classmethod
    def of(cls, settings: dict[str, Any]) -> SweepPolicy:
        def value(name: str) -> Any:
            return group_settings.effective(settings, name)

        return cls(
            int(value("inactive_days")),
            int(value("inactive_grace_days")),
            bool(value("inactive_auto_remove")),
        )


@dataclass
class SweepReport:
    reminded: dict[int, list[int]] = field(default_factory=dict)
    reviewed: dict[int, list[int]] = field(default_factory=dict)
    removed: dict[int, list[int]] = field(default_factory=dict)


async def group_admin_ids(session: AsyncSession, group_id: int) -> list[int]:
    rows = await session.scalars(
        select(Membership.user_id).where(
            Membership.group_id == group_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
    )
    return sorted(rows)


async def _candidates(
    session: AsyncSession, group: Group, policy: SweepPolicy, now: datetime
) -> tuple[list[Membership], list[Membership]]:
    approvers = select(GroupApprover.user_id).where(GroupApprover.group_id == group.id)
    rows = await session.scalars(
        select(Membership)
        .where(
            Membership.group_id == group.id,
            Membership.status == MemberStatus.ACTIVE,
            Membership.role == MemberRole.MEMBER,
            Membership.user_id.not_in(approvers),
            or_(Membership.away_until.is_(None), Membership.away_until <= now),
        )
        .order_by(Membership.user_id)
    )
    silent_since = now - timedelta(days=policy.days)
    grace_since = now - timedelta(days=policy.grace)
    remind, review = [], []
    for member in rows:
        last = member.last_active_at or member.joined_at or member.updated_at
        if member.inactivity_reminded_at is None:
            if last <= silent_since:
                remind.append(member)
        elif member.inactivity_reminded_at <= grace_since:
            review.append(member)
    return remind, review


async def run(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    *,
    now: datetime,
    moderator: ChatModerator | None = None,
) -> SweepReport:
    from organizer.services import sweep_review  # the card module builds on this one

    report = SweepReport()
    groups = await session.scalars(
        select(Group).where(Group.bot_is_member.is_(True), Group.setup_completed_at.is_not(None))
    )
    for group in list(groups):
        policy = SweepPolicy.of(group.settings or {})
        if policy.days <= 0:
            continue
        remind, review = await _candidates(session, group, policy, now)
        if remind:
            await _remind(session, messenger, catalogue, group, policy, remind, now)
            report.reminded[group.id] = [m.user_id for m in remind]
        if review and policy.auto_remove and moderator is not None:
            report.removed[group.id] = await _auto_remove(
                session, messenger, catalogue, group, review, moderator, now
            )
        elif review:
            ids = [m.user_id for m in review]
            if await sweep_review.open_review_covers(session, group, ids):
                continue
            await sweep_review.send_review(session, messenger, catalogue, group, ids, now)
            report.reviewed[group.id] = ids
    await session.flush()
    return report


async def _remind(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    group: Group,
    policy: SweepPolicy,
    members: list[Membership],
    now: datetime,
) -> None:
    args = {"group": group.title, "days": policy.days, "grace": policy.grace}
    await notify.many_private_or_one_mention(
        session,
        messenger,
        user_ids=[m.user_id for m in members],
        text_for=lambda lang: catalogue.text(lang, "members-inactive-reminder", **args),
        group_id=group.id,
        group_text=lambda mentions: catalogue.text(
            group.language, "members-inactive-reminder-group", mentions=Markup(mentions), **args
        ),
        group_language=group.language,
        now=now,
    )
    for member in members:
        member.inactivity_reminded_at = now
        member.updated_at = now


async def member_names(session: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    names = {}
    for user_id in user_ids:
        user = await users.get(session, user_id)
        names[user_id] = user.display_name if user else str(user_id)
    return names


async def mark_removed(
    session: AsyncSession, group_id: int, user_ids: list[int], *, now: datetime
) -> None:
    rows = await session.scalars(
        select(Membership).where(Membership.group_id == group_id, Membership.user_id.in_(user_ids))
    )
    for member in rows:
        member.status, member.left_at, member.updated_at = MemberStatus.KICKED, now, now
        member.inactivity_reminded_at = None
    await session.flush()


async def _auto_remove(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    group: Group,
    members: list[Membership],
    moderator: ChatModerator,
    now: datetime,
) -> list[int]:
    removed = []
    for member in members:
        try:
            await moderator.kick(group.id, member.user_id)
        except Exception:  # noqa: BLE001 - one refusal must not stop the others
            continue
        removed.append(member.user_id)
    await mark_removed(session, group.id, removed, now=now)
    names = await member_names(session, removed)
    listing = ", ".join(names[i] for i in removed)
    for admin_id in await group_admin_ids(session, group.id):
        text = catalogue.text(
            await _lang(session, admin_id, group.language),
            "members-inactive-auto-removed",
            group=group.title,
            names=listing,
            count=len(removed),
        )
        try:
            await messenger.send_text(OutboundText(admin_id, text))
        except RecipientUnreachable:
            continue
    return removed


async def _lang(session: AsyncSession, user_id: int, default: str) -> str:
    user = await users.get(session, user_id)
    return user.language_or(default) if user else default


async def set_away(
    session: AsyncSession, user_id: int, until: datetime | None, *, now: datetime
) -> int:
    """/away: exempt the member from the sweep in every group until then (None: back now)."""
    rows = await session.scalars(
        select(Membership).where(
            Membership.user_id == user_id,
            Membership.status.in_([MemberStatus.ACTIVE, MemberStatus.RESTRICTED]),
        )
    )
    count = 0
    for member in rows:
        member.away_until, member.updated_at = until, now
        if until is not None:
            member.inactivity_reminded_at = None
        count += 1
    await session.flush()
    return count


def next_sweep_at(now: datetime) -> datetime:
    due = now.replace(hour=SWEEP_HOUR_UTC, minute=0, second=0, microsecond=0)
    return due if due > now else due + timedelta(days=1)


async def ensure_scheduled(session: AsyncSession, *, now: datetime) -> int:
    """The next daily sweep as a scheduled action (idempotent: one key per day)."""
    due = next_sweep_at(now)
    return await scheduled_actions.schedule(
        session, kind=SWEEP_KIND, due_at=due, dedupe_key=f"{SWEEP_KIND}:{due.date()}", now=now
    )
