"""The notices UI through the real dispatcher, with the notices router included first (it is
not registered in handlers/__init__.py yet), in three groups:

  项目一组 (project), 学员服务群 (student service): ADMIN administers both, MEMBER is in the 1st;
  行业交流群 (industry exchange): only OTHER_ADMIN administers it. ORG_ADMIN sees all three.

`Chat` keeps every message, media and edit the bot made, in order, so a test reads what the
user sees now whichever way it was shown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from organizer.messenger import Keyboard
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import (
    BOT_ID,
    ORG_ADMIN,
    Harness,
    ScriptedSession,
    build_harness,
)

ADMIN, MEMBER, OTHER_ADMIN, STRANGER = 100, 201, 300, 555
PROJECT, SERVICE, INDUSTRY = -1001, -1002, -1003
NAMES = {
    ADMIN: "李老师",
    MEMBER: "张三",
    OTHER_ADMIN: "王主管",
    STRANGER: "路人",
    ORG_ADMIN: "组织",
}


@dataclass
class Shown:
    chat_id: int
    text: str
    keyboard: Keyboard | None
    kind: str = "text"  # text | edit | photo | document
    protect: bool = False


class Chat:
    """The bot's output in order, recorded around the harness's RecordingMessenger."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.log: list[Shown] = []
        messenger = harness.messenger
        send, edit, media = messenger.send_text, messenger.edit_text, messenger.send_media

        async def send_text(message):
            sent = await send(message)
            self.log.append(
                Shown(message.chat_id, message.text, message.keyboard,
                      protect=message.protect_content)
            )  # fmt: skip
            return sent

        async def edit_text(chat_id, message_id, text, *, keyboard=None, parse_mode=None):
            await edit(chat_id, message_id, text, keyboard=keyboard)
            self.log.append(Shown(chat_id, text, keyboard, "edit"))

        async def send_media(chat_id, kind, file_id, **kwargs):
            sent = await media(chat_id, kind, file_id, **kwargs)
            caption, keyboard = kwargs.get("caption") or "", kwargs.get("keyboard")
            self.log.append(Shown(chat_id, caption, keyboard, kind))
            return sent

        messenger.send_text = send_text  # type: ignore[method-assign]
        messenger.edit_text = edit_text  # type: ignore[method-assign]
        messenger.send_media = send_media  # type: ignore[method-assign]

    def last(self, chat_id: int = ADMIN) -> Shown:
        shown = [shown for shown in self.log if shown.chat_id == chat_id]
        return shown[-1] if shown else Shown(chat_id, "", None)

    def text(self, chat_id: int = ADMIN) -> str:
        return self.last(chat_id).text

    def buttons(self, chat_id: int = ADMIN) -> list[str]:
        keyboard = self.last(chat_id).keyboard or ()
        return [button.text for row in keyboard for button in row]

    def data(self, label: str, chat_id: int = ADMIN) -> str:
        for row in self.last(chat_id).keyboard or ():
            for button in row:
                if button.text == label:
                    assert button.callback_data is not None
                    return button.callback_data
        raise AssertionError(f"no button {label!r} in {self.buttons(chat_id)}")

    def since(self, mark: int, chat_id: int = ADMIN) -> list[Shown]:
        return [shown for shown in self.log[mark:] if shown.chat_id == chat_id]

    async def say(self, text: str, user_id: int = ADMIN, chat_id: int | None = None) -> str:
        name = NAMES.get(user_id, "U")
        await self.harness.message(text, user_id=user_id, chat_id=chat_id, name=name)
        return self.text(chat_id or user_id)

    async def send_photo(self, caption: str, user_id: int = ADMIN) -> str:
        await self.harness.feed({
            "message": {
                "message_id": next(self.harness.ids), "date": 1767225600,
                "chat": {"id": user_id, "type": "private", "first_name": "U"},
                "from": {"id": user_id, "is_bot": False, "first_name": "U", "language_code": "zh"},
                "photo": [{"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
                          {"file_id": "big", "file_unique_id": "b", "width": 900, "height": 900}],
                "caption": caption,
            }
        })  # fmt: skip
        return self.text(user_id)

    async def press(self, data: str, user_id: int = ADMIN, chat_id: int | None = None) -> str:
        await self.harness.press(data, user_id=user_id, chat_id=chat_id or user_id)
        return self.text(chat_id or user_id)

    async def tap(self, label: str, user_id: int = ADMIN) -> str:
        """Press the button labelled `label` on the last thing shown to the user."""
        return await self.press(self.data(label, user_id), user_id)

    def alert(self) -> str | None:
        return self.harness.alerts()[-1]


async def _add_group(session, chat_id: int, title: str, kind: str, admin_ids, now) -> None:
    await groups.register(
        session, chat_id=chat_id, title=title, default_timezone="Asia/Shanghai",
        default_language="zh", now=now,
    )  # fmt: skip
    await groups.configure(session, chat_id, now=now, kind=kind)
    for user_id in admin_ids:
        await _member(session, chat_id, user_id, MemberRole.ADMIN, now)


async def _member(session, chat_id: int, user_id: int, role: MemberRole, now) -> None:
    profile = TelegramProfile(id=user_id, first_name=NAMES.get(user_id, "U"))
    await admins.record_member_status(
        session, chat_id, profile, status=MemberStatus.ACTIVE, role=role, now=now
    )


@pytest.fixture
async def harness(session_factory, clock) -> AsyncIterator[Harness]:
    scripted = ScriptedSession()
    scripted.answers["GetMe"] = {
        "id": BOT_ID, "is_bot": True, "first_name": "Organizer", "username": "organizer_bot",
    }  # fmt: skip
    harness = build_harness(session_factory, clock, scripted=scripted)
    async with session_factory() as session:
        now = clock.now()
        await _add_group(session, PROJECT, "项目一组", "project", [ADMIN], now)
        await _add_group(session, SERVICE, "学员服务群", "student_service", [ADMIN], now)
        await _add_group(session, INDUSTRY, "行业交流群", "industry_exchange", [OTHER_ADMIN], now)
        await _member(session, PROJECT, MEMBER, MemberRole.MEMBER, now)
        await session.commit()
    yield harness


@pytest.fixture
def chat(harness: Harness) -> Chat:
    return Chat(harness)


def keyboard_data(keyboard: Keyboard | None) -> list[str]:
    return [button.callback_data or "" for row in keyboard or () for button in row]
