"""Changing members: restrict, ban, unban, promote."""

from __future__ import annotations

from typing import Any

from .access import chat_for_bot, require_admin_right, target_member
from .errors import bad_request
from .registry import CallContext, api_method
from .serialize import user_json
from .state import ADMIN_RIGHTS, CHAT_PERMISSIONS, EmuChat, EmuMember
from .validation import Params

RESTRICT_RIGHTS_ERROR = "not enough rights to restrict/unrestrict chat member"


def _chat_and_target(
    ctx: CallContext, params: Params, right: str, rights_error: str
) -> tuple[EmuChat, EmuMember]:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    require_admin_right(chat, ctx.bot, right, bad_request(rights_error))
    user_id = params.get_int("user_id", required=True)
    assert user_id is not None
    return chat, target_member(chat, user_id, ctx.core)


def _refuse_admin_targets(ctx: CallContext, target: EmuMember, action: str) -> None:
    if target.user.id == ctx.bot.id:
        raise bad_request(f"can't {action} self")
    if target.status == "creator":
        raise bad_request("can't remove chat owner")
    if target.status == "administrator":
        raise bad_request("user is an administrator of the chat")


@api_method("restrictChatMember")
async def restrict_chat_member(ctx: CallContext, params: Params) -> Any:
    chat, target = _chat_and_target(ctx, params, "can_restrict_members", RESTRICT_RIGHTS_ERROR)
    _refuse_admin_targets(ctx, target, "restrict")
    permissions = params.get_json("permissions")
    if not isinstance(permissions, dict):
        raise bad_request("can't parse permissions JSON object")
    granted = {name: bool(permissions.get(name, False)) for name in CHAT_PERMISSIONS}
    until = params.get_int("until_date") or 0
    present = target.is_present
    if all(granted.values()):  # lifting every restriction makes a plain member again
        status = "member" if present else "left"
        ctx.core.set_member(chat, target.user, status, actor=ctx.bot.user)
    else:
        ctx.core.set_member(
            chat,
            target.user,
            "restricted",
            actor=ctx.bot.user,
            permissions=granted,
            until_date=until,
            is_member=present,
        )
    return True


@api_method("banChatMember", "kickChatMember")
async def ban_chat_member(ctx: CallContext, params: Params) -> Any:
    chat, target = _chat_and_target(ctx, params, "can_restrict_members", RESTRICT_RIGHTS_ERROR)
    _refuse_admin_targets(ctx, target, "remove")
    was_present = target.is_present
    until = params.get_int("until_date") or 0
    ctx.core.set_member(chat, target.user, "kicked", actor=ctx.bot.user, until_date=until)
    if params.get_bool("revoke_messages"):
        for message in chat.messages:
            if message.from_id == target.user.id:
                message.deleted = True
    if was_present:
        ctx.core.add_message(
            chat, ctx.bot.user, service={"left_chat_member": user_json(target.user)}
        )
    return True


@api_method("unbanChatMember")
async def unban_chat_member(ctx: CallContext, params: Params) -> Any:
    chat, target = _chat_and_target(ctx, params, "can_restrict_members", RESTRICT_RIGHTS_ERROR)
    if target.status == "kicked":
        ctx.core.set_member(chat, target.user, "left", actor=ctx.bot.user)
    elif target.is_present and not params.get_bool("only_if_banned"):
        # Without only_if_banned, "unban" of a member removes them (Bot API docs).
        _refuse_admin_targets(ctx, target, "remove")
        ctx.core.set_member(chat, target.user, "left", actor=ctx.bot.user)
    return True


@api_method("promoteChatMember")
async def promote_chat_member(ctx: CallContext, params: Params) -> Any:
    chat, target = _chat_and_target(ctx, params, "can_promote_members", "not enough rights")
    bot_member = chat.member(ctx.bot.id)
    assert bot_member is not None
    if target.status == "creator":
        raise bad_request("can't change chat owner rights")
    if target.status == "administrator" and target.promoted_by != ctx.bot.id:
        raise bad_request("CHAT_ADMIN_REQUIRED")
    if not target.is_present:
        raise bad_request("user not found")
    wanted = {right: params.get_bool(right) for right in ADMIN_RIGHTS}
    if any(value and not bot_member.right(right) for right, value in wanted.items()):
        raise bad_request("RIGHT_FORBIDDEN")
    if any(wanted.values()):
        wanted["can_manage_chat"] = True  # implied by any other right
        ctx.core.set_member(chat, target.user, "administrator", actor=ctx.bot.user, rights=wanted)
    elif target.status == "administrator":
        ctx.core.set_member(chat, target.user, "member", actor=ctx.bot.user)
    return True


@api_method("setChatAdministratorCustomTitle")
async def set_custom_title(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    user_id = params.get_int("user_id", required=True)
    assert user_id is not None
    target = target_member(chat, user_id, ctx.core)
    if target.status != "administrator" or target.promoted_by != ctx.bot.id:
        raise bad_request("CHAT_ADMIN_REQUIRED")
    title = params.get_str("custom_title") or ""
    if len(title) > 16:
        raise bad_request("ADMIN_RANK_INVALID")
    target.custom_title = title or None
    return True
