"""A group with an admin, a department head who approves employees, and an applicant."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from organizer.database import unit_of_work
from organizer.models import JoinRequest, MemberRole, MemberStatus, MemberType
from organizer.services import admins, approvers, groups, users
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import GROUP_ID, user_json

ADMIN = TelegramProfile(id=10, first_name="Admin", username="boss")
HEAD = TelegramProfile(id=20, first_name="Head", username="zhang_head")
APPLICANT = 30
STRANGER = 50


async def prepare(session_factory, clock, *, head_approves: bool = True, **settings: Any) -> None:
    now = clock.now()
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=now,
        )  # fmt: skip
        if settings:
            from organizer.services import joining

            for key, value in settings.items():
                await joining.set_group_setting(session, GROUP_ID, key, value, now=now)
        await admins.sync_group_admins(session, GROUP_ID, [admins.AdminEntry(ADMIN)], now=now)
        await admins.record_member_status(
            session, GROUP_ID, HEAD, status=MemberStatus.ACTIVE, role=MemberRole.MEMBER, now=now
        )
        await users.mark_started(session, ADMIN, now=now)
        await users.mark_started(session, HEAD, now=now)
        if head_approves:
            await approvers.add(
                session, GROUP_ID, MemberType.EMPLOYEE, HEAD.id, label="教研部", added_by=ADMIN.id,
                now=now,
            )  # fmt: skip


def join_request(user_id: int = APPLICANT, name: str = "Li") -> dict[str, Any]:
    return {
        "chat_join_request": {
            "chat": {"id": GROUP_ID, "type": "supergroup", "title": "项目一组"},
            "from": {**user_json(user_id, name), "username": "li"},
            "user_chat_id": user_id,
            "date": 1767225600,
        }
    }


async def request_row(session_factory, user_id: int = APPLICANT) -> JoinRequest:
    async with session_factory() as session:
        rows = list(
            await session.scalars(
                select(JoinRequest).where(JoinRequest.user_id == user_id).order_by(JoinRequest.id)
            )
        )
    return rows[-1]


def buttons(harness, chat_id: int) -> list[tuple[str, str | None]]:
    message = [m for m in harness.messenger.sent if m.chat_id == chat_id][-1]
    return [(b.text, b.callback_data) for row in message.keyboard or () for b in row]
