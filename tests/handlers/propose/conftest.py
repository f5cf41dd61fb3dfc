"""The proposal form through the real dispatcher: a group with two admins and a member.

`Chat` keeps every message and edit the bot made, in order, so a test reads "what the user
sees now" whichever way it was shown (a new message after typed text, an edit after a press).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage

from handlers import setup_dispatcher
from handlers.propose.callbacks import form
from organizer.messenger import Keyboard
from tests.handlers.conftest import BOT_ID, GROUP_ID, Harness, admin_json, user_json

PROPOSER, OWNER, ADMIN = 201, 100, 102
OWNER_NAME, ADMIN_NAME, PROPOSER_NAME = "王主管", "李老师", "张三"


@dataclass
class Shown:
    chat_id: int
    text: str
    keyboard: Keyboard | None


class Chat:
    """The bot's output in order, recorded around the harness's RecordingMessenger."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.log: list[Shown] = []
        messenger = harness.messenger
        send, edit = messenger.send_text, messenger.edit_text

        async def send_text(message):
            sent = await send(message)
            self.log.append(Shown(message.chat_id, message.text, message.keyboard))
            return sent

        async def edit_text(chat_id, message_id, text, *, keyboard=None, parse_mode=None):
            await edit(chat_id, message_id, text, keyboard=keyboard)
            self.log.append(Shown(chat_id, text, keyboard))

        messenger.send_text = send_text  # type: ignore[method-assign]
        messenger.edit_text = edit_text  # type: ignore[method-assign]

    def last(self, chat_id: int) -> Shown:
        shown = [shown for shown in self.log if shown.chat_id == chat_id]
        return shown[-1] if shown else Shown(chat_id, "", None)

    def text(self, chat_id: int = PROPOSER) -> str:
        return self.last(chat_id).text

    def buttons(self, chat_id: int = PROPOSER) -> list[str]:
        keyboard = self.last(chat_id).keyboard or ()
        return [button.text for row in keyboard for button in row]

    def data(self, chat_id: int, label: str) -> str:
        for row in self.last(chat_id).keyboard or ():
            for button in row:
                if button.text == label:
                    assert button.callback_data is not None
                    return button.callback_data
        raise AssertionError(f"no button {label!r} in {self.buttons(chat_id)}")

    def to(self, chat_id: int) -> list[str]:
        return [shown.text for shown in self.log if shown.chat_id == chat_id]

    # Acting as a user -------------------------------------------------------------------

    async def say(self, text: str, user_id: int = PROPOSER, chat_id: int | None = None) -> str:
        name = {OWNER: OWNER_NAME, ADMIN: ADMIN_NAME, PROPOSER: PROPOSER_NAME}.get(user_id, "U")
        await self.harness.message(text, user_id=user_id, chat_id=chat_id, name=name)
        return self.text(chat_id or user_id)

    async def press(self, data: str, user_id: int = PROPOSER, chat_id: int | None = None) -> str:
        await self.harness.press(data, user_id=user_id, chat_id=chat_id or user_id)
        return self.text(chat_id or user_id)

    async def tap(self, label: str, user_id: int = PROPOSER) -> str:
        """Press the button labelled `label` on the last thing shown to the user."""
        return await self.press(self.data(user_id, label), user_id)

    def alert(self) -> str | None:
        return self.harness.alerts()[-1]


def member_json(user_id: int, name: str, status: str) -> dict[str, Any]:
    if status == "administrator":
        return {**admin_json(user_id), "user": user_json(user_id, name)}
    if status == "creator":
        return {**admin_json(user_id, owner=True), "user": user_json(user_id, name)}
    return {"status": status, "user": user_json(user_id, name)}


def script_group(harness: Harness, *, members: dict[int, str] | None = None) -> None:
    """Telegram's answers about the group: its admins, its members, the bot's username."""
    session = harness.session
    session.answers["GetMe"] = {
        "id": BOT_ID, "is_bot": True, "first_name": "Organizer", "username": "organizer_bot",
    }  # fmt: skip
    session.answers["GetChatAdministrators"] = [
        member_json(OWNER, OWNER_NAME, "creator"),
        member_json(ADMIN, ADMIN_NAME, "administrator"),
    ]
    statuses = {OWNER: "creator", ADMIN: "administrator", PROPOSER: "member", **(members or {})}

    def chat_member(method) -> dict[str, Any]:
        status = statuses.get(method.user_id, "left")
        return member_json(method.user_id, "U", status)

    session.answers["GetChatMember"] = chat_member


@pytest.fixture
def chat(harness: Harness) -> Chat:
    script_group(harness)
    return Chat(harness)


def restarted(harness: Harness, session_factory) -> Harness:
    """The same bot, database and outbox, but a new dispatcher with empty FSM memory."""
    deps = harness.dispatcher["deps"]
    dispatcher = setup_dispatcher(Dispatcher(storage=MemoryStorage()), deps, session_factory)
    return Harness(
        dispatcher, harness.bot, harness.session, harness.messenger, harness.catalogue,
        itertools.count(10_000),
    )  # fmt: skip


async def open_form(chat: Chat, user_id: int = PROPOSER) -> str:
    """/propose in the group, then the deep link it offers, as the proposer would."""
    await chat.say("/propose", user_id, chat_id=GROUP_ID)
    [[button]] = chat.last(GROUP_ID).keyboard or [[None]]
    assert button is not None and button.url is not None
    payload = button.url.split("?start=")[1]
    return await chat.say(f"/start {payload}", user_id)


def kind(value: str = "seminar") -> str:
    return form("kind", value)


async def fill_form(chat: Chat, user_id: int = PROPOSER, *, title: str = "课程设计评审会") -> str:
    """The shortest correct walk to the preview (start 2026-03-05 19:30 Shanghai, 90 min)."""
    await open_form(chat, user_id)
    await chat.press(kind(), user_id)
    await chat.say(title, user_id)
    await chat.say("一起评审新课程的设计。", user_id)
    await chat.say("3月5日 19:30", user_id)
    await chat.press(form("dur", 90), user_id)
    await chat.say("3楼会议室", user_id)
    await chat.say("30", user_id)
    await chat.press(form("skip", "deadline"), user_id)
    await chat.press(form("done"), user_id)
    await chat.press(form("skip", "coordinator"), user_id)
    return await chat.press(form("rep", 0), user_id)


async def start_admins(chat: Chat) -> None:
    """Both admins have written to the bot, so cards can reach them privately."""
    await chat.say("/start", OWNER)
    await chat.say("/start", ADMIN)
