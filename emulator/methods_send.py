"""Methods that put a new message into a chat: send*, forwardMessage, copyMessage.

Order of checks follows Telegram: reach the chat, validate the content, check the bot's rights
in the chat, then flood limits (a rejected request does not use up a slot).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .access import chat_for_bot, live_message, require_send_right, throttle
from .errors import bad_request
from .files import store_file
from .formatting import auto_entities, utf16_len
from .registry import CallContext, api_method
from .serialize import message_json, user_json
from .state import EmuChat, EmuMessage, EmuPoll
from .validation import (
    Params,
    caption_text,
    inline_keyboard,
    message_text,
    reply_target,
)

MAX_POLL_QUESTION = 300
MAX_POLL_OPTION = 100
POLL_OPTIONS_RANGE = (2, 12)


def _common_fields(chat: EmuChat, params: Params) -> dict[str, Any]:
    """Keyboard, reply and protection: validated the same way for every send method."""
    reply_to, allow_without_reply = reply_target(params)
    if reply_to is not None and chat.live_message(reply_to) is None:
        if not allow_without_reply:
            raise bad_request("message to be replied not found")
        reply_to = None
    return {
        "reply_markup": inline_keyboard(params),
        "reply_to_message_id": reply_to,
        "protect_content": params.get_bool("protect_content"),
        "disable_notification": params.get_bool("disable_notification"),
    }


def visible_entities(ctx: CallContext, text: str, entities: list[dict[str, Any]]) -> list[Any]:
    """Parsed entities plus the ones Telegram detects; <a href="tg://user?id=…"> mentions get
    the user's object (or stay a plain link when the user is unknown)."""
    resolved = []
    for entity in entities:
        if entity["type"] == "text_mention":
            user = ctx.core.users.get(int(entity["user"]["id"]))
            if user is None:
                url = f"tg://user?id={entity['user']['id']}"
                entity = {**entity, "type": "text_link", "url": url}
                del entity["user"]
            else:
                entity = {**entity, "user": user_json(user)}
        resolved.append(entity)
    return auto_entities(text, resolved)


def _deliver(ctx: CallContext, chat: EmuChat, right: str, **fields: Any) -> EmuMessage:
    require_send_right(chat, ctx.bot, right)
    throttle(ctx.core, ctx.bot, chat)
    return ctx.core.add_message(chat, ctx.bot.user, **fields)


