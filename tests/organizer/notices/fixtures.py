"""Groups, admins and members for the notices tests, and a runner that performs their jobs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.services import admins, groups, notices, users
from organizer.services.admins import AdminEntry
from organizer.services.users import TelegramProfile
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
G1, G2, G3, G4, G5 = -1001001, -1001002, -1001003, -1001004, -1001005
ADMIN = TelegramProfile(id=10, first_name="张", last_name="经理", language_code="zh")
OTHER = TelegramProfile(id=20, first_name="Other", language_code="en")
ORG = 99
ANNA = TelegramProfile(id=31, first_name="Anna", language_code="en")
BO = TelegramProfile(id=32, first_name="Bo")
CHEN = TelegramProfile(id=33, first_name="Chen")
HELPER = TelegramProfile(id=40, first_name="Helper", username="helper_bot")
ORG_ADMINS = (ORG,)
SETTINGS = Settings(bot_token=TOKEN, org_admin_ids=ORG_ADMINS)

# id: (title, kind, admin, members)
WORLD: dict[int, tuple[str, str, TelegramProfile, tuple[TelegramProfile, ...]]] = {
    G1: ("A 项目一组", "project", ADMIN, (ANNA, BO, HELPER)),
    G2: ("B 项目二组", "project", ADMIN, (ANNA, CHEN)),
    G3: ("C 学员服务群", "student_service", ADMIN, (BO,)),
    G4: ("D 交流群", "industry_exchange", OTHER, (CHEN,)),
    G5: ("E 已离开", "project", ADMIN, (CHEN,)),
}


async def add_group(
    session: AsyncSession,
    group_id: int,
    title: str,
    kind: str,
    admin: TelegramProfile,
    members: tuple[TelegramProfile, ...],
    now: datetime,
) -> None:
    await groups.register(
        session, chat_id=group_id, title=title, default_timezone="Asia/Shanghai",
        default_language="zh", now=now,
    )  # fmt: skip
    await groups.configure(session, group_id, kind=kind, now=now)
    await groups.complete_setup(session, group_id, now=now)
    await admins.sync_group_admins(session, group_id, [AdminEntry(admin)], now=now)
    for profile in members:
        await admins.record_member_status(
            session, group_id, profile, status="active", role="member", now=now
        )


async def make_world(factory: async_sessionmaker[AsyncSession], now: datetime) -> None:
    async with unit_of_work(factory) as session:
        for group_id, (title, kind, admin, members) in WORLD.items():
            await add_group(session, group_id, title, kind, admin, members, now)
        await groups.mark_bot_removed(session, G5, now=now)
        for profile in (ADMIN, OTHER, ANNA):
            await users.mark_started(session, profile, now=now)


async def create(
    factory: async_sessionmaker[AsyncSession], now: datetime, **fields: Any
) -> notices.NoticeInfo:
    fields.setdefault("author_id", ADMIN.id)
    fields.setdefault("text", "明天 9 点开会。")
    async with unit_of_work(factory) as session:
        return await notices.create(
            session, notices.NoticeDraft(**fields), org_admin_ids=ORG_ADMINS, now=now
        )


def runner(
    factory: async_sessionmaker[AsyncSession],
    clock: FakeClock,
    messenger: RecordingMessenger,
    *,
    worker_id: str = "t",
    **options: Any,
) -> ActionRunner:
    return ActionRunner(
        factory, register_jobs(ActionRegistry()), messenger, clock, worker_id=worker_id,
        settings=SETTINGS, **options,
    )  # fmt: skip
