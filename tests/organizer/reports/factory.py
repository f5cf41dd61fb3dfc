"""The hand-checked seminar every reports test starts from, and builders for variations.

The seminar (2026-03-02 09:00–11:00 Asia/Shanghai = 01:00–03:00 UTC):

| user | name  | rsvp     | checked in      | survey (overall, content, organisation) |
|------|-------|----------|-----------------|------------------------------------------|
| 1    | 张伟  | going    | 08:55           | 5, 5, 4  good: long praise, improve: "无"  |
| 2    | 李娜  | going    | 09:00           | 4, 4, 3  good: "<script>…", improve: time  |
| 3    | 王芳  | going    | 08:58           | 4, 4, 5  no free text                      |
| 4    | 刘洋  | going    | 09:20 late      | —                                        |
| 5    | 陈静  | going    | —  (no-show)    | —                                        |
| 6    | 杨磊  | going    | —  (no-show)    | —                                        |
| 7    | 赵敏  | maybe    | 09:02           | 2, 3, 2  good: "   ", improve: room       |
| 8    | 周杰  | maybe    | —               | —                                        |
| 9    | 吴刚  | no       | —               | —                                        |
| 10   | 郑爽  | waitlist | —               | —                                        |
| 11   | 孙丽  | waitlist | —               | —                                        |

Going 6, maybe 2, no 1, waitlist 2; attended 5 (1 late); no-shows 2 → no-show rate 2/6;
attendance rate 5/6; surveys sent 5 (to the 5 who came), answered 4 → response rate 4/5.
Overall 5,4,4,2 → 3.75, distribution (0,1,0,2,1); content 5,4,4,3 → 4.0, (0,0,1,2,1);
organisation 4,3,5,2 → 3.5, (0,1,1,1,1).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from organizer.reports import ActivityFacts, Attendee, PastActivity, SurveyAnswer

STARTS = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai
ENDS = STARTS + timedelta(hours=2)
PRAISE = "讲师准备非常充分，案例都来自真实项目，讨论环节很有收获，希望下次还能请这位讲师来分享"
SCRIPT = "<script>alert('x')</script> 很实用"


def at(hour: int, minute: int) -> datetime:
    """A Shanghai wall-clock time on the seminar's day, as the UTC datetime the database holds."""
    return datetime(2026, 3, 2, hour - 8, minute, tzinfo=UTC)


def person(
    user_id: int,
    name: str,
    rsvp: str | None,
    checked_in: datetime | None = None,
    late: bool = False,
) -> Attendee:
    return Attendee(user_id, name, f"user{user_id}", rsvp, checked_in, late)  # type: ignore[arg-type]


def answer(
    user_id: int,
    overall: int,
    content: int,
    organisation: int,
    good: str | None = None,
    improve: str | None = None,
    minute: int = 0,
) -> SurveyAnswer:
    return SurveyAnswer(user_id, overall, content, organisation, good, improve, at(11, minute))


ATTENDEES = (
    person(1, "张伟", "going", at(8, 55)),
    person(2, "李娜", "going", at(9, 0)),
    person(3, "王芳", "going", at(8, 58)),
    person(4, "刘洋", "going", at(9, 20), late=True),
    person(5, "陈静", "going"),
    person(6, "杨磊", "going"),
    person(7, "赵敏", "maybe", at(9, 2)),
    person(8, "周杰", "maybe"),
    person(9, "吴刚", "no"),
    person(10, "郑爽", "waitlist"),
    person(11, "孙丽", "waitlist"),
)
ANSWERS = (
    answer(1, 5, 5, 4, good=PRAISE, improve="无", minute=10),
    answer(2, 4, 4, 3, good=SCRIPT, improve="时间可以再长一点", minute=11),
    answer(3, 4, 4, 5, minute=12),
    answer(7, 2, 3, 2, good="   ", improve="教室太小，后排看不清投影", minute=13),
)


def seminar(**changes: object) -> ActivityFacts:
    facts = ActivityFacts(
        activity_id=42,
        title="季度案例研讨 <第 3 期>",
        kind="seminar",
        starts_at=STARTS,
        ends_at=ENDS,
        timezone="Asia/Shanghai",
        capacity=20,
        attendees=ATTENDEES,
        surveys_sent=5,
        answers=ANSWERS,
        organizer_notes="下次换大教室 & 提前发资料",
    )
    return replace(facts, **changes)  # type: ignore[arg-type]


def past(
    activity_id: int, days_before: int, attendance: float | None, overall: float | None
) -> PastActivity:
    return PastActivity(
        activity_id=activity_id,
        title=f"研讨 {activity_id}",
        starts_at=STARTS - timedelta(days=days_before),
        attendance_rate=attendance,
        average_overall=overall,
        response_rate=0.8,
    )


# Mean attendance of the comparable ones 0.85 (None is skipped), mean overall 4.333…;
# the later activity and the seminar itself are not "previous".
PREVIOUS = (
    past(30, 14, 0.90, 4.4),
    past(31, 7, 0.80, 4.0),
    past(29, 21, None, 4.6),
    past(50, -7, 0.10, 1.0),
    past(42, 0, 0.10, 1.0),
)