@api_method("sendMessage")
async def send_message(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    formatted = message_text(params)
    message = _deliver(
        ctx,
        chat,
        "can_send_messages",
        text=formatted.text,
        entities=visible_entities(ctx, formatted.text, formatted.entities),
        parse_mode=params.get_str("parse_mode"),
        **_common_fields(chat, params),
    )
    return message_json(ctx.core, message)


async def _send_file(ctx: CallContext, params: Params, kind: str, right: str) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    source = params.get_input_file(kind)
    if source is None:
        raise bad_request(f"there is no {kind} in the request")
    caption = caption_text(params)
    common = _common_fields(chat, params)
    file = store_file(ctx.core, source, kind)
    message = _deliver(
        ctx,
        chat,
        right,
        caption=caption.text if caption else None,
        entities=visible_entities(ctx, caption.text, caption.entities) if caption else [],
        parse_mode=params.get_str("parse_mode"),
        **{kind: file},
        **common,
    )
    return message_json(ctx.core, message)


@api_method("sendDocument")
async def send_document(ctx: CallContext, params: Params) -> Any:
    return await _send_file(ctx, params, "document", "can_send_documents")


@api_method("sendPhoto")
async def send_photo(ctx: CallContext, params: Params) -> Any:
    return await _send_file(ctx, params, "photo", "can_send_photos")


def _poll_from(ctx: CallContext, params: Params) -> EmuPoll:
    question = params.get_str("question") or ""
    if not question.strip():
        raise bad_request("poll question must be non-empty")
    if utf16_len(question) > MAX_POLL_QUESTION:
        raise bad_request("poll question length must not exceed 300")
    raw_options = params.get_json("options")
    if not isinstance(raw_options, list):
        raise bad_request("can't parse options JSON object")
    options = [o.get("text", "") if isinstance(o, dict) else str(o) for o in raw_options]
    low, high = POLL_OPTIONS_RANGE
    if len(options) < low:
        raise bad_request("poll must have at least 2 option")
    if len(options) > high:
        raise bad_request(f"poll can't have more than {high} options")
    if any(not option.strip() for option in options):
        raise bad_request("poll options must be non-empty")
    if any(utf16_len(option) > MAX_POLL_OPTION for option in options):
        raise bad_request("poll options length must not exceed 100")
    poll_type = params.get_str("type") or "regular"
    correct = params.get_int("correct_option_id")
    if poll_type == "quiz" and (correct is None or not 0 <= correct < len(options)):
        raise bad_request("wrong quiz correct option specified")
    return EmuPoll(
        id=str(5_000_000_000_000_000_000 + ctx.core.next_serial()),
        question=question,
        options=options,
        is_anonymous=params.get_bool("is_anonymous", default=True),
        type=poll_type,
        allows_multiple_answers=params.get_bool("allows_multiple_answers"),
        correct_option_id=correct if poll_type == "quiz" else None,
        is_closed=params.get_bool("is_closed"),
    )


@api_method("sendPoll")
async def send_poll(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    poll = _poll_from(ctx, params)
    message = _deliver(ctx, chat, "can_send_polls", poll=poll, **_common_fields(chat, params))
    return message_json(ctx.core, message)


def _source_message(ctx: CallContext, params: Params, missing: str) -> EmuMessage:
    source_chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref("from_chat_id"))
    source = live_message(source_chat, params.get_int("message_id", required=True), missing)
    if source.protect_content:
        raise bad_request("message has protected content and can't be forwarded")
    if source.service is not None:
        raise bad_request("message can't be copied")
    return source


def _right_for(message: EmuMessage) -> str:
    if message.document is not None:
        return "can_send_documents"
    if message.photo is not None:
        return "can_send_photos"
    if message.poll is not None:
        return "can_send_polls"
    return "can_send_messages"


def _content_of(ctx: CallContext, message: EmuMessage, *, same_poll: bool) -> dict[str, Any]:
    poll = message.poll
    if poll is not None and not same_poll:  # a copy is a new poll without the votes
        poll = dataclasses.replace(poll, id=str(poll.id) + f"-{ctx.core.next_serial()}", votes={})
    return {
        "text": message.text,
        "caption": message.caption,
        "entities": [dict(entity) for entity in message.entities],
        "parse_mode": message.parse_mode,
        "document": message.document,
        "photo": message.photo,
        "poll": poll,
    }


@api_method("forwardMessage")
async def forward_message(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    source = _source_message(ctx, params, "message to forward not found")
    origin = {
        "type": "user",
        "sender_user": user_json(ctx.core.users[source.from_id]),
        "date": source.date,
    }
    message = _deliver(
        ctx,
        chat,
        _right_for(source),
        forward_origin=origin,
        protect_content=params.get_bool("protect_content"),
        disable_notification=params.get_bool("disable_notification"),
        **_content_of(ctx, source, same_poll=True),
    )
    return message_json(ctx.core, message)


@api_method("copyMessage")
async def copy_message(ctx: CallContext, params: Params) -> Any:
    chat = chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    source = _source_message(ctx, params, "message to copy not found")
    content = _content_of(ctx, source, same_poll=False)
    if params.has("caption") and source.caption is not None:
        caption = caption_text(params)
        content["caption"] = caption.text if caption else None
        content["entities"] = caption.entities if caption else []
    message = _deliver(ctx, chat, _right_for(source), **content, **_common_fields(chat, params))
    return {"message_id": message.message_id}


@api_method("sendChatAction")
async def send_chat_action(ctx: CallContext, params: Params) -> Any:
    chat_for_bot(ctx.core, ctx.bot, params.get_chat_ref(), mode="send")
    if not params.has("action"):
        raise bad_request("action is empty")
    return True
