"""Two groups, each with a published activity; member 1 goes to the first, member 2 to the
second (and member 2 is in no group of member 1's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from organizer.models import MemberRole, MemberStatus, RsvpStatus
from organizer.services import admins, rsvp
from organizer.services.users import TelegramProfile
from tests.organizer.activity_fixtures import members, proposal, published

GROUP = -100700
OTHER_GROUP = -100800
MEMBER = 1
STRANGER = 2


@dataclass(frozen=True)
class World:
    mine: int  # member 1's activity (in GROUP)
    theirs: int  # member 2's activity (in OTHER_GROUP)


async def join(session, clock, group_id: int, user_id: int, status=MemberStatus.ACTIVE) -> None:
    await admins.record_member_status(
        session, group_id, TelegramProfile(id=user_id, first_name=f"U{user_id}"),
        status=status, role=MemberRole.MEMBER, now=clock.now(),
    )  # fmt: skip


async def world(session, clock) -> World:
    mine = await published(session, clock, proposal(clock, title="Mine"), group_id=GROUP)
    start = clock.now() + timedelta(days=3)
    theirs = await published(
        session, clock,
        proposal(clock, title="Theirs", starts_at=start, ends_at=start + timedelta(hours=1)),
        group_id=OTHER_GROUP,
    )  # fmt: skip
    await members(session, clock, MEMBER, STRANGER)
    await join(session, clock, GROUP, MEMBER)
    await join(session, clock, OTHER_GROUP, STRANGER)
    await rsvp.answer(session, mine, MEMBER, RsvpStatus.GOING, now=clock.now())
    await rsvp.answer(session, theirs, STRANGER, RsvpStatus.GOING, now=clock.now())
    await session.commit()
    return World(mine, theirs)
