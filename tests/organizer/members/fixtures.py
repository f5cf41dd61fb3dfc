"""A set-up group with an admin, an approver and members, for the members feature's tests."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from organizer.database import unit_of_work
from organizer.models import GroupApprover, Membership
from organizer.services import admins, groups, users
from organizer.services.admins import AdminEntry
from organizer.services.users import TelegramProfile

GROUP = -1009001
ADMIN = TelegramProfile(id=10, first_name="张", last_name="经理", language_code="zh")
APPROVER = TelegramProfile(id=11, first_name="Approver")
ANNA = TelegramProfile(id=31, first_name="Anna", language_code="en")
BO = TelegramProfile(id=32, first_name="Bo")
CHEN = TelegramProfile(id=33, first_name="Chen")


async def make_group(
    factory, now: datetime, *, members=(ANNA, BO, CHEN), started=(ADMIN, ANNA), **settings
) -> None:
    async with unit_of_work(factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=now,
        )  # fmt: skip
        await groups.complete_setup(session, GROUP, now=now)
        await admins.sync_group_admins(session, GROUP, [AdminEntry(ADMIN)], now=now)
        for profile in (*members, APPROVER):
            await admins.record_member_status(
                session, GROUP, profile, status="active", role="member", now=now
            )
        session.add(GroupApprover(group_id=GROUP, member_type="employee", user_id=APPROVER.id,
                                  created_at=now))  # fmt: skip
        for profile in started:
            await users.mark_started(session, profile, now=now)
        if settings:
            from organizer.models import Group

            group = await session.get(Group, GROUP)
            assert group is not None
            group.settings = {**group.settings, **settings}


async def membership(factory, user_id: int, group_id: int = GROUP) -> Membership:
    async with factory() as session:
        row = await session.scalar(
            select(Membership).where(Membership.group_id == group_id, Membership.user_id == user_id)
        )
        assert row is not None
        return row
