"""JSON test API under /_emu/: the Python test actions over HTTP, for the browser sandbox.

Kept thin: every route parses ids, calls the same TelegramEmulator method a Python test calls,
and returns a snapshot. Usage mistakes come back as 400 {"error": "..."}.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .errors import EmulatorUsageError
from .serialize import user_json
from .state import EmuChat, EmuMessage, EmuUser

if TYPE_CHECKING:
    from .emulator import TelegramEmulator

Route = Callable[[web.Request], Awaitable[web.Response]]


def message_snapshot(message: EmuMessage) -> dict[str, Any]:
    """An EmuMessage as JSON for the sandbox (file bytes left out)."""
    return {
        "message_id": message.message_id,
        "chat_id": message.chat_id,
        "from_id": message.from_id,
        "date": message.date,
        "text": message.text,
        "caption": message.caption,
        "entities": message.entities,
        "reply_markup": message.reply_markup,
        "document": (
            {"file_name": message.document.filename, "size": message.document.size}
            if message.document
            else None
        ),
        "photo": bool(message.photo),
        "poll": {"question": message.poll.question, "options": message.poll.options}
        if message.poll
        else None,
        "service": message.service,
        "reply_to_message_id": message.reply_to_message_id,
        "edited": message.edited,
        "deleted": message.deleted,
        "pinned": message.pinned,
        "protect_content": message.protect_content,
    }


def chat_snapshot(chat: EmuChat) -> dict[str, Any]:
    return {
        "id": chat.id,
        "type": chat.type,
        "title": chat.title,
        "user_id": chat.private_user.id if chat.private_user else None,
        "bot_id": chat.private_bot.id if chat.private_bot else None,
        "members": {str(uid): m.status for uid, m in chat.members.items()},
    }


def add_test_api_routes(app: web.Application, emu: TelegramEmulator) -> None:
    def route(handler: Callable[[dict[str, Any], web.Request], Awaitable[Any]]) -> Route:
        async def wrapped(request: web.Request) -> web.Response:
            body = await request.json() if request.can_read_body else {}
            try:
                return web.json_response(await handler(body, request))
            except (EmulatorUsageError, KeyError, ValueError, TypeError) as error:
                return web.json_response({"error": str(error)}, status=400)

        return wrapped

    def user(user_id: Any) -> EmuUser:
        return emu.users[int(user_id)]

    def group(chat_id: Any) -> EmuChat:
        return emu.groups[int(chat_id)]

    def chat_of(body: dict[str, Any], request: web.Request) -> EmuChat:
        chat_id = body.get("chat_id") or request.match_info.get("chat_id")
        if chat_id is None:
            raise ValueError("chat_id is required")
        bot_id = body.get("bot_id") or request.query.get("bot_id")
        return emu.resolve_chat(int(chat_id), user(bot_id) if bot_id else None)

    async def state(body: dict[str, Any], request: web.Request) -> Any:
        return {
            "users": [user_json(u) | {"token": u.token} for u in emu.users.values()],
            "chats": [chat_snapshot(c) for c in [*emu.groups.values(), *emu.private_chats()]],
            "stats": {
                "requests": emu.stats.requests,
                "responses_429": emu.stats.responses_429,
                "responses_by_code": dict(emu.stats.responses_by_code),
            },
        }

    async def create_user(body: dict[str, Any], request: web.Request) -> Any:
        created = emu.create_user(
            body["first_name"], body.get("username"), body.get("language_code", "en")
        )
        return user_json(created)

    async def create_group(body: dict[str, Any], request: web.Request) -> Any:
        members = [user(uid) for uid in body.get("member_ids", [])]
        created = emu.create_group(body["title"], user(body["owner_id"]), members)
        return chat_snapshot(created)

    async def add_bot(body: dict[str, Any], request: web.Request) -> Any:
        chat = group(request.match_info["chat_id"])
        await emu.add_bot_to_group(
            user(body["bot_id"]),
            chat,
            user(body["by_id"]),
            body.get("admin", True),
            body.get("rights"),
        )
        return chat_snapshot(chat)

    async def membership(body: dict[str, Any], request: web.Request) -> Any:
        chat, member = group(request.match_info["chat_id"]), user(body["user_id"])
        action = request.match_info["action"]
        if action == "join":
            await emu.join(member, chat)
        elif action == "leave":
            await emu.leave(member, chat)
        elif action == "join_request":
            await emu.request_join(member, chat, body.get("invite_link"))
        else:
            raise ValueError(f"unknown action {action}")
        return chat_snapshot(chat)

    async def send(body: dict[str, Any], request: web.Request) -> Any:
        sender = user(body["from_id"])
        target: EmuChat | EmuUser = (
            user(body["bot_id"]) if body.get("bot_id") else group(body["chat_id"])
        )
        sent = await emu.send_message(sender, target, body["text"], body.get("reply_to"))
        return message_snapshot(sent)

    async def press(body: dict[str, Any], request: web.Request) -> Any:
        chat = chat_of(body, request)
        message = chat.live_message(int(body["message_id"]))
        if message is None:
            raise ValueError(f"no message {body['message_id']} in {chat.id}")
        pressed = await emu.press_button(user(body["user_id"]), message, body["label"])
        return {"callback_query_id": pressed.id, "data": pressed.data}

    async def react(body: dict[str, Any], request: web.Request) -> Any:
        chat = chat_of(body, request)
        message = chat.live_message(int(body["message_id"]))
        if message is None:
            raise ValueError(f"no message {body['message_id']} in {chat.id}")
        await emu.react(user(body["user_id"]), message, list(body.get("emoji") or []))
        return {"ok": True}

    async def block(body: dict[str, Any], request: web.Request) -> Any:
        emu.block_bot(user(body["user_id"]), user(body["bot_id"]))
        return {"ok": True}

    async def chats(body: dict[str, Any], request: web.Request) -> Any:
        return [chat_snapshot(c) for c in [*emu.groups.values(), *emu.private_chats()]]

    async def messages(body: dict[str, Any], request: web.Request) -> Any:
        return [message_snapshot(m) for m in chat_of(body, request).messages]

    async def calls(body: dict[str, Any], request: web.Request) -> Any:
        since = int(request.query.get("since", 0))
        return [
            {
                "method": c.method,
                "params": c.params,
                "ok": c.ok,
                "error_code": c.error_code,
                "description": c.description,
            }
            for c in emu.calls[since:]
        ]

    app.router.add_get("/_emu/state", route(state))
    app.router.add_post("/_emu/users", route(create_user))
    app.router.add_post("/_emu/groups", route(create_group))
    app.router.add_post("/_emu/groups/{chat_id}/bots", route(add_bot))
    app.router.add_post("/_emu/groups/{chat_id}/{action}", route(membership))
    app.router.add_post("/_emu/messages", route(send))
    app.router.add_post("/_emu/press", route(press))
    app.router.add_post("/_emu/react", route(react))
    app.router.add_post("/_emu/block", route(block))
    app.router.add_get("/_emu/chats", route(chats))
    app.router.add_get("/_emu/chats/{chat_id}/messages", route(messages))
    app.router.add_get("/_emu/calls", route(calls))
