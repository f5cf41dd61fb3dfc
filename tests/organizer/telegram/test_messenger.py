"""TelegramMessenger against a real aiogram Bot: requests built and errors translated."""

from __future__ import annotations

import pytest
from aiogram.methods import (
    DeleteMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    SendDocument,
    SendMessage,
)
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
)

from organizer.messenger import (
    Button,
    ChatMigrated,
    Document,
    MessageNotFound,
    OutboundText,
    ParseMode,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
    SentMessage,
    keyboard,
)
from organizer.telegram.messenger import TelegramMessenger
from tests.organizer.telegram.scripted_bot import (
    MessengerHarness,
    RecordingLimiter,
    error,
    scripted_bot,
)

USER = 7001
GROUP = -100500
TOO_MANY = "Too Many Requests: retry after 3"


async def test_send_text_builds_the_message_and_takes_a_rate_limit_slot(
    h: MessengerHarness,
) -> None:
    sent = await h.messenger.send_text(
        OutboundText(
            chat_id=GROUP,
            text="<b>Seminar</b> tomorrow",
            keyboard=keyboard(
                [Button("Going", callback_data="rsvp:1:go"), Button("Maybe", callback_data="m")],
                [Button("Agenda", url="https://example.org/agenda")],
            ),
            reply_to_message_id=42,
            protect_content=True,
            disable_notification=True,
            priority=Priority.BULK,
        )
    )

    assert sent == SentMessage(chat_id=GROUP, message_id=500)
    assert h.limiter.acquired == [(GROUP, Priority.BULK)]
    [method] = h.requests
    assert isinstance(method, SendMessage)
    assert (method.chat_id, method.text, method.parse_mode) == (
        GROUP,
        "<b>Seminar</b> tomorrow",
        "HTML",
    )
    assert isinstance(method.reply_markup, InlineKeyboardMarkup)
    assert method.reply_markup.inline_keyboard == [
        [
            InlineKeyboardButton(text="Going", callback_data="rsvp:1:go"),
            InlineKeyboardButton(text="Maybe", callback_data="m"),
        ],
        [InlineKeyboardButton(text="Agenda", url="https://example.org/agenda")],
    ]
    assert method.reply_parameters == ReplyParameters(
        message_id=42, allow_sending_without_reply=True
    )
    assert method.protect_content is True
    assert method.disable_notification is True


async def test_plain_text_overrides_the_bots_html_default(h: MessengerHarness) -> None:
    await h.messenger.send_text(
        OutboundText(chat_id=USER, text="1 < 2", parse_mode=ParseMode.PLAIN)
    )
    await h.messenger.edit_text(USER, 9, "a <b> c", parse_mode=ParseMode.PLAIN)

    for method in h.requests:
        assert method.parse_mode is None
        assert h.wire_value(method.parse_mode) is None
    # Without the override the bot's default would apply:
    assert h.wire_value(SendMessage(chat_id=USER, text="x").parse_mode) == "HTML"


async def test_extra_fields_reach_the_bot_api(h: MessengerHarness) -> None:
    await h.messenger.send_text(
        OutboundText(chat_id=GROUP, text="hi", extra={"message_thread_id": 5})
    )

    assert h.requests[0].message_thread_id == 5


async def test_blocked_user_is_unreachable_and_reported(h: MessengerHarness) -> None:
    h.session.then(error(403, "Forbidden: bot was blocked by the user"))

    with pytest.raises(RecipientUnreachable) as raised:
        await h.messenger.send_text(OutboundText(chat_id=USER, text="reminder"))

    assert raised.value.chat_id == USER
    assert h.unreachable == [(USER, "Forbidden: bot was blocked by the user")]
    assert len(h.requests) == 1  # not retried


async def test_user_who_never_started_the_bot_is_unreachable(h: MessengerHarness) -> None:
    h.session.then(error(400, "Bad Request: chat not found"))

    with pytest.raises(RecipientUnreachable):
        await h.messenger.send_document(USER, Document("a.ics", b"BEGIN:VCALENDAR"))

    assert h.unreachable == [(USER, "Bad Request: chat not found")]


async def test_group_that_removed_the_bot_is_unreachable_but_not_reported_as_a_user(
    h: MessengerHarness,
) -> None:
    h.session.then(error(403, "Forbidden: bot was kicked from the supergroup chat"))

    with pytest.raises(RecipientUnreachable) as raised:
        await h.messenger.send_text(OutboundText(chat_id=GROUP, text="notice"))

    assert raised.value.chat_id == GROUP
    assert h.unreachable == []


