"""Member management, pins, links, commands: rights checked as Telegram checks them."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberRestricted,
    ChatPermissions,
)

from emulator import TelegramEmulator

from .conftest import World, make_world


async def test_restrict_and_ban_need_can_restrict_members(emu: TelegramEmulator) -> None:
    world = await make_world(emu, can_restrict_members=False)
    bot = emu.aiogram_bot(world.bot_user)
    try:
        with pytest.raises(TelegramBadRequest, match="not enough rights to restrict/unrestrict"):
            await bot.restrict_chat_member(
                world.group.id, world.bob.id, ChatPermissions(can_send_messages=False)
            )
        with pytest.raises(TelegramBadRequest, match="not enough rights to restrict/unrestrict"):
            await bot.ban_chat_member(world.group.id, world.bob.id)
    finally:
        await bot.session.close()
    assert world.group.status_of(world.bob.id) == "member"


async def test_restrict_ban_unban_change_member_status(world: World, bot: Bot) -> None:
    group, bob = world.group, world.bob
    await bot.restrict_chat_member(group.id, bob.id, ChatPermissions(can_send_messages=False))
    restricted = await bot.get_chat_member(group.id, bob.id)
    assert isinstance(restricted, ChatMemberRestricted)
    assert restricted.is_member and not restricted.can_send_messages
    await bot.ban_chat_member(group.id, bob.id)
    banned = await bot.get_chat_member(group.id, bob.id)
    assert isinstance(banned, ChatMemberBanned)
    assert await bot.get_chat_member_count(group.id) == 2  # Alice and the bot
    await bot.unban_chat_member(group.id, bob.id, only_if_banned=True)
    assert (await bot.get_chat_member(group.id, bob.id)).status == "left"
    with pytest.raises(TelegramBadRequest, match="can't remove chat owner"):
        await bot.ban_chat_member(group.id, world.alice.id)


async def test_promote_within_the_bots_own_rights(world: World, bot: Bot) -> None:
    await bot.promote_chat_member(world.group.id, world.bob.id, can_pin_messages=True)
    member = await bot.get_chat_member(world.group.id, world.bob.id)
    assert isinstance(member, ChatMemberAdministrator)
    assert member.can_pin_messages and not member.can_delete_messages and member.can_be_edited
    admins = await bot.get_chat_administrators(world.group.id)
    assert {a.user.id for a in admins} == {world.alice.id, world.bot_user.id, world.bob.id}


async def test_pinning_needs_can_pin_messages(emu: TelegramEmulator) -> None:
    world = await make_world(emu, can_pin_messages=False)
    bot = emu.aiogram_bot(world.bot_user)
    try:
        sent = await bot.send_message(world.group.id, "rules")
        with pytest.raises(TelegramBadRequest, match="not enough rights to manage pinned"):
            await bot.pin_chat_message(world.group.id, sent.message_id)
        emu.promote(world.group, world.bot_user)  # now with every right
        await bot.pin_chat_message(world.group.id, sent.message_id)
        chat = await bot.get_chat(world.group.id)
    finally:
        await bot.session.close()
    assert chat.pinned_message is not None and chat.pinned_message.message_id == sent.message_id
    assert emu.bot_messages(world.group)[0].pinned


async def test_invite_links_create_revoke_export(world: World, bot: Bot) -> None:
    link = await bot.create_chat_invite_link(world.group.id, name="cohort 1", member_limit=10)
    assert (link.name, link.member_limit, link.is_revoked) == ("cohort 1", 10, False)
    revoked = await bot.revoke_chat_invite_link(world.group.id, link.invite_link)
    assert revoked.is_revoked
    primary = await bot.export_chat_invite_link(world.group.id)
    assert primary.startswith("https://t.me/+") and primary != link.invite_link
    with pytest.raises(TelegramBadRequest, match="administrator approval"):
        await bot.create_chat_invite_link(world.group.id, member_limit=5, creates_join_request=True)


async def test_leave_chat_sends_my_chat_member_and_closes_the_chat(world: World, bot: Bot) -> None:
    await bot.get_updates(timeout=0)
    assert await bot.leave_chat(world.group.id)
    updates = await bot.get_updates(timeout=0, offset=-1)
    assert updates[-1].my_chat_member is not None
    assert updates[-1].my_chat_member.new_chat_member.status == "left"
    with pytest.raises(TelegramForbiddenError, match="bot is not a member"):
        await bot.send_message(world.group.id, "hello?")


async def test_commands_are_kept_per_scope_and_language(world: World, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    await bot.set_my_commands(
        [BotCommand(command="setup", description="设置")],
        scope=BotCommandScopeAllGroupChats(),
        language_code="zh",
    )
    await bot.set_my_commands(
        [BotCommand(command="report", description="Report")],
        scope=BotCommandScopeChat(chat_id=world.group.id),
    )
    default = await bot.get_my_commands()
    assert [c.command for c in default] == ["start"]
    zh_groups = await bot.get_my_commands(scope=BotCommandScopeAllGroupChats(), language_code="zh")
    assert [(c.command, c.description) for c in zh_groups] == [("setup", "设置")]
    assert await bot.get_my_commands(scope=BotCommandScopeAllGroupChats()) == []
    visible = world.emu.visible_commands(world.bot_user, world.alice, world.group)
    assert [c["command"] for c in visible] == ["report"]
    await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=world.group.id))
    visible = world.emu.visible_commands(world.bot_user, world.alice, world.group)
    assert [c["command"] for c in visible] == ["setup"]  # Alice's language is zh
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad-Name", description="x")])
