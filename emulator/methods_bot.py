"""Methods about the bot itself: identity, updates, webhook, commands, callbacks, files."""

from __future__ import annotations

import re
from typing import Any

from .access import chat_for_bot
from .errors import ApiError, bad_request
from .files import MAX_DOWNLOAD_BYTES
from .registry import CallContext, api_method
from .serialize import file_json, me_json
from .state import CallbackAnswer
from .validation import MAX_CALLBACK_ANSWER, Params
from .webhook_push import WebhookPusher, webhook_url_error

MAX_POLL_TIMEOUT = 50  # seconds; longer waits are cut short, like Telegram does
COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
SCOPES_WITH_CHAT = {"chat", "chat_administrators", "chat_member"}
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
SCOPES = {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}


@api_method("getMe")
async def get_me(ctx: CallContext, params: Params) -> Any:
    return me_json(ctx.bot.user)


@api_method("logOut", "close")
async def log_out(ctx: CallContext, params: Params) -> Any:
    return True


@api_method("getUpdates")
async def get_updates(ctx: CallContext, params: Params) -> Any:
    if ctx.bot.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    allowed = params.get_json("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed_updates JSON object")
    limit = params.get_int("limit") or 100
    return await ctx.bot.updates.get_updates(
        offset=params.get_int("offset"),
        limit=max(1, min(limit, 100)),
        wait_seconds=min(params.get_int("timeout") or 0, MAX_POLL_TIMEOUT),
        allowed_updates=allowed,
    )


@api_method("setWebhook")
async def set_webhook(ctx: CallContext, params: Params) -> Any:
    url = params.get_str("url") or ""
    if not url:  # an empty URL removes the webhook, as in Telegram
        return await delete_webhook(ctx, params)
    error = webhook_url_error(url)
    if error is not None:
        raise bad_request(error)
    secret = params.get_str("secret_token")
    if secret is not None and not SECRET_TOKEN.fullmatch(secret):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    if params.get_bool("drop_pending_updates"):
        ctx.bot.updates.drop_all()
    allowed = params.get_json("allowed_updates")
    if isinstance(allowed, list):
        ctx.bot.updates.allowed_updates = frozenset(allowed) or None
    ctx.bot.webhook_url = url
    queue = ctx.bot.updates
    if queue.webhook is None:
        queue.webhook = WebhookPusher(queue, now=ctx.core.now)
    queue.webhook.configure(url, secret)
    return True


@api_method("deleteWebhook")
async def delete_webhook(ctx: CallContext, params: Params) -> Any:
    ctx.bot.webhook_url = ""
    pusher, ctx.bot.updates.webhook = ctx.bot.updates.webhook, None
    if pusher is not None:
        await pusher.stop()
    if params.get_bool("drop_pending_updates"):
        ctx.bot.updates.drop_all()
    return True


@api_method("getWebhookInfo")
async def get_webhook_info(ctx: CallContext, params: Params) -> Any:
    info: dict[str, Any] = {
        "url": ctx.bot.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": ctx.bot.updates.pending_count,
    }
    pusher = ctx.bot.updates.webhook
    if pusher is not None and pusher.last_error_message is not None:
        info["last_error_date"] = pusher.last_error_date
        info["last_error_message"] = pusher.last_error_message
    if ctx.bot.updates.allowed_updates is not None:
        info["allowed_updates"] = sorted(ctx.bot.updates.allowed_updates)
    return info