async def test_failing_unreachable_callback_does_not_hide_the_failure() -> None:
    async def broken(user_id: int, reason: str) -> None:
        raise RuntimeError("database down")

    bot, session = scripted_bot()
    messenger = TelegramMessenger(bot, RecordingLimiter(), on_unreachable=broken)
    session.then(error(403, "Forbidden: bot can't initiate conversation with a user"))

    with pytest.raises(RecipientUnreachable):
        await messenger.send_text(OutboundText(chat_id=USER, text="hi"))


@pytest.mark.parametrize(
    "description",
    [
        "Bad Request: not enough rights to send text messages to the chat",
        "Bad Request: have no rights to send a message",
    ],
)
async def test_missing_send_rights_are_reported(h: MessengerHarness, description: str) -> None:
    h.session.then(error(400, description))

    with pytest.raises(PermissionMissing) as raised:
        await h.messenger.send_text(OutboundText(chat_id=GROUP, text="notice"))

    assert (raised.value.chat_id, raised.value.reason) == (GROUP, description)


async def test_undeletable_message_is_a_missing_permission(h: MessengerHarness) -> None:
    h.session.then(error(400, "Bad Request: message can't be deleted"))

    with pytest.raises(PermissionMissing):
        await h.messenger.delete(GROUP, 77)


async def test_delete_does_not_count_against_the_rate_limits(h: MessengerHarness) -> None:
    assert await h.messenger.delete(GROUP, 77) is True

    [method] = h.requests
    assert isinstance(method, DeleteMessage)
    assert (method.chat_id, method.message_id) == (GROUP, 77)
    assert h.limiter.acquired == []


async def test_deleting_a_message_that_is_gone_returns_false(h: MessengerHarness) -> None:
    h.session.then(error(400, "Bad Request: message to delete not found"))

    assert await h.messenger.delete(GROUP, 77) is False


async def test_edit_that_changes_nothing_is_not_an_error(h: MessengerHarness) -> None:
    h.session.then(
        error(
            400,
            "Bad Request: message is not modified: specified new message content and"
            " reply markup are exactly the same as a current content and reply markup",
        ),
        error(400, "Bad Request: message is not modified"),
    )

    await h.messenger.edit_text(GROUP, 10, "Going: 3")
    await h.messenger.edit_keyboard(GROUP, 10, keyboard([Button("Going", callback_data="g")]))

    assert [type(m) for m in h.requests] == [EditMessageText, EditMessageReplyMarkup]
    assert h.limiter.acquired == [(GROUP, Priority.INTERACTIVE)] * 2


async def test_editing_a_message_that_is_gone_fails(h: MessengerHarness) -> None:
    h.session.then(error(400, "Bad Request: message to edit not found"))

    with pytest.raises(MessageNotFound):
        await h.messenger.edit_text(GROUP, 10, "Going: 3")


async def test_edit_sends_text_and_keyboard(h: MessengerHarness) -> None:
    await h.messenger.edit_text(
        USER, 11, "<i>updated</i>", keyboard=keyboard([Button("Open", url="https://x.org")])
    )
    await h.messenger.edit_keyboard(USER, 11, None)

    edit_text, edit_markup = h.requests
    assert (edit_text.chat_id, edit_text.message_id, edit_text.text) == (USER, 11, "<i>updated</i>")
    assert edit_text.parse_mode == "HTML"
    assert edit_text.reply_markup.inline_keyboard[0][0].url == "https://x.org"
    assert edit_markup.reply_markup is None  # removes the keyboard


async def test_send_document_uploads_the_bytes(h: MessengerHarness) -> None:
    sent = await h.messenger.send_document(
        GROUP,
        Document("export.csv", b"name,score\n", caption="<b>Scores</b>"),
        priority=Priority.BULK,
        protect_content=True,
    )

    assert sent == SentMessage(GROUP, 500)
    assert h.limiter.acquired == [(GROUP, Priority.BULK)]
    [method] = h.requests
    assert isinstance(method, SendDocument)
    assert isinstance(method.document, BufferedInputFile)
    assert (method.document.filename, method.document.data) == ("export.csv", b"name,score\n")
    assert (method.caption, method.parse_mode, method.protect_content) == (
        "<b>Scores</b>",
        "HTML",
        True,
    )


async def test_group_that_became_a_supergroup_reports_its_new_id(h: MessengerHarness) -> None:
    h.session.then(
        (
            400,
            {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: group chat was upgraded to a supergroup chat",
                "parameters": {"migrate_to_chat_id": -1001234567},
            },
        )
    )

    with pytest.raises(ChatMigrated) as raised:
        await h.messenger.send_text(OutboundText(chat_id=-4500, text="notice"))

    assert (raised.value.chat_id, raised.value.new_chat_id) == (-4500, -1001234567)
