"""The whole dispatcher with the /modlist router included first (it is not registered in
`setup_dispatcher` yet; once it is, the `include_router` line below goes).

A small world: one managed group with one admin, two members (Bob has a username, Carol never
started the bot).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from organizer.database import unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups, users
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import (
    GROUP_ID,
    Harness,
    build_harness,
    user_json,
)

ADA = TelegramProfile(id=301, first_name="Ada")  # admin
BOB = TelegramProfile(id=303, first_name="Bob", username="bob")
CAROL = TelegramProfile(id=304, first_name="Carol")  # never started the bot: not in users
GENERIC_ERRORS = {"抱歉，处理时出了点问题", "Sorry, something went wrong"}


@pytest.fixture
async def harness(session_factory, clock) -> AsyncIterator[Harness]:
    harness = build_harness(session_factory, clock, first_id=3000)
    messenger = harness.messenger
    await _world(session_factory, clock)
    yield harness
    # A handler that raised is answered by the errors router: no test may end that way.
    assert not [m.text for m in messenger.sent if any(e in m.text for e in GENERIC_ERRORS)]


async def _world(session_factory, clock) -> None:
    now = clock.now()
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=now,
        )  # fmt: skip
        for profile, role in ((ADA, MemberRole.ADMIN), (BOB, MemberRole.MEMBER)):
            await admins.record_member_status(
                session, GROUP_ID, profile, status=MemberStatus.ACTIVE, role=role, now=now
            )
            await users.mark_started(session, profile, now=now)


def _user(user_id: int, name: str = "User", username: str | None = None) -> dict[str, Any]:
    found = user_json(user_id, name)
    if username:
        found["username"] = username
    return found


async def say(
    harness: Harness,
    text: str,
    *,
    user_id: int = ADA.id,
    chat_id: int = GROUP_ID,
    reply_to: dict[str, Any] | None = None,
) -> str:
    """Send a command (optionally replying to a message whose "from" is `reply_to`); return the
    bot's last answer in that chat."""
    chat: dict[str, Any] = (
        {"id": chat_id, "type": "private", "first_name": "U"}
        if chat_id > 0
        else {"id": chat_id, "type": "supergroup", "title": "项目一组"}
    )
    message: dict[str, Any] = {
        "message_id": next(harness.ids), "date": 1767225600, "chat": chat,
        "from": _user(user_id), "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
    }  # fmt: skip
    if reply_to is not None:
        message["reply_to_message"] = {
            "message_id": next(harness.ids), "date": 1767225500, "chat": chat, "text": "hi",
            **reply_to,
        }  # fmt: skip
    await harness.feed({"message": message})
    return harness.messenger.texts_to(chat_id)[-1]


def author(profile: TelegramProfile) -> dict[str, Any]:
    return {"from": _user(profile.id, profile.first_name, profile.username)}
