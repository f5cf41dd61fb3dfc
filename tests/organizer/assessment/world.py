"""A month (March 2026, Asia/Shanghai) of hand-counted activity in one group.

Expected indicators with the default weights (see organizer.services.scores):

    member   days msgs(capped) acks shares answers best viol.pts rules attended no-show surveys org
    Anna       3    45 (of 55)   2     2       2     1      4       1      1        1       1     0
    Bo         1    30 (of 100)  0     1       1     0      5       0      1        0       0     1
    77         0     0           0     1       0     0      0       0      0        0       0     0
    Admin      0     0           0     0       0     0      0       0      0        0       0     1
    Approver, Chen: nothing

    Anna: participation 3 + 4.5 + 2 = 9.5 · shares 4 · answers 4 + 3 = 7 · compliance −4 + 2 = −2
          · activities 3 − 2 + 1 = 2 → 20.5
    Bo:   participation 1 + 3 = 4 · shares 2 · answers 2 · compliance −5 · activities 3 + 5 = 8
          → 11
    77 (not a member, not a user): shares 2 → 2
    Admin: organised A2 → 5
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from organizer.database import unit_of_work
from organizer.models import Activity, Attendance, Membership, Rsvp, SurveyResponse
from organizer.models.assessment import MemberDailyActivity
from organizer.models.content import LibraryItem, Question, QuestionAnswer
from organizer.models.moderation import Violation
from organizer.models.notices import Notice, NoticeAck
from tests.organizer.members.fixtures import ADMIN, ANNA, APPROVER, BO, CHEN, GROUP, make_group

OUTSIDER = 77
EVERYONE = (ADMIN.id, APPROVER.id, ANNA.id, BO.id, CHEN.id)


def utc(month: int, day: int, hour: int = 4) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


async def build(factory, now: datetime, **settings) -> None:
    await make_group(factory, now, **settings)
    async with unit_of_work(factory) as session:
        # participation: daily counters (Feb 28 is outside March in Shanghai)
        for user, day, messages in (
            (ANNA.id, date(2026, 3, 2), 10), (ANNA.id, date(2026, 3, 3), 40),
            (ANNA.id, date(2026, 3, 31), 5), (ANNA.id, date(2026, 2, 28), 20),
            (BO.id, date(2026, 3, 9), 100), (CHEN.id, date(2026, 3, 4), 0),
        ):  # fmt: skip
            session.add(MemberDailyActivity(group_id=GROUP, user_id=user, day=day,
                                            messages=messages, replies=0))  # fmt: skip
        for acked in (utc(3, 2), utc(3, 20), utc(2, 20)):  # one notice each
            sent = utc(2, 1)
            notice = Notice(author_id=ADMIN.id, target_kind="group", send_at=sent,
                            first_send_at=sent, created_at=sent, updated_at=sent)  # fmt: skip
            session.add(notice)
            await session.flush()
            session.add(NoticeAck(notice_id=notice.id, user_id=ANNA.id, group_id=GROUP,
                                  acked_at=acked))  # fmt: skip
        # shares
        for message_id, author, at in ((1, ANNA.id, utc(3, 2)), (2, ANNA.id, utc(3, 30)),
                                       (3, BO.id, utc(3, 5)), (4, OUTSIDER, utc(3, 6)),
                                       (5, BO.id, utc(2, 27))):  # fmt: skip
            session.add(LibraryItem(group_id=GROUP, message_id=message_id, author_id=author,
                                    title="t", kind="post", created_at=at))  # fmt: skip
        # answers: Anna answers Q1 twice (best) and Q2; Bo answers Q3; Q4 is February's
        questions = []
        for message_id, asker, at, best in ((11, ADMIN.id, utc(3, 3), ANNA.id),
                                            (12, ADMIN.id, utc(3, 5), None),
                                            (13, ANNA.id, utc(3, 6), None),
                                            (14, ADMIN.id, utc(2, 25), BO.id)):  # fmt: skip
            question = Question(group_id=GROUP, message_id=message_id, asker_id=asker, text="?",
                                asked_at=at, answered_at=at, best_answer_by=best,
                                status="answered")  # fmt: skip
            session.add(question)
            questions.append(question)
        await session.flush()
        q1, q2, q3, q4 = questions
        for question, message_id, user in ((q1, 101, ANNA.id), (q1, 102, ANNA.id),
                                           (q2, 103, ANNA.id), (q3, 104, BO.id),
                                           (q4, 105, BO.id)):  # fmt: skip
            session.add(QuestionAnswer(question_id=question.id, message_id=message_id,
                                       user_id=user, created_at=question.asked_at))  # fmt: skip
        # compliance
        for user, category, at, undone in ((ANNA.id, "advertising", utc(3, 4), None),
                                           (ANNA.id, "flooding", utc(3, 5), None),
                                           (ANNA.id, "illegal", utc(3, 6), utc(3, 6, 5)),
                                           (ANNA.id, "abuse", utc(2, 6), None),
                                           (BO.id, "abuse", utc(3, 7), None)):  # fmt: skip
            session.add(Violation(group_id=GROUP, user_id=user, rule=f"x.{category}",
                                  category=category, sanction="warn", created_at=at,
                                  undone_at=undone))  # fmt: skip
        await _rules(session)
        # activities: A1 (Bo's, published) and A2 (completed) end in March; A3 is cancelled
        # (Bo's, Chen going); A4 ends in April (Chen going)
        activities = {}
        for name, proposer, status, ends in (("A1", BO.id, "published", utc(3, 10)),
                                             ("A2", ADMIN.id, "completed", utc(3, 20)),
                                             ("A3", BO.id, "cancelled", utc(3, 21)),
                                             ("A4", ADMIN.id, "published", utc(4, 2))):  # fmt: skip
            activity = Activity(group_id=GROUP, proposer_id=proposer, kind="seminar", title=name,
                                starts_at=ends.replace(hour=2), ends_at=ends, status=status,
                                created_at=utc(2, 1), updated_at=utc(2, 1))  # fmt: skip
            session.add(activity)
            activities[name] = activity
        await session.flush()
        for name, user, status in (("A1", ANNA.id, "going"), ("A2", ANNA.id, "going"),
                                   ("A2", BO.id, "going"), ("A3", CHEN.id, "going"),
                                   ("A4", CHEN.id, "going"), ("A1", CHEN.id, "maybe")):  # fmt: skip
            session.add(Rsvp(activity_id=activities[name].id, user_id=user, status=status,
                             answered_at=utc(2, 2), updated_at=utc(2, 2)))  # fmt: skip
        for name, user in (("A1", ANNA.id), ("A2", BO.id)):
            session.add(Attendance(activity_id=activities[name].id, user_id=user, present=True,
                                   method="button", updated_at=utc(3, 10)))  # fmt: skip
        session.add(SurveyResponse(activity_id=activities["A1"].id, user_id=ANNA.id, overall=5,
                                   completed_at=utc(3, 11), updated_at=utc(3, 11)))  # fmt: skip
        session.add(SurveyResponse(activity_id=activities["A2"].id, user_id=BO.id,
                                   completed_at=None, updated_at=utc(3, 21)))  # fmt: skip


async def _rules(session) -> None:
    from sqlalchemy import select

    for membership in await session.scalars(select(Membership).where(Membership.group_id == GROUP)):
        if membership.user_id == ANNA.id:
            membership.rules_accepted_at = utc(3, 2)
        elif membership.user_id == BO.id:
            membership.rules_accepted_at = utc(2, 1)
