"""The admin digest (charter 八(一)2): what waits for a group's admins, in one message.

`build` collects, for one group: pending join requests, open reports, unanswered questions,
activities starting in the next 7 days, proposals waiting for approval, members whose
inactivity reminder went out (the sweep's grace is running), violations since the previous
digest (by rule) and acknowledgement-required notices some members have not acknowledged.
`render` (organizer.services.digest_render) turns it into one HTML text; the daily job
(organizer.services.digest_send) decides which groups get one today and sends it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Group, Membership, MemberStatus, User
from organizer.models.activity import Activity, ActivityStatus
from organizer.models.members import JoinRequest, JoinRequestStatus
from organizer.models.moderation import Violation
from organizer.models.notices import DeliveryStatus, Notice, NoticeDelivery, NoticeStatus
from organizer.services import (
    group_settings,
    library,
    notices_acks,
    questions,
    reports,
    scheduled_actions,
    violations,
)  # fmt: skip

DIGEST_KIND = "digest.run"
DIGEST_HOUR_UTC = 1  # 09:00 in Asia/Shanghai
UPCOMING_DAYS = 7
NOTICE_WINDOW_DAYS = 30  # older acknowledgement-required notices are no longer chased
MAX_ROWS = 500  # per section: more than any digest shows (the rest is "…and N more")
TEXT_PREVIEW = 60


@dataclass(frozen=True)
class JoinItem:
    request_id: int
    user_id: int
    name: str
    requested_at: datetime


@dataclass(frozen=True)
class ReportItem:
    report_id: int
    reported_name: str
    reporters: int
    link: str  # the reported message


@dataclass(frozen=True)
class QuestionItem:
    question_id: int
    asker_name: str
    text: str
    asked_at: datetime
    link: str


@dataclass(frozen=True)
class ActivityItem:
    activity_id: int
    title: str
    starts_at: datetime
    link: str | None  # the announcement, when there is one


@dataclass(frozen=True)
class ProposalItem:
    activity_id: int
    title: str
    proposer_name: str
    starts_at: datetime


@dataclass(frozen=True)
class SweepItem:
    user_id: int
    name: str
    review_at: datetime  # when the grace ends and the admins get the review card


@dataclass(frozen=True)
class RuleCount:
    rule: str
    count: int


@dataclass(frozen=True)
class NoticeItem:
    notice_id: int
    preview: str
    pending: int
    link: str | None  # the notice's message in this group


@dataclass(frozen=True)
class Digest:
    group_id: int
    since: datetime
    now: datetime
    join_requests: tuple[JoinItem, ...] = ()
    reports: tuple[ReportItem, ...] = ()
    questions: tuple[QuestionItem, ...] = ()
    activities: tuple[ActivityItem, ...] = ()
    proposals: tuple[ProposalItem, ...] = ()
    sweep_due: tuple[SweepItem, ...] = ()
    violations: tuple[RuleCount, ...] = ()
    violation_total: int = 0
    notices: tuple[NoticeItem, ...] = ()

    @property
    def quiet(self) -> bool:
        return not (
            self.join_requests or self.reports or self.questions or self.activities
            or self.proposals or self.sweep_due or self.violation_total or self.notices
        )  # fmt: skip


def _short(text: str, limit: int = TEXT_PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


async def _names(session: AsyncSession, user_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(user_ids))
    names = {user_id: str(user_id) for user_id in ids}
    if ids:
        for user in await session.scalars(select(User).where(User.id.in_(ids))):
            full = " ".join(part for part in (user.first_name, user.last_name) if part)
            names[user.id] = full or (f"@{user.username}" if user.username else str(user.id))
    return names


async def _join_requests(session: AsyncSession, group_id: int) -> list[JoinRequest]:
    rows = await session.scalars(
        select(JoinRequest)
        .where(JoinRequest.group_id == group_id, JoinRequest.status == JoinRequestStatus.PENDING)
        .order_by(JoinRequest.requested_at, JoinRequest.id)
        .limit(MAX_ROWS)
    )
    return list(rows)


async def _activities(
    session: AsyncSession, group_id: int, status: ActivityStatus, *, now: datetime
) -> list[Activity]:
    query = select(Activity).where(Activity.group_id == group_id, Activity.status == status)
    if status == ActivityStatus.PUBLISHED:
        query = query.where(
            Activity.starts_at >= now, Activity.starts_at < now + timedelta(days=UPCOMING_DAYS)
        )
    else:  # proposals: only those that can still take place
        query = query.where(Activity.ends_at > now)
    rows = await session.scalars(query.order_by(Activity.starts_at, Activity.id).limit(MAX_ROWS))
    return list(rows)


async def _sweep_due(session: AsyncSession, group: Group) -> list[Membership]:
    rows = await session.scalars(
        select(Membership)
        .where(
            Membership.group_id == group.id,
            Membership.status == MemberStatus.ACTIVE,
            Membership.inactivity_reminded_at.is_not(None),
        )
        .order_by(Membership.inactivity_reminded_at, Membership.user_id)
        .limit(MAX_ROWS)
    )
    return list(rows)


async def _violations_by_rule(
    session: AsyncSession, group_id: int, since: datetime
) -> list[RuleCount]:
    rows = await session.execute(
        select(Violation.rule, func.count(Violation.id))
        .where(
            Violation.group_id == group_id,
            Violation.undone_at.is_(None),
            Violation.created_at >= since,
        )
        .group_by(Violation.rule)
    )
    counts = [RuleCount(str(rule), int(count)) for rule, count in rows]
    return sorted(counts, key=lambda item: (-item.count, item.rule))


async def _notices(session: AsyncSession, group_id: int, now: datetime) -> list[NoticeItem]:
    rows = await session.execute(
        select(Notice.id, Notice.text, NoticeDelivery.message_ids)
        .join(NoticeDelivery, NoticeDelivery.notice_id == Notice.id)
        .where(
            NoticeDelivery.group_id == group_id,
            NoticeDelivery.status == DeliveryStatus.DELIVERED,
            NoticeDelivery.delivered_at >= now - timedelta(days=NOTICE_WINDOW_DAYS),
            Notice.ack_required.is_(True),
            Notice.status != NoticeStatus.CANCELLED,
        )
        .order_by(Notice.id, NoticeDelivery.occurrence.desc())
    )
    latest: dict[int, tuple[str, list[int]]] = {}
    for notice_id, text, message_ids in rows:
        latest.setdefault(int(notice_id), (str(text or ""), list(message_ids or [])))
    items = []
    for notice_id, (text, message_ids) in latest.items():
        pending = (await notices_acks.pending_by_group(session, notice_id)).get(group_id, [])
        if not pending:
            continue
        link = library.message_link(group_id, message_ids[0]) if message_ids else None
        items.append(NoticeItem(notice_id, _short(_plain(text)), len(pending), link))
    return items


def _plain(html_text: str) -> str:
    """The notice's text without its HTML tags (it is re-escaped when rendered)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


