"""A real aiogram Bot sending, editing and deleting through the emulator."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from emulator import TelegramEmulator

from .conftest import TOKEN, World, make_world


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[list(buttons)])


async def test_get_me_with_an_unchanged_aiohttp_session(emu: TelegramEmulator) -> None:
    emu.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
    try:
        me = await bot.get_me()
    finally:
        await bot.session.close()
    assert (me.id, me.is_bot, me.username, me.first_name) == (
        123456789,
        True,
        "organizer_bot",
        "Organizer",
    )
    assert emu.calls[-1].method == "getMe" and emu.calls[-1].ok


async def test_send_message_to_group_is_stored_with_entities_and_buttons(
    world: World, bot: Bot
) -> None:
    sent = await bot.send_message(
        world.group.id,
        "<b>Hello</b> &amp; welcome",
        parse_mode="HTML",
        reply_markup=keyboard(
            InlineKeyboardButton(text="Join", callback_data="join:1"),
            InlineKeyboardButton(text="Charter", url="https://example.org/charter"),
        ),
    )
    assert sent.text == "Hello & welcome"
    assert sent.entities is not None and sent.entities[0].type == "bold"
    assert sent.chat.id == world.group.id and sent.from_user is not None
    stored = world.emu.bot_messages(world.group)
    assert [m.message_id for m in stored] == [sent.message_id]
    assert world.emu.messages(world.group)[-1] is stored[0]
    assert stored[0].text == "Hello & welcome"
    assert stored[0].buttons == ["Join", "Charter"]
    assert stored[0].parse_mode == "HTML"
    assert world.emu.calls[-1].params["reply_markup"]["inline_keyboard"][0][0]["text"] == "Join"
    mention = await bot.send_message(
        world.group.id, f'<a href="tg://user?id={world.bob.id}">Bob</a>, please', parse_mode="HTML"
    )
    assert mention.entities is not None and mention.entities[0].type == "text_mention"
    assert mention.entities[0].user is not None and mention.entities[0].user.id == world.bob.id


async def test_text_length_counts_visible_characters(world: World, bot: Bot) -> None:
    await bot.send_message(world.group.id, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(world.group.id, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(world.group.id, "   ")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(world.group.id, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag "br"'):
        await bot.send_message(world.group.id, "a<br>b", parse_mode="HTML")
    assert len(world.emu.bot_messages(world.group)) == 1


async def test_inline_buttons_are_validated(world: World, bot: Bot) -> None:
    await bot.send_message(
        world.group.id,
        "ok",
        reply_markup=keyboard(InlineKeyboardButton(text="A", callback_data="x" * 64)),
    )
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(
            world.group.id,
            "too long data",
            reply_markup=keyboard(InlineKeyboardButton(text="A", callback_data="é" * 33)),
        )
    with pytest.raises(TelegramBadRequest, match="Text buttons are unallowed"):
        await bot.send_message(
            world.group.id, "no action", reply_markup=keyboard(InlineKeyboardButton(text="A"))
        )
    with pytest.raises(TelegramBadRequest, match="Text must be non-empty"):
        await bot.send_message(
            world.group.id,
            "empty label",
            reply_markup=keyboard(InlineKeyboardButton(text="", callback_data="x")),
        )


async def test_blank_button_label_is_accepted_like_telegram(world: World, bot: Bot) -> None:
    """Regression: the date picker's blank calendar cells (" ") were refused by the emulator."""
    await bot.send_message(
        world.group.id,
        "calendar",
        reply_markup=keyboard(InlineKeyboardButton(text=" ", callback_data="noop")),
    )


