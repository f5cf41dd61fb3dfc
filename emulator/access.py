"""Who may do what: the checks Telegram makes before a bot acts in a chat.

The descriptions are Telegram's own; bot code (and aiogram) tells errors apart by them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ApiError, bad_request, chat_not_found, forbidden
from .state import EmuChat, EmuMember, EmuMessage
from .updates import BotAccount

if TYPE_CHECKING:
    from .core import EmulatorCore

# How long a pending join request lets the bot write to the requester (Bot API: 5 minutes).
JOIN_REQUEST_CONTACT_SECONDS = 300

SEND_RIGHT_NOUNS = {
    "can_send_messages": "text messages",
    "can_send_documents": "documents",
    "can_send_photos": "photos",
    "can_send_polls": "polls",
}


def chat_for_bot(
    core: EmulatorCore, bot: BotAccount, ref: int | str, *, mode: str = "read"
) -> EmuChat:
    """The chat `ref` names, as far as this bot can reach it.

    Groups: a bot that was never in the chat cannot see it (chat not found); one that was
    removed or left gets 403. Private chats: the user must exist; to "send", the user must also
    have started the bot (or have a pending join request) and not have blocked it; to "edit",
    not have blocked it.
    """
    if isinstance(ref, str):
        group = core.group_by_username(ref)
        if group is None:
            raise chat_not_found()
        return _group_for_bot(group, bot)
    if ref < 0:
        group = core.groups.get(ref)
        if group is None:
            raise chat_not_found()
        return _group_for_bot(group, bot)
    user = core.users.get(ref)
    if user is None:
        raise chat_not_found()
    if user.id == bot.id:
        raise bad_request("chat not found")
    if mode == "send":
        _check_can_write_to(core, bot, ref)
    elif mode == "edit" and ref in bot.blocked_by:
        raise forbidden("bot was blocked by the user")
    return core.private_chat(bot.user, user)


def _group_for_bot(group: EmuChat, bot: BotAccount) -> EmuChat:
    member = group.member(bot.id)
    if member is None:
        raise chat_not_found()
    if member.status == "kicked":
        raise forbidden("bot was kicked from the supergroup chat")
    if not member.is_present:
        raise forbidden("bot is not a member of the supergroup chat")
    return group


def _check_can_write_to(core: EmulatorCore, bot: BotAccount, user_id: int) -> None:
    user = core.users[user_id]
    if user.is_bot:
        raise forbidden("bot can't send messages to bots")
    if user.deactivated:
        raise forbidden("user is deactivated")
    if user_id in bot.blocked_by:
        raise forbidden("bot was blocked by the user")
    if user_id in bot.started_by or _has_pending_join_request(core, bot, user_id):
        return
    raise forbidden("bot can't initiate conversation with a user")


def _has_pending_join_request(core: EmulatorCore, bot: BotAccount, user_id: int) -> bool:
    """A join request lets admins' bots write to the requester until it is handled."""
    for group in core.groups.values():
        request = group.join_requests.get(user_id)
        member = group.member(bot.id)
        if request is None or member is None or not member.right("can_invite_users"):
            continue
        if core.now() - request.date <= JOIN_REQUEST_CONTACT_SECONDS:
            return True
    return False


def require_send_right(chat: EmuChat, bot: BotAccount, right: str) -> None:
    """A bot that is a plain or restricted member obeys the chat's and its own permissions."""
    if chat.is_private:
        return
    member = chat.member(bot.id)
    assert member is not None
    if member.is_admin:
        return
    allowed = chat.permissions.get(right, False)
    if member.status == "restricted":
        allowed = allowed and member.permissions.get(right, False)
    if not allowed:
        raise bad_request(f"not enough rights to send {SEND_RIGHT_NOUNS[right]} to the chat")


def require_admin_right(chat: EmuChat, bot: BotAccount, right: str, error: ApiError) -> None:
    if chat.is_private:
        raise bad_request("method is available for supergroup and channel chats only")
    member = chat.member(bot.id)
    if member is None or not member.right(right):
        raise error


def can_pin(chat: EmuChat, bot: BotAccount) -> bool:
    if chat.is_private:
        return True
    member = chat.member(bot.id)
    if member is None:
        return False
    if member.is_admin:
        return member.right("can_pin_messages")
    return chat.permissions.get("can_pin_messages", False) and (
        member.status != "restricted" or member.permissions.get("can_pin_messages", False)
    )


def live_message(chat: EmuChat, message_id: int | None, missing: str) -> EmuMessage:
    message = chat.live_message(message_id) if message_id is not None else None
    if message is None:
        raise bad_request(missing)
    return message


def target_member(chat: EmuChat, user_id: int, core: EmulatorCore) -> EmuMember:
    """The member record of `user_id` (a "left" one for a known user who never joined)."""
    member = chat.member(user_id)
    if member is not None:
        return member
    user = core.users.get(user_id)
    if user is None:
        raise bad_request("user not found")
    return EmuMember(user, "left")


def throttle(core: EmulatorCore, bot: BotAccount, chat: EmuChat) -> None:
    core.rate_limiter.acquire(bot.id, chat.id, chat.is_private)
