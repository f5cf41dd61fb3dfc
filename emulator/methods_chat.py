"""Reading chats and members, leaving, pinning, chat-wide permissions."""

from __future__ import annotations

from typing import Any

from .access import (
    can_pin,
    chat_for_bot,
    live_message,
    require_admin_right,
    target_member,
)
from .errors import bad_request
from .registry import CallContext, api_method
from .serialize import chat_full_json, member_json, message_json, user_json
from .state import CHAT_PERMISSIONS, EmuChat
from .validation import Params

PIN_RIGHTS_ERROR = "not enough rights to manage pinned messages in the chat"


@api_method("getChat")
async def get_chat(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    return chat_full_json(ctx.core, chat)


@api_method("getChatMember")
async def get_chat_member(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    user_id = params.get_int("user_id", required=True)
    assert user_id is not None
    return member_json(target_member(chat, user_id, ctx.core), ctx.bot.id)


@api_method("getChatAdministrators")
async def get_chat_administrators(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    if chat.is_private:
        raise bad_request("there are no administrators in the private chat")
    return [member_json(m, ctx.bot.id) for m in chat.members.values() if m.is_admin]


@api_method("getChatMemberCount", "getChatMembersCount")
async def get_chat_member_count(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    return sum(1 for member in chat.members.values() if member.is_present)


@api_method("leaveChat")
async def leave_chat(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    if chat.is_private:
        raise bad_request("chat member status can't be changed in private chats")
    ctx.core.set_member(chat, ctx.bot.user, "left", actor=ctx.bot.user)
    ctx.core.add_message(chat, ctx.bot.user, service={"left_chat_member": _me(ctx)})
    return True


def _me(ctx: CallContext) -> dict[str, Any]:
    return user_json(ctx.bot.user)


def _pinnable_chat(ctx: CallContext, params: Params) -> EmuChat:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    if not can_pin(chat, ctx.bot):
        raise bad_request(PIN_RIGHTS_ERROR)
    return chat


@api_method("pinChatMessage")
async def pin_chat_message(ctx: CallContext, params: Params) -> Any:
    chat = _pinnable_chat(ctx, params)
    message = live_message(chat, params.get_int("message_id"), "message to pin not found")
    message.pinned = True
    # Telegram announces a pin with a service message from whoever pinned.
    ctx.core.add_message(
        chat, ctx.bot.user, service={"pinned_message": message_json(ctx.core, message)}
    )
    return True


@api_method("unpinChatMessage")
async def unpin_chat_message(ctx: CallContext, params: Params) -> Any:
    chat = _pinnable_chat(ctx, params)
    message_id = params.get_int("message_id")
    if message_id is None:  # the most recently pinned one
        pinned = [m for m in chat.messages if m.pinned and not m.deleted]
        message_id = pinned[-1].message_id if pinned else None
    message = live_message(chat, message_id, "message to unpin not found")
    message.pinned = False
    ctx.core.notify_changed()
    return True


@api_method("unpinAllChatMessages")
async def unpin_all_chat_messages(ctx: CallContext, params: Params) -> Any:
    chat = _pinnable_chat(ctx, params)
    for message in chat.messages:
        message.pinned = False
    ctx.core.notify_changed()
    return True


@api_method("setChatPermissions")
async def set_chat_permissions(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    require_admin_right(
        chat,
        ctx.bot,
        "can_restrict_members",
        bad_request("not enough rights to change chat permissions"),
    )
    permissions = params.get_json("permissions")
    if not isinstance(permissions, dict):
        raise bad_request("can't parse permissions JSON object")
    chat.permissions = {name: bool(permissions.get(name, False)) for name in CHAT_PERMISSIONS}
    return True


@api_method("setChatTitle")
async def set_chat_title(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    require_admin_right(
        chat, ctx.bot, "can_change_info", bad_request("not enough rights to change chat title")
    )
    title = (params.get_str("title") or "").strip()
    if not title or len(title) > 128:
        raise bad_request("chat title is empty" if not title else "chat title is too long")
    chat.title = title
    ctx.core.add_message(chat, ctx.bot.user, service={"new_chat_title": title})
    return True
