"""Changing and removing messages: edits, deletions, stopping polls."""

from __future__ import annotations

from typing import Any

from .access import chat_for_bot, live_message, throttle
from .errors import bad_request
from .methods_send import visible_entities
from .registry import CallContext, api_method
from .serialize import message_json, poll_json
from .state import EmuChat, EmuMessage
from .updates import BotAccount
from .validation import Params, caption_text, inline_keyboard, message_text

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
DELETE_WINDOW_SECONDS = 48 * 3600


def _message_to_edit(ctx: CallContext, params: Params) -> EmuMessage:
    if params.has("inline_message_id"):
        raise bad_request("message to edit not found")  # inline mode is not emulated
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="edit")
    message_id = params.get_int("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    message = live_message(chat, message_id, "message to edit not found")
    if message.from_id != ctx.bot.id or message.service is not None:
        raise bad_request("message can't be edited")
    return message


def _apply_edit(ctx: CallContext, message: EmuMessage, **changes: Any) -> Any:
    """Store an edit, or refuse it with Telegram's "not modified" when nothing changes."""
    if all(getattr(message, name) == value for name, value in changes.items()):
        raise bad_request(NOT_MODIFIED)
    assert message.chat is not None
    throttle(ctx.core, ctx.bot, message.chat)
    for name, value in changes.items():
        setattr(message, name, value)
    message.edited += 1
    message.edit_date = ctx.core.now()
    ctx.core.notify_changed()
    return message_json(ctx.core, message)


@api_method("editMessageText")
async def edit_message_text(ctx: CallContext, params: Params) -> Any:
    message = _message_to_edit(ctx, params)
    formatted = message_text(params)
    keyboard = inline_keyboard(params)  # omitted: the keyboard is removed, as in Telegram
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    return _apply_edit(
        ctx,
        message,
        text=formatted.text,
        entities=visible_entities(ctx, formatted.text, formatted.entities),
        reply_markup=keyboard,
    )


@api_method("editMessageCaption")
async def edit_message_caption(ctx: CallContext, params: Params) -> Any:
    message = _message_to_edit(ctx, params)
    caption = caption_text(params)
    keyboard = inline_keyboard(params)
    if message.document is None and message.photo is None:
        raise bad_request("there is no caption in the message to edit")
    return _apply_edit(
        ctx,
        message,
        caption=caption.text if caption else None,
        entities=visible_entities(ctx, caption.text, caption.entities) if caption else [],
        reply_markup=keyboard,
    )


@api_method("editMessageReplyMarkup")
async def edit_message_reply_markup(ctx: CallContext, params: Params) -> Any:
    message = _message_to_edit(ctx, params)
    return _apply_edit(ctx, message, reply_markup=inline_keyboard(params))


def _may_delete(ctx: CallContext, chat: EmuChat, bot: BotAccount, message: EmuMessage) -> bool:
    """Bots delete their own or private-chat messages under 48 hours old; any message in a
    supergroup where they have can_delete_messages."""
    recent = ctx.core.now() - message.date < DELETE_WINDOW_SECONDS
    if chat.is_private:
        return recent
    member = chat.member(bot.id)
    if member is not None and member.right("can_delete_messages"):
        return True
    return message.from_id == bot.id and recent


def _delete(ctx: CallContext, chat: EmuChat, message: EmuMessage) -> None:
    if not _may_delete(ctx, chat, ctx.bot, message):
        raise bad_request("message can't be deleted")
    message.deleted = True
    message.pinned = False
    ctx.core.notify_changed()


@api_method("deleteMessage")
async def delete_message(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    message_id = params.get_int("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    message = live_message(chat, message_id, "message to delete not found")
    _delete(ctx, chat, message)
    return True


@api_method("deleteMessages")
async def delete_messages(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref())
    ids = params.get_json("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message_ids is empty" if not ids else "too many messages to delete")
    found = [m for m in (chat.live_message(int(i)) for i in ids) if m is not None]
    if any(not _may_delete(ctx, chat, ctx.bot, message) for message in found):
        raise bad_request("message can't be deleted")
    for message in found:  # missing ones are skipped, as in Telegram
        _delete(ctx, chat, message)
    return True


@api_method("stopPoll")
async def stop_poll(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="edit")
    message = chat.live_message(params.get_int("message_id", required=True) or 0)
    if message is None or message.poll is None:
        raise bad_request("message with poll to stop not found")
    if message.from_id != ctx.bot.id:
        raise bad_request("poll can't be stopped")
    if message.poll.is_closed:
        raise bad_request("poll has already been closed")
    message.poll.is_closed = True
    if params.has("reply_markup"):
        message.reply_markup = inline_keyboard(params)
    ctx.core.notify_changed()
    return poll_json(message.poll)
