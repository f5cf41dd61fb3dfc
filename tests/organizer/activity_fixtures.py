"""Shared set-up for activity service tests: a group, members and a published activity."""

from __future__ import annotations

from datetime import timedelta

from organizer.models import ActivityKind
from organizer.services import activities, activity_lifecycle, groups, users
from organizer.services.activities import ProposalData
from organizer.services.activity_lifecycle import Timing
from organizer.services.users import TelegramProfile

GROUP = -100700
ORGANIZER = 700


def proposal(clock, **changes) -> ProposalData:
    start = clock.now() + timedelta(days=2)
    data = ProposalData(
        kind=ActivityKind.SEMINAR,
        title="Course design review",
        description="How we build courses",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        location="Room 3",
        capacity=2,
    )
    return data if not changes else data.__class__(**{**vars(data), **changes})


async def members(session, clock, *ids: int) -> None:
    for user_id in (ORGANIZER, *ids):
        await users.mark_started(
            session, TelegramProfile(id=user_id, first_name=f"U{user_id}"), now=clock.now()
        )


async def published(
    session, clock, data: ProposalData | None = None, *, group_id: int = GROUP
) -> int:
    await groups.register(
        session, chat_id=group_id, title="G", default_timezone="Asia/Shanghai",
        default_language="zh", now=clock.now(),
    )  # fmt: skip
    await members(session, clock)
    data = data or proposal(clock)
    activity = await activities.submit(
        session, proposer_id=ORGANIZER, group_id=group_id, data=data, now=clock.now()
    )
    [first, *_] = await activity_lifecycle.approve(
        session, activity.id, reviewer_id=None, data=data, timezone="Asia/Shanghai",
        timing=Timing(), now=clock.now(),
    )  # fmt: skip
    await session.commit()
    return first.id
