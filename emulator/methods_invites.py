"""Invite links and join requests; both need the bot to be an admin with can_invite_users."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from .access import chat_for_bot, require_admin_right
from .errors import bad_request
from .registry import CallContext, api_method
from .serialize import invite_link_json, user_json
from .state import EmuChat, EmuInviteLink
from .validation import Params

INVITE_RIGHTS_ERROR = "not enough rights to manage chat invite link"
MAX_LINK_NAME = 32
MEMBER_LIMIT_RANGE = (1, 99_999)


def _invite_chat(ctx: CallContext, params: Params) -> EmuChat:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    require_admin_right(chat, ctx.bot, "can_invite_users", bad_request(INVITE_RIGHTS_ERROR))
    return chat


def _fresh_link(ctx: CallContext, chat: EmuChat, *, primary: bool = False) -> EmuInviteLink:
    """A new link of the bot's, not yet registered in the chat."""
    digest = hashlib.sha256(f"{chat.id}:{ctx.core.next_serial()}".encode()).digest()
    code = base64.urlsafe_b64encode(digest).decode()[:16]
    return EmuInviteLink(f"https://t.me/+{code}", creator_id=ctx.bot.id, is_primary=primary)


def _register(chat: EmuChat, link: EmuInviteLink) -> EmuInviteLink:
    chat.invite_links[link.invite_link] = link
    return link


def _apply_link_options(link: EmuInviteLink, params: Params) -> None:
    name = params.get_str("name")
    if name is not None and len(name) > MAX_LINK_NAME:
        raise bad_request("invite link name is too long")
    member_limit = params.get_int("member_limit")
    creates_join_request = params.get_bool("creates_join_request", link.creates_join_request)
    if member_limit is not None:
        low, high = MEMBER_LIMIT_RANGE
        if not low <= member_limit <= high:
            raise bad_request("member limit must be between 1 and 99999")
        if creates_join_request:
            raise bad_request(
                "member limit can't be specified for links requiring administrator approval"
            )
    link.name = name if name is not None else link.name
    link.expire_date = params.get_int("expire_date") or link.expire_date
    link.member_limit = member_limit if member_limit is not None else link.member_limit
    link.creates_join_request = creates_join_request


def _existing_link(chat: EmuChat, params: Params) -> EmuInviteLink:
    link = chat.invite_links.get(params.get_str("invite_link", required=True) or "")
    if link is None:
        raise bad_request("INVITE_HASH_EXPIRED")
    return link


@api_method("createChatInviteLink")
async def create_chat_invite_link(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    link = _fresh_link(ctx, chat)
    _apply_link_options(link, params)
    return invite_link_json(ctx.core, chat, _register(chat, link))


@api_method("editChatInviteLink")
async def edit_chat_invite_link(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    link = _existing_link(chat, params)
    _apply_link_options(link, params)
    return invite_link_json(ctx.core, chat, link)


@api_method("revokeChatInviteLink")
async def revoke_chat_invite_link(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    link = _existing_link(chat, params)
    link.is_revoked = True
    if link.is_primary:  # revoking the primary link generates a new one
        link.is_primary = False
        _register(chat, _fresh_link(ctx, chat, primary=True))
    return invite_link_json(ctx.core, chat, link)


@api_method("exportChatInviteLink")
async def export_chat_invite_link(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    for link in chat.invite_links.values():
        if link.is_primary:
            link.is_primary, link.is_revoked = False, True
    return _register(chat, _fresh_link(ctx, chat, primary=True)).invite_link


@api_method("approveChatJoinRequest")
async def approve_chat_join_request(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    user_id = params.get_int("user_id", required=True)
    request = chat.join_requests.pop(user_id or 0, None)
    if request is None:
        raise bad_request("HIDE_REQUESTER_MISSING")
    member = chat.member(request.user.id)
    if member is not None and member.is_present:
        raise bad_request("USER_ALREADY_PARTICIPANT")
    ctx.core.set_member(
        chat,
        request.user,
        "member",
        actor=ctx.bot.user,
        invite_link=request.invite_link,
        via_join_request=True,
    )
    ctx.core.service_message(chat, request.user, new_chat_members=[user_json(request.user)])
    return True


@api_method("declineChatJoinRequest")
async def decline_chat_join_request(ctx: CallContext, params: Params) -> Any:
    chat = _invite_chat(ctx, params)
    user_id = params.get_int("user_id", required=True)
    if chat.join_requests.pop(user_id or 0, None) is None:
        raise bad_request("HIDE_REQUESTER_MISSING")
    return True
