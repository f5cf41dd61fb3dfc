"""TelegramMessenger.send_media and .pin: the requests built, limits taken, errors mapped."""

from __future__ import annotations

import pytest
from aiogram.methods import PinChatMessage, SendDocument, SendPhoto

from organizer.messenger import (
    Button,
    MessageNotFound,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
    SentMessage,
    keyboard,
)
from tests.organizer.telegram.scripted_bot import MessengerHarness, error

GROUP = -100500


@pytest.fixture
def h() -> MessengerHarness:
    return MessengerHarness()


async def test_send_photo_by_file_id(h: MessengerHarness) -> None:
    sent = await h.messenger.send_media(
        GROUP, "photo", "AgACfile", caption="<b>海报</b>", protect_content=True,
        keyboard=keyboard([Button("✅", callback_data="v1na:1")]),
    )  # fmt: skip
    assert sent == SentMessage(GROUP, 500)
    assert h.limiter.acquired == [(GROUP, Priority.BULK)]
    [method] = h.requests
    assert isinstance(method, SendPhoto)
    assert (method.photo, method.caption, method.parse_mode, method.protect_content) == (
        "AgACfile", "<b>海报</b>", "HTML", True,
    )  # fmt: skip
    assert method.reply_markup is not None


async def test_send_document_without_caption(h: MessengerHarness) -> None:
    await h.messenger.send_media(GROUP, "document", "BQACfile")
    [method] = h.requests
    assert isinstance(method, SendDocument)
    assert (method.document, method.caption, method.reply_markup) == ("BQACfile", None, None)


async def test_unknown_media_kind_is_a_programming_error(h: MessengerHarness) -> None:
    with pytest.raises(ValueError, match="video"):
        await h.messenger.send_media(GROUP, "video", "x")


async def test_send_media_maps_errors_like_send_text(h: MessengerHarness) -> None:
    h.session.then(error(403, "Forbidden: bot was kicked from the supergroup chat"))
    with pytest.raises(RecipientUnreachable):
        await h.messenger.send_media(GROUP, "photo", "AgACfile")


async def test_pin(h: MessengerHarness) -> None:
    h.session.then((200, {"ok": True, "result": True}))
    await h.messenger.pin(GROUP, 77)
    [method] = h.requests
    assert isinstance(method, PinChatMessage)
    assert (method.chat_id, method.message_id, method.disable_notification) == (GROUP, 77, True)
    assert h.limiter.acquired == [(GROUP, Priority.BULK)]


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Bad Request: not enough rights to manage pinned messages in the chat", PermissionMissing),
        ("Bad Request: message to pin not found", MessageNotFound),
    ],
)
async def test_pin_errors(h: MessengerHarness, description: str, expected: type) -> None:
    h.session.then(error(400, description))
    with pytest.raises(expected):
        await h.messenger.pin(GROUP, 77, notify=True)