async def test_private_chat_needs_start_and_respects_blocking(world: World, bot: Bot) -> None:
    emu, bob = world.emu, world.bob
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation"):
        await bot.send_message(bob.id, "hi")
    await emu.send_message(bob, world.bot_user, "/start")
    sent = await bot.send_message(bob.id, "welcome")
    assert sent.chat.type == "private" and sent.chat.id == bob.id
    assert [m.text for m in emu.bot_messages(bob)] == ["welcome"]
    offset = (await bot.get_updates(timeout=0))[-1].update_id + 1
    emu.block_bot(bob, world.bot_user)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(bob.id, "still there?")
    (blocked,) = await bot.get_updates(offset=offset, timeout=0)
    assert blocked.my_chat_member is not None and blocked.my_chat_member.chat.id == bob.id
    assert blocked.my_chat_member.new_chat_member.status == "kicked"
    await emu.send_message(bob, world.bot_user, "/start")  # restarting unblocks
    await bot.send_message(bob.id, "welcome back")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(-1009999999999, "nobody")


async def test_removed_bot_gets_403_and_restricted_bot_400(world: World, bot: Bot) -> None:
    emu = world.emu
    other = emu.create_group("Other", owner=world.alice)
    await emu.add_bot_to_group(world.bot_user, other, by=world.alice, admin=False)
    emu.restrict(other, world.bot_user, can_send_messages=False)
    with pytest.raises(TelegramBadRequest, match="not enough rights to send text messages"):
        await bot.send_message(other.id, "hello")
    await emu.remove_bot_from_group(world.bot_user, other, by=world.alice)
    with pytest.raises(TelegramForbiddenError, match="bot was kicked from the supergroup chat"):
        await bot.send_message(other.id, "hello")


async def test_delete_needs_rights_for_other_peoples_messages(emu: TelegramEmulator) -> None:
    world = await make_world(emu, can_delete_messages=False)
    bot = emu.aiogram_bot(world.bot_user)
    try:
        users_message = await emu.send_message(world.bob, world.group, "spam")
        with pytest.raises(TelegramBadRequest, match="message can't be deleted"):
            await bot.delete_message(world.group.id, users_message.message_id)
        own = await bot.send_message(world.group.id, "mine")
        assert await bot.delete_message(world.group.id, own.message_id) is True
        with pytest.raises(TelegramBadRequest, match="message to delete not found"):
            await bot.delete_message(world.group.id, own.message_id)
    finally:
        await bot.session.close()
    assert emu.messages(world.group)[-1].deleted
    assert not users_message.deleted


async def test_edits_follow_telegram_rules(world: World, bot: Bot) -> None:
    sent = await bot.send_message(
        world.group.id,
        "v1",
        reply_markup=keyboard(InlineKeyboardButton(text="A", callback_data="a")),
    )
    edited = await bot.edit_message_text("v2", chat_id=world.group.id, message_id=sent.message_id)
    assert edited.text == "v2" and edited.edit_date is not None
    stored = world.emu.bot_messages(world.group)[0]
    assert (stored.text, stored.edited, stored.reply_markup) == ("v2", 1, None)  # keyboard dropped
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("v2", chat_id=world.group.id, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("v3", chat_id=world.group.id, message_id=999)
    await bot.edit_message_reply_markup(
        chat_id=world.group.id,
        message_id=sent.message_id,
        reply_markup=keyboard(InlineKeyboardButton(text="B", callback_data="b")),
    )
    assert stored.buttons == ["B"] and stored.edited == 2
    users = await world.emu.send_message(world.bob, world.group, "mine")
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("hijack", chat_id=world.group.id, message_id=users.message_id)


async def test_wait_for_message_sees_replies_and_reports_transcript(world: World, bot: Bot) -> None:
    emu = world.emu
    question = await emu.send_message(world.bob, world.group, "when is the meeting?")
    await bot.send_message(world.group.id, "Monday", reply_to_message_id=question.message_id)
    reply = await emu.wait_for_message(
        world.group, text_contains="Monday", after=question.message_id
    )
    assert reply.reply_to_message_id == question.message_id
    with pytest.raises(AssertionError, match="when is the meeting") as failure:
        await emu.wait_for_message(world.group, text_contains="Tuesday", timeout=0.05)
    assert "Organizer [bot]: Monday" in str(failure.value)
