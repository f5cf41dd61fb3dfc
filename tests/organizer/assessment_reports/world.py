"""The scoring tests' March 2026 (tests.organizer.assessment.world) plus what the reports show:
share categories, answer times, member types and usernames, joins and a leave.

Hand-counted for March (Asia/Shanghai):
    members 5 (Admin, Approver, Anna, Bo, Chen); active 2 (Anna, Bo) → 40 %
    messages 10 + 40 + 5 + 100 + 0 = 155 (Feb 28's 20 are outside)
    shares: industry 2 (items 1, 3), untagged 1 (item 4), case 1 (item 2)
    questions asked 3 (Q1–Q3), answered 2 (Q1 after 20 min, Q2 after 40 min) → median 30 min
    violations (not undone): x.abuse 1 (Bo), x.advertising 1, x.flooding 1 (Anna)
    activities held 2 (A1, A2); average rating 5 (Anna's completed survey of A1)
    joins 3 (Anna, Bo, Chen on 2 March; Admin and Approver joined in January), leaves 1 (Dan)
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from organizer.database import unit_of_work
from organizer.models import Membership, User
from organizer.models.content import LibraryItem, Question
from organizer.services.scores_periods import month
from tests.organizer.assessment.world import build as build_scores
from tests.organizer.assessment.world import utc
from tests.organizer.members.fixtures import ADMIN, ANNA, APPROVER, BO, GROUP

MARCH = month(date(2026, 3, 15), "Asia/Shanghai")
DAN = 34


async def build(factory, now, **settings) -> None:
    await build_scores(factory, now, **settings)
    async with unit_of_work(factory) as session:
        for message_id, tag in ((1, "industry"), (3, "industry"), (2, "case")):
            await session.execute(
                update(LibraryItem)
                .where(LibraryItem.group_id == GROUP, LibraryItem.message_id == message_id)
                .values(tag=tag)
            )
        questions = {
            q.message_id: q
            for q in await session.scalars(select(Question).where(Question.group_id == GROUP))
        }
        questions[11].answered_at = questions[11].asked_at + timedelta(minutes=20)
        questions[12].answered_at = questions[12].asked_at + timedelta(minutes=40)
        questions[13].answered_at = None
        for user_id, username in ((ANNA.id, "anna_li"), (BO.id, "=bo")):
            await session.execute(update(User).where(User.id == user_id).values(username=username))
        for user_id, values in (
            (ANNA.id, {"member_type": "employee", "department": "研发部"}),
            (BO.id, {"member_type": "partner", "department": None}),
            (ADMIN.id, {"joined_at": utc(1, 5)}),
            (APPROVER.id, {"joined_at": utc(1, 5), "member_type": "student"}),
        ):
            await session.execute(
                update(Membership)
                .where(Membership.group_id == GROUP, Membership.user_id == user_id)
                .values(**values)
            )
        session.add(User(id=DAN, first_name="Dan", created_at=now, updated_at=now))
        await session.flush()
        session.add(Membership(group_id=GROUP, user_id=DAN, status="left", joined_at=utc(1, 5),
                               left_at=utc(3, 12), updated_at=now))  # fmt: skip
