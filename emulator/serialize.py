"""Bot API JSON for the emulator's state, shaped so aiogram's types validate it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .state import (
    ADMIN_RIGHTS,
    CHAT_PERMISSIONS,
    EmuChat,
    EmuFile,
    EmuInviteLink,
    EmuMember,
    EmuMessage,
    EmuPoll,
    EmuUser,
)

if TYPE_CHECKING:
    from .core import EmulatorCore


def _without_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def user_json(user: EmuUser) -> dict[str, Any]:
    return _without_none(
        {
            "id": user.id,
            "is_bot": user.is_bot,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.username,
            "language_code": None if user.is_bot else user.language_code,
        }
    )


def me_json(bot: EmuUser) -> dict[str, Any]:
    """getMe: the bot's user plus its capabilities."""
    return {
        **user_json(bot),
        "can_join_groups": True,
        "can_read_all_group_messages": True,  # the emulator delivers all group messages
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def chat_json(chat: EmuChat) -> dict[str, Any]:
    if chat.is_private:
        user = chat.private_user
        assert user is not None
        return _without_none(
            {
                "id": chat.id,
                "type": "private",
                "first_name": user.first_name,
                "last_name": user.last_name,
                "username": user.username,
            }
        )
    return _without_none(
        {"id": chat.id, "type": chat.type, "title": chat.title, "username": chat.username}
    )


def chat_full_json(core: EmulatorCore, chat: EmuChat) -> dict[str, Any]:
    """getChat answers with ChatFullInfo."""
    data: dict[str, Any] = {
        **chat_json(chat),
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }
    if not chat.is_private:
        data["permissions"] = dict(chat.permissions)
        if chat.description:
            data["description"] = chat.description
        primary = next((link for link in chat.invite_links.values() if link.is_primary), None)
        if primary and not primary.is_revoked:
            data["invite_link"] = primary.invite_link
    pinned = [m for m in chat.messages if m.pinned and not m.deleted]
    if pinned:
        data["pinned_message"] = message_json(core, pinned[-1])
    return data


def member_json(member: EmuMember, viewer_id: int | None = None) -> dict[str, Any]:
    base: dict[str, Any] = {"status": member.status, "user": user_json(member.user)}
    if member.status == "creator":
        base["is_anonymous"] = False
    elif member.status == "administrator":
        base["can_be_edited"] = viewer_id is not None and member.promoted_by == viewer_id
        base["is_anonymous"] = False
        base.update({right: member.rights.get(right, False) for right in ADMIN_RIGHTS})
    elif member.status == "restricted":
        base["is_member"] = member.is_member
        base.update({name: member.permissions.get(name, False) for name in CHAT_PERMISSIONS})
        base["until_date"] = member.until_date
    elif member.status == "kicked":
        base["until_date"] = member.until_date
    if member.custom_title and member.status in {"creator", "administrator"}:
        base["custom_title"] = member.custom_title
    return base


def invite_link_json(core: EmulatorCore, chat: EmuChat, link: EmuInviteLink) -> dict[str, Any]:
    creator = core.users[link.creator_id]
    pending = sum(1 for request in chat.join_requests.values() if request.invite_link is link)
    data = _without_none(
        {
            "invite_link": link.invite_link,
            "creator": user_json(creator),
            "creates_join_request": link.creates_join_request,
            "is_primary": link.is_primary,
            "is_revoked": link.is_revoked,
            "name": link.name,
            "expire_date": link.expire_date,
            "member_limit": link.member_limit,
        }
    )
    if link.creates_join_request:
        data["pending_join_request_count"] = pending
    return data


def document_json(file: EmuFile) -> dict[str, Any]:
    return _without_none(
        {
            "file_id": file.file_id,
            "file_unique_id": file.file_unique_id,
            "file_name": file.filename,
            "mime_type": file.mime_type,
            "file_size": file.size or None,
        }
    )


def photo_json(file: EmuFile) -> list[dict[str, Any]]:
    return [
        _without_none(
            {
                "file_id": file.file_id,
                "file_unique_id": file.file_unique_id,
                "width": file.width,
                "height": file.height,
                "file_size": file.size or None,
            }
        )
    ]


def file_json(file: EmuFile) -> dict[str, Any]:
    return _without_none(
        {
            "file_id": file.file_id,
            "file_unique_id": file.file_unique_id,
            "file_size": file.size or None,
            "file_path": file.file_path if file.data is not None else None,
        }
    )


def poll_json(poll: EmuPoll) -> dict[str, Any]:
    counts = poll.voter_counts()
    return _without_none(
        {
            "id": poll.id,
            "question": poll.question,
            "options": [
                {"persistent_id": str(index), "text": text, "voter_count": counts[index]}
                for index, text in enumerate(poll.options)
            ],
            "total_voter_count": len(poll.votes),
            "is_closed": poll.is_closed,
            "is_anonymous": poll.is_anonymous,
            "type": poll.type,
            "allows_multiple_answers": poll.allows_multiple_answers,
            "allows_revoting": True,
            "members_only": False,
            "correct_option_id": poll.correct_option_id,
        }
    )


def message_json(core: EmulatorCore, message: EmuMessage, *, nested: bool = True) -> dict[str, Any]:
    chat = message.chat
    assert chat is not None
    data: dict[str, Any] = {
        "message_id": message.message_id,
        "date": message.date,
        "chat": chat_json(chat),
        "from": user_json(core.users[message.from_id]),
    }
    if message.text is not None:
        data["text"] = message.text
        if message.entities:
            data["entities"] = message.entities
    if message.caption is not None:
        data["caption"] = message.caption
        if message.entities:
            data["caption_entities"] = message.entities
    if message.document is not None:
        data["document"] = document_json(message.document)
    if message.photo is not None:
        data["photo"] = photo_json(message.photo)
    if message.poll is not None:
        data["poll"] = poll_json(message.poll)
    if message.reply_markup:
        data["reply_markup"] = {"inline_keyboard": message.reply_markup}
    if message.edit_date is not None:
        data["edit_date"] = message.edit_date
    if message.protect_content:
        data["has_protected_content"] = True
    if message.forward_origin is not None:
        data["forward_origin"] = message.forward_origin
    if message.service:
        data.update(message.service)
    if nested and message.reply_to_message_id is not None:
        replied = chat.message(message.reply_to_message_id)
        if replied is not None and not replied.deleted:
            data["reply_to_message"] = message_json(core, replied, nested=False)
    return data