def _commands_key(ctx: CallContext, params: Params) -> tuple[str, int | None, int | None, str]:
    """Where commands are stored: the scope (type, chat, user) and the language."""
    scope = params.get_json("scope") or {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in SCOPES | SCOPES_WITH_CHAT:
        raise bad_request("can't parse BotCommandScope")
    language = params.get_str("language_code") or ""
    if language and not re.fullmatch(r"[a-z]{2}", language):
        raise bad_request("invalid language code specified")
    chat_id = user_id = None
    if scope["type"] in SCOPES_WITH_CHAT:
        if scope.get("chat_id") in (None, ""):
            raise bad_request("chat_id is empty")
        chat_ref = scope["chat_id"]
        ref = chat_ref if isinstance(chat_ref, str) and chat_ref.startswith("@") else int(chat_ref)
        chat_id = chat_for_bot(ctx.core, ctx.bot, ref).id
    if scope["type"] == "chat_member":
        user_id = int(scope.get("user_id") or 0)
        if user_id not in ctx.core.users:
            raise bad_request("user not found")
    return scope["type"], chat_id, user_id, language


@api_method("setMyCommands")
async def set_my_commands(ctx: CallContext, params: Params) -> Any:
    commands = params.get_json("commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    checked = []
    for entry in commands:
        command = str(entry.get("command", "")) if isinstance(entry, dict) else ""
        description = str(entry.get("description", "")) if isinstance(entry, dict) else ""
        if not COMMAND_NAME.fullmatch(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        checked.append({"command": command, "description": description})
    key = _commands_key(ctx, params)
    if checked:
        ctx.bot.commands[key] = checked
    else:
        ctx.bot.commands.pop(key, None)
    return True


@api_method("getMyCommands")
async def get_my_commands(ctx: CallContext, params: Params) -> Any:
    return ctx.bot.commands.get(_commands_key(ctx, params), [])


@api_method("deleteMyCommands")
async def delete_my_commands(ctx: CallContext, params: Params) -> Any:
    ctx.bot.commands.pop(_commands_key(ctx, params), None)
    return True


@api_method("answerCallbackQuery")
async def answer_callback_query(ctx: CallContext, params: Params) -> Any:
    query_id = params.get_str("callback_query_id", required=True) or ""
    pending = ctx.core.callbacks.get(query_id)
    if pending is None or pending.bot_id != ctx.bot.id or pending.answered.done():
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = params.get_str("text")
    if text is not None and len(text) > MAX_CALLBACK_ANSWER:
        raise bad_request("MESSAGE_TOO_LONG")
    pending.answered.set_result(
        CallbackAnswer(
            text=text,
            show_alert=params.get_bool("show_alert"),
            url=params.get_str("url"),
            cache_time=params.get_int("cache_time") or 0,
        )
    )
    return True


@api_method("getFile")
async def get_file(ctx: CallContext, params: Params) -> Any:
    file = ctx.core.files.get(params.get_str("file_id", required=True) or "")
    if file is None:
        raise bad_request("invalid file_id")
    if file.size > MAX_DOWNLOAD_BYTES:
        raise bad_request("file is too big")
    return file_json(file)


# Profile settings: stored per language and read back; nothing else depends on them.
_PROFILE_FIELDS = {
    "name": "name",
    "description": "description",
    "shortdescription": "short_description",
}


def _profile_method(setting: str, field: str) -> None:
    async def setter(ctx: CallContext, params: Params) -> Any:
        language = params.get_str("language_code") or ""
        ctx.bot.settings[(setting, language)] = params.get_str(field) or ""
        return True

    async def getter(ctx: CallContext, params: Params) -> Any:
        language = params.get_str("language_code") or ""
        return {field: ctx.bot.settings.get((setting, language), "")}

    api_method(f"setMy{setting}")(setter)
    api_method(f"getMy{setting}")(getter)


for _setting, _field in _PROFILE_FIELDS.items():
    _profile_method(_setting, _field)


@api_method("setChatMenuButton")
async def set_chat_menu_button(ctx: CallContext, params: Params) -> Any:
    ctx.bot.settings[("menu_button", params.get_int("chat_id"))] = params.get_json(
        "menu_button"
    ) or {"type": "default"}
    return True


@api_method("getChatMenuButton")
async def get_chat_menu_button(ctx: CallContext, params: Params) -> Any:
    return ctx.bot.settings.get(("menu_button", params.get_int("chat_id")), {"type": "commands"})
