"""A group with one of each thing the admin digest lists (and some it must leave out)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from organizer.database import unit_of_work
from organizer.models import Membership
from organizer.models.activity import Activity, ActivityStatus
from organizer.models.members import JoinRequest, JoinRequestStatus
from organizer.models.moderation import Violation
from organizer.models.notices import DeliveryStatus, Notice, NoticeDelivery, NoticeStatus
from organizer.services import questions, reports, users
from organizer.services.users import TelegramProfile
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP, make_group

DAN = TelegramProfile(id=40, first_name="Dan")
REPORTED_MESSAGE, QUESTION_MESSAGE, ANNOUNCEMENT, NOTICE_MESSAGE = 501, 502, 503, 504


def activity(now: datetime, title: str, status: ActivityStatus, *, in_days: float,
             proposer: int = ADMIN.id, announcement: int | None = None) -> Activity:  # fmt: skip
    start = now + timedelta(days=in_days)
    return Activity(
        group_id=GROUP, proposer_id=proposer, kind="seminar", title=title, starts_at=start,
        ends_at=start + timedelta(hours=2), status=status, announcement_message_id=announcement,
        created_at=now, updated_at=now,
    )  # fmt: skip


def violation(now: datetime, rule: str, *, ago_hours: float, undone: bool = False) -> Violation:
    at = now - timedelta(hours=ago_hours)
    return Violation(
        group_id=GROUP, user_id=BO.id, rule=rule, category="ads", sanction="warn", created_at=at,
        undone_at=at if undone else None,
    )  # fmt: skip


def notice(now: datetime, *, ack_required: bool) -> Notice:
    return Notice(
        author_id=ADMIN.id, text="<b>Safety</b> drill &amp; fire exits", target_kind="group",
        send_at=now, first_send_at=now, ack_required=ack_required, status=NoticeStatus.SENT,
        created_at=now, updated_at=now,
    )  # fmt: skip


async def add_notice(session, now: datetime, *, ack_required: bool, message_id: int) -> int:
    row = notice(now, ack_required=ack_required)
    session.add(row)
    await session.flush()
    session.add(
        NoticeDelivery(
            notice_id=row.id,
            occurrence=0,
            group_id=GROUP,
            status=DeliveryStatus.DELIVERED,
            message_ids=[message_id],
            delivered_at=now,
        )
    )
    return row.id


async def make_world(factory, now: datetime, **settings) -> dict[str, int]:
    """Since `now - 1 day`: one of each item, plus items the digest must not show."""
    await make_group(factory, now - timedelta(days=40), **settings)
    async with unit_of_work(factory) as session:
        await users.remember(session, DAN, now=now)
        session.add(
            JoinRequest(
                group_id=GROUP,
                user_id=DAN.id,
                status=JoinRequestStatus.PENDING,
                requested_at=now - timedelta(hours=3),
                updated_at=now,
            )
        )
        session.add(
            JoinRequest(
                group_id=GROUP,
                user_id=DAN.id,
                status=JoinRequestStatus.DECLINED,
                requested_at=now - timedelta(days=9),
                updated_at=now,
            )
        )
        await reports.file(
            session, group_id=GROUP, message_id=REPORTED_MESSAGE, reported_user_id=BO.id,
            message_text="buy now", reporter_id=ANNA.id, reason=None, now=now,
        )  # fmt: skip
        await questions.track(
            session, group_id=GROUP, message_id=QUESTION_MESSAGE, asker_id=CHEN.id,
            text="How do I export the <b>attendance</b> sheet?", now=now - timedelta(hours=5),
        )  # fmt: skip
        session.add_all([
            activity(now, "Course design review", ActivityStatus.PUBLISHED, in_days=2,
                     announcement=ANNOUNCEMENT),
            activity(now, "Far away", ActivityStatus.PUBLISHED, in_days=10),
            activity(now, "Team lunch", ActivityStatus.PENDING_APPROVAL, in_days=3,
                     proposer=ANNA.id),
            activity(now, "Old idea", ActivityStatus.PENDING_APPROVAL, in_days=-3),
            violation(now, "banned.ads", ago_hours=2),
            violation(now, "banned.ads", ago_hours=5),
            violation(now, "manual.warn", ago_hours=1),
            violation(now, "manual.warn", ago_hours=48),  # before `since`
            violation(now, "banned.ads", ago_hours=3, undone=True),
        ])  # fmt: skip
        bo = await session.scalar(
            select(Membership).where(Membership.group_id == GROUP, Membership.user_id == BO.id)
        )
        assert bo is not None
        bo.inactivity_reminded_at = now - timedelta(days=2)
        chased = await add_notice(session, now, ack_required=True, message_id=NOTICE_MESSAGE)
        await add_notice(session, now, ack_required=False, message_id=NOTICE_MESSAGE + 1)
    return {"notice": chased}
