"""Updates reaching a real aiogram Bot: long polling, callbacks, join requests, a Dispatcher."""

from __future__ import annotations

import asyncio

import pytest
from aiogram import Bot, Dispatcher, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import (
    CallbackQuery,
    ChatMemberMember,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from emulator import EmulatorUsageError, TelegramEmulator

from .conftest import World, make_world


async def drain(bot: Bot) -> int:
    """Confirm everything queued so far; returns the next offset."""
    updates = await bot.get_updates(timeout=0)
    return updates[-1].update_id + 1 if updates else 0


async def test_long_poll_wakes_on_a_new_message(world: World, bot: Bot) -> None:
    offset = await drain(bot)
    poll = asyncio.create_task(bot.get_updates(offset=offset, timeout=10))
    await world.emu.wait_until_polling(world.bot_user)  # the poll is waiting, empty-handed
    sent = await world.emu.send_message(world.bob, world.group, "/setup@organizer_bot now")
    updates = await asyncio.wait_for(poll, 5)
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None and message.text == "/setup@organizer_bot now"
    assert message.message_id == sent.message_id and message.from_user.id == world.bob.id
    assert message.entities is not None
    assert (message.entities[0].type, message.entities[0].offset) == ("bot_command", 0)
    assert message.entities[0].length == len("/setup@organizer_bot")
    # Confirmed by the next offset: nothing left.
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == []


async def test_chat_member_updates_only_when_allowed(world: World, bot: Bot) -> None:
    emu = world.emu
    offset = await drain(bot)
    carol = emu.create_user("Carol")
    await emu.join(carol, world.group)
    default = await bot.get_updates(offset=offset, timeout=0)
    assert [u.event_type for u in default] == ["message"]
    assert default[0].message is not None
    assert default[0].message.new_chat_members[0].id == carol.id

    offset = default[-1].update_id + 1
    await bot.get_updates(offset=offset, timeout=0, allowed_updates=["message", "chat_member"])
    dave = emu.create_user("Dave")
    await emu.join(dave, world.group)
    await emu.leave(dave, world.group)
    updates = await bot.get_updates(offset=offset, timeout=0)
    kinds = [u.event_type for u in updates]
    assert kinds == ["chat_member", "message", "chat_member", "message"]
    joined = updates[0].chat_member
    assert joined is not None and joined.new_chat_member.status == "member"
    assert joined.old_chat_member.status == "left" and joined.from_user.id == dave.id
    assert updates[3].message is not None and updates[3].message.left_chat_member.id == dave.id


async def test_press_button_sends_callback_query_and_records_answer(world: World, bot: Bot) -> None:
    emu = world.emu
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="签到 ✅", callback_data="checkin:7")]]
    )
    sent = await bot.send_message(world.group.id, "Check in", reply_markup=markup)
    offset = await drain(bot)
    stored = emu.bot_messages(world.group)[0]
    with pytest.raises(EmulatorUsageError, match=r"签到 ✅"):
        await emu.press_button(world.bob, stored, "Checkin")
    pressed = await emu.press_button(world.bob, stored, "签到 ✅")
    updates = await bot.get_updates(offset=offset, timeout=0)
    query = updates[0].callback_query
    assert query is not None and query.id == pressed.id and query.data == "checkin:7"
    assert query.from_user.id == world.bob.id and query.chat_instance
    assert query.message is not None and query.message.message_id == sent.message_id
    assert not pressed.answered
    await bot.answer_callback_query(query.id, text="Checked in", show_alert=True)
    answer = await pressed.answer(timeout=1)
    assert (answer.text, answer.show_alert, answer["text"]) == ("Checked in", True, "Checked in")
    assert answer.get("show_alert") is True and answer.get("nope") is None
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id, text="again")


async def test_join_request_lets_bot_write_and_approve(world: World, bot: Bot) -> None:
    emu = world.emu
    link = await bot.create_chat_invite_link(world.group.id, creates_join_request=True)
    assert link.invite_link.startswith("https://t.me/+") and link.creates_join_request
    offset = await drain(bot)
    erin = emu.create_user("Erin", language_code="zh")
    await emu.request_join(erin, world.group, invite_link=link.invite_link)
    updates = await bot.get_updates(offset=offset, timeout=0)
    request = updates[0].chat_join_request
    assert request is not None and request.user_chat_id == erin.id
    assert request.invite_link is not None and request.invite_link.invite_link == link.invite_link
    # A pending request opens the private chat although Erin never started the bot.
    await bot.send_message(request.user_chat_id, "Please read the charter first")
    assert await bot.approve_chat_join_request(world.group.id, erin.id)
    member = await bot.get_chat_member(world.group.id, erin.id)
    assert isinstance(member, ChatMemberMember)
    with pytest.raises(TelegramBadRequest, match="HIDE_REQUESTER_MISSING"):
        await bot.decline_chat_join_request(world.group.id, erin.id)


async def test_invite_rights_are_required(emu: TelegramEmulator) -> None:
    world = await make_world(emu, can_invite_users=False)
    bot = emu.aiogram_bot(world.bot_user)
    try:
        frank = emu.create_user("Frank")
        await emu.request_join(frank, world.group)
        with pytest.raises(TelegramBadRequest, match="not enough rights to manage chat invite"):
            await bot.approve_chat_join_request(world.group.id, frank.id)
        with pytest.raises(TelegramBadRequest, match="not enough rights to manage chat invite"):
            await bot.create_chat_invite_link(world.group.id)
        # Without can_invite_users the bot is not told about join requests at all.
        updates = await bot.get_updates(timeout=0)
        assert "chat_join_request" not in [u.event_type for u in updates]
    finally:
        await bot.session.close()


async def test_dispatcher_polling_replies_and_stops_cleanly(world: World, bot: Bot) -> None:
    emu = world.emu
    dp = Dispatcher()

    @dp.message(Command("ping"))
    async def ping(message: Message) -> None:
        await message.answer(f"pong, {message.from_user.first_name}")

    @dp.callback_query(F.data == "hi")
    async def hello(query: CallbackQuery) -> None:
        await query.answer("hello!")

    await emu.send_message(world.alice, world.bot_user, "/start")
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=5))
    try:
        await emu.wait_until_polling(world.bot_user)
        sent = await emu.send_message(world.alice, world.group, "/ping@organizer_bot")
        reply = await emu.wait_for_message(world.group, text_contains="pong", after=sent.message_id)
        assert reply.text == "pong, Alice"
        menu = await bot.send_message(
            world.alice.id,
            "menu",
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[[InlineKeyboardButton(text="Hi", callback_data="hi")]]
            ),
        )
        stored = emu.message(world.alice, menu.message_id)
        pressed = await emu.press_button(world.alice, stored, "Hi")
        assert (await pressed.answer()).text == "hello!"
    finally:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 5)
    assert polling.done() and polling.exception() is None
