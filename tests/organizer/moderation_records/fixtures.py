"""Two groups with a member each, for the moderation records' tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from organizer.database import unit_of_work
from organizer.services import admins, groups, violations
from organizer.services.users import TelegramProfile

GROUP, OTHER_GROUP = -1005001, -1005002
ADMIN = TelegramProfile(id=10, first_name="Admin")
ANNA = TelegramProfile(id=31, first_name="Anna")
BO = TelegramProfile(id=32, first_name="Bo")
STRANGER = 77  # sends messages but the bot has no membership row for them


async def make_groups(factory: Any, now: datetime) -> None:
    async with unit_of_work(factory) as session:
        for chat_id in (GROUP, OTHER_GROUP):
            await groups.register(
                session, chat_id=chat_id, title=f"G{chat_id}", default_timezone="Asia/Shanghai",
                default_language="zh", now=now,
            )  # fmt: skip
            for profile in (ANNA, BO):
                await admins.record_member_status(
                    session, chat_id, profile, status="active", role="member", now=now
                )


async def hit(session: Any, now: datetime, user_id: int = ANNA.id, **overrides: Any) -> Any:
    """One automatic violation with the default ladder."""
    values: dict[str, Any] = {
        "group_id": GROUP, "user_id": user_id, "rule": "banned.gambling",
        "category": "gambling", "charter_ref": "四(三)", "evidence": "赌场",
        "message_text": "来赌场玩", "message_id": 500, "by_user_id": None, "now": now,
    }  # fmt: skip
    return await violations.record(session, **{**values, **overrides})