async def build(session: AsyncSession, group_id: int, *, since: datetime, now: datetime) -> Digest:
    """Everything waiting for the admins of `group_id`; violations counted from `since`."""
    group = await session.get(Group, group_id)
    if group is None:
        raise LookupError(group_id)
    joins = await _join_requests(session, group_id)
    open_reports = await reports.open_reports(session, group_id)
    open_questions = await questions.open_questions(session, group_id, limit=MAX_ROWS)
    upcoming = await _activities(session, group_id, ActivityStatus.PUBLISHED, now=now)
    proposals = await _activities(session, group_id, ActivityStatus.PENDING_APPROVAL, now=now)
    reminded = await _sweep_due(session, group)
    by_rule = await _violations_by_rule(session, group_id, since)
    total = await violations.count_since(session, group_id, since)
    notices = await _notices(session, group_id, now)
    names = await _names(
        session,
        [
            *(row.user_id for row in joins),
            *(row.reported_user_id for row in open_reports),
            *(row.asker_id for row in open_questions),
            *(row.proposer_id for row in proposals),
            *(row.user_id for row in reminded),
        ],
    )
    grace = timedelta(
        days=int(group_settings.effective(group.settings or {}, "inactive_grace_days"))
    )

    def link(message_id: int) -> str:
        return library.message_link(group_id, message_id)

    return Digest(
        group_id=group_id,
        since=since,
        now=now,
        join_requests=tuple(
            JoinItem(row.id, row.user_id, names[row.user_id], row.requested_at) for row in joins
        ),
        reports=tuple(
            ReportItem(r.id, names[r.reported_user_id], len(r.reporter_ids), link(r.message_id))
            for r in open_reports
        ),
        questions=tuple(
            QuestionItem(q.id, names[q.asker_id], _short(q.text), q.asked_at, link(q.message_id))
            for q in open_questions
        ),
        activities=tuple(
            ActivityItem(
                a.id,
                a.title,
                a.starts_at,
                link(a.announcement_message_id) if a.announcement_message_id else None,
            )  # fmt: skip
            for a in upcoming
        ),
        proposals=tuple(
            ProposalItem(a.id, a.title, names[a.proposer_id], a.starts_at) for a in proposals
        ),
        sweep_due=tuple(
            SweepItem(m.user_id, names[m.user_id], m.inactivity_reminded_at + grace)
            for m in reminded
            if m.inactivity_reminded_at is not None
        ),
        violations=tuple(by_rule),
        violation_total=total,
        notices=tuple(notices),
    )


def next_digest_at(now: datetime) -> datetime:
    due = now.replace(hour=DIGEST_HOUR_UTC, minute=0, second=0, microsecond=0)
    return due if due > now else due + timedelta(days=1)


async def ensure_scheduled(session: AsyncSession, *, now: datetime) -> int:
    """The next daily digest run as a scheduled action (idempotent: one key per day)."""
    due = next_digest_at(now)
    return await scheduled_actions.schedule(
        session, kind=DIGEST_KIND, due_at=due, dedupe_key=f"{DIGEST_KIND}:{due.date()}", now=now
    )
