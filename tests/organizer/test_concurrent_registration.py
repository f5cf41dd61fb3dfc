"""Regression: a group's first updates (the bot's membership change, the join service message,
/setup) can arrive in one batch and be handled at once; registering the group, its admins and
users concurrently used to fail with a unique-constraint error."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from organizer.database import unit_of_work
from organizer.models import Group, MemberRole, Membership, MemberStatus, User
from organizer.services import admins, groups, users
from organizer.services.users import TelegramProfile

GROUP = -100999
ALICE = TelegramProfile(id=5, first_name="Alice")


async def _first_update(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        await users.remember(session, ALICE, now=clock.now())
        await admins.record_member_status(
            session, GROUP, ALICE, status=MemberStatus.ACTIVE, role=MemberRole.OWNER,
            now=clock.now(),
        )  # fmt: skip


async def test_group_registered_concurrently_is_stored_once(session_factory, clock) -> None:
    await asyncio.gather(*(_first_update(session_factory, clock) for _ in range(4)))
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Group)) == 1
        assert await session.scalar(select(func.count()).select_from(User)) == 1
        assert await session.scalar(select(func.count()).select_from(Membership)) == 1
        assert await admins.is_group_admin(session, GROUP, ALICE.id)
