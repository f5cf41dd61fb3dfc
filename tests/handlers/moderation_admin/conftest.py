"""The whole dispatcher (`setup_dispatcher`, which includes the moderation_admin router); Bot
API calls can be scripted to fail like Telegram.

A small world: one managed group with two admins, three members (Carol never started the bot),
and a separate chat for the admin log.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import TelegramMethod

from organizer.database import unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups, users
from organizer.services.users import TelegramProfile
from organizer.telegram.chat_info import ANONYMOUS_ADMIN_BOT_ID
from tests.handlers.conftest import (
    BOT_ID,
    GROUP_ID,
    ORG_ADMIN,
    Harness,
    ScriptedSession,
    build_harness,
    user_json,
)

LOG_CHAT = -1009002
ADA = TelegramProfile(id=301, first_name="Ada")  # admin
ANN = TelegramProfile(id=302, first_name="Ann")  # admin
BOB = TelegramProfile(id=303, first_name="Bob", username="bob")
CAROL = TelegramProfile(id=304, first_name="Carol")  # never started the bot
DAN = TelegramProfile(id=305, first_name="Dan")
PEOPLE = {p.id: p for p in (ADA, ANN, BOB, CAROL, DAN)}
NO_RESTRICT_RIGHT = "not enough rights to restrict/unrestrict chat member"  # Telegram's words
GENERIC_ERRORS = {"抱歉，处理时出了点问题", "Sorry, something went wrong"}


class FailingSession(ScriptedSession):
    """`failures` maps a Bot API method to the description Telegram answers with (400)."""

    def __init__(self) -> None:
        super().__init__()
        self.failures: dict[str, str] = {}
        for name in ("RestrictChatMember", "BanChatMember", "UnbanChatMember", "DeleteMessage"):
            self.answers[name] = True

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None):  # noqa: ASYNC109 - BaseSession's signature
        description = self.failures.get(type(method).__name__)
        if description is None:
            return await super().make_request(bot, method, timeout)
        self.calls.append(method)
        content = json.dumps(
            {"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}
        )
        return self.check_response(bot, method, 400, content).result


@pytest.fixture
async def harness(session_factory, clock) -> AsyncIterator[Harness]:
    harness = build_harness(session_factory, clock, scripted=FailingSession(), first_id=2000)
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
        for profile, role in ((ADA, MemberRole.ADMIN), (ANN, MemberRole.ADMIN),
                              (BOB, MemberRole.MEMBER), (CAROL, MemberRole.MEMBER),
                              (DAN, MemberRole.MEMBER)):  # fmt: skip
            await admins.record_member_status(
                session, GROUP_ID, profile, status=MemberStatus.ACTIVE, role=role, now=now
            )
            if profile is not CAROL:
                await users.mark_started(session, profile, now=now)
        await users.mark_started(session, TelegramProfile(id=ORG_ADMIN, first_name="Org"), now=now)


def _user(user_id: int) -> dict[str, Any]:
    person = PEOPLE.get(user_id)
    found = user_json(user_id, person.first_name if person else "User")
    if person is not None and person.username:
        found["username"] = person.username
    found["is_bot"] = user_id == BOT_ID
    return found


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "U"}
    title = "项目一组" if chat_id == GROUP_ID else "管理日志"
    return {"id": chat_id, "type": "supergroup", "title": title}


async def send(
    harness: Harness,
    text: str,
    *,
    user_id: int,
    chat_id: int = GROUP_ID,
    reply_to: tuple[int, int, str] | None = None,
    anonymous: bool = False,
) -> int:
    """A message (a command when it starts with "/"), optionally replying to
    (message_id, author_id, text); returns its message id."""
    message_id = next(harness.ids)
    message: dict[str, Any] = {
        "message_id": message_id, "date": 1767225600, "chat": _chat(chat_id),
        "from": _user(user_id), "text": text,
    }  # fmt: skip
    if anonymous:  # an admin posting as the group: Telegram shows its placeholder bot
        message["from"] = {"id": ANONYMOUS_ADMIN_BOT_ID, "is_bot": True, "first_name": "Group"}
        message["sender_chat"] = _chat(chat_id)
    if text.startswith("/"):
        length = len(text.split()[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    if reply_to is not None:
        replied_id, author, replied_text = reply_to
        message["reply_to_message"] = {
            "message_id": replied_id, "date": 1767225500, "chat": _chat(chat_id),
            "from": _user(author), "text": replied_text,
        }  # fmt: skip
    await harness.feed({"message": message})
    return message_id


async def press(
    harness: Harness, data: str, *, user_id: int, chat_id: int, message_id: int, text: str = "card"
) -> None:
    await harness.feed({
        "callback_query": {
            "id": str(next(harness.ids)), "from": _user(user_id),
            "chat_instance": "ci", "data": data,
            "message": {
                "message_id": message_id, "date": 1767225600, "chat": _chat(chat_id),
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Organizer"}, "text": text,
            },
        }
    })  # fmt: skip


def deleted_ids(harness: Harness) -> list[int]:
    return [call.message_id for call in harness.session.called("DeleteMessage")]
