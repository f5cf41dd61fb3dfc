"""Handler tests feed real `Update` objects to the real dispatcher.

Bot API calls the handlers make directly (reading admins, answering a button) go to a recording
session with scripted answers; messages go through a RecordingMessenger.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import TelegramMethod
from aiogram.types import Update

from handlers import setup_dispatcher
from handlers.deps import HandlerDeps
from organizer.config import Settings
from organizer.i18n import Catalogue
from tests.fakes import RecordingMessenger

BOT_ID = 4242
TOKEN = f"{BOT_ID}:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
ORG_ADMIN = 900
GROUP_ID = -1009001


class ScriptedSession(BaseSession):
    """Answers Bot API calls from `answers` (method name → JSON result or a function of the
    method) and records every call."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self.answers: dict[str, Any] = {
            "AnswerCallbackQuery": True,
            "SetMyCommands": True,
        }

    async def make_request(self, bot: Bot, method: TelegramMethod[Any], timeout: int | None = None):  # noqa: ASYNC109 - BaseSession's signature
        self.calls.append(method)
        answer = self.answers[type(method).__name__]
        result = answer(method) if callable(answer) else answer
        content = json.dumps({"ok": True, "result": result})
        return self.check_response(bot, method, 200, content).result

    async def stream_content(self, *args: Any, **kwargs: Any):  # pragma: no cover
        raise NotImplementedError
        yield b""

    async def close(self) -> None:
        pass

    def called(self, name: str) -> list[TelegramMethod[Any]]:
        return [call for call in self.calls if type(call).__name__ == name]


def user_json(user_id: int, name: str = "User", lang: str | None = "zh") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": lang}


ADMIN_RIGHTS = (
    "can_be_edited", "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
    "can_restrict_members", "can_promote_members", "can_change_info", "can_invite_users",
    "can_post_stories", "can_edit_stories", "can_delete_stories", "can_pin_messages",
    "can_send_welcome_messages",
)  # fmt: skip


def admin_json(user_id: int, *, owner: bool = False, **rights: bool) -> dict[str, Any]:
    if owner:
        return {"status": "creator", "user": user_json(user_id), "is_anonymous": False}
    base = dict.fromkeys(ADMIN_RIGHTS, True)
    base.update(rights)
    return {"status": "administrator", "user": user_json(user_id), "is_anonymous": False, **base}


@dataclass
class Harness:
    dispatcher: Dispatcher
    bot: Bot
    session: ScriptedSession
    messenger: RecordingMessenger
    catalogue: Catalogue
    ids: itertools.count

    async def feed(self, payload: dict[str, Any]) -> None:
        update = Update.model_validate(
            {"update_id": next(self.ids), **payload}, context={"bot": self.bot}
        )
        await self.dispatcher.feed_update(self.bot, update)

    async def message(
        self, text: str, *, user_id: int, chat_id: int | None = None, lang: str = "zh",
        name: str = "User",
    ) -> None:  # fmt: skip
        chat_id = user_id if chat_id is None else chat_id
        chat = (
            {"id": chat_id, "type": "private", "first_name": name}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": "项目一组"}
        )
        entities = []
        if text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        await self.feed({
            "message": {
                "message_id": next(self.ids), "date": 1767225600, "chat": chat,
                "from": user_json(user_id, name, lang), "text": text, "entities": entities,
            }
        })  # fmt: skip

    async def press(
        self, data: str, *, user_id: int, chat_id: int, message_id: int = 77, lang: str = "zh"
    ) -> None:
        chat = (
            {"id": chat_id, "type": "private", "first_name": "U"}
            if chat_id > 0
            else {"id": chat_id, "type": "supergroup", "title": "项目一组"}
        )
        await self.feed({
            "callback_query": {
                "id": str(next(self.ids)), "from": user_json(user_id, lang=lang),
                "chat_instance": "ci", "data": data,
                "message": {
                    "message_id": message_id, "date": 1767225600, "chat": chat,
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "Organizer"},
                    "text": "wizard",
                },
            }
        })  # fmt: skip

    def alerts(self) -> list[str | None]:
        return [call.text for call in self.session.called("AnswerCallbackQuery")]


def build_harness(
    session_factory, clock, *, scripted: ScriptedSession | None = None, first_id: int = 1
) -> Harness:
    """The real dispatcher (every router and middleware), a scripted Bot API session and a
    recording messenger; `first_id` numbers the updates and messages this harness makes."""
    scripted = scripted if scripted is not None else ScriptedSession()
    bot = Bot(TOKEN, session=scripted)
    settings = Settings(
        bot_token=TOKEN, org_admin_ids=(ORG_ADMIN,), database_url="sqlite+aiosqlite://"
    )
    catalogue = Catalogue()
    messenger = RecordingMessenger()
    deps = HandlerDeps(settings, catalogue, clock, messenger)
    dispatcher = setup_dispatcher(Dispatcher(storage=MemoryStorage()), deps, session_factory)
    assert clock.now().tzinfo is UTC
    return Harness(dispatcher, bot, scripted, messenger, catalogue, itertools.count(first_id))


@pytest.fixture
async def harness(session_factory, clock) -> AsyncIterator[Harness]:
    yield build_harness(session_factory, clock)


AnswerFn = Callable[[TelegramMethod[Any]], Any]
