"""The sandbox's HTTP API and static page (aiohttp, served on 127.0.0.1 only).

The page polls GET /api/view every 500 ms (simple and robust: no socket to reconnect) and posts
actions; each action calls the same Sandbox method the guided tour uses.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from emulator import EmulatorUsageError
from sandbox.render import chat_view, local_time, message_view
from sandbox.tour import Tour
from sandbox.world import Persona, Sandbox

STATIC = Path(__file__).parent / "static"
SANDBOX_KEY = web.AppKey("sandbox", Sandbox)
Handler = Callable[[Sandbox, dict[str, Any]], Awaitable[Any]]


def build_app(sandbox: Sandbox) -> web.Application:
    app = web.Application()
    app[SANDBOX_KEY] = sandbox
    app.router.add_get("/", _index)
    app.router.add_static("/static/", STATIC)
    app.router.add_get("/api/meta", _json(_meta))
    app.router.add_get("/api/view", _json(_view))
    app.router.add_get("/api/files/{file_id}", _file)
    app.router.add_post("/api/send", _json(_send))
    app.router.add_post("/api/press", _json(_press))
    app.router.add_post("/api/vote", _json(_vote))
    app.router.add_post("/api/join_request", _json(_join_request))
    app.router.add_post("/api/leave", _json(_leave))
    app.router.add_post("/api/language", _json(_language))
    app.router.add_post("/api/time", _json(_time))
    app.router.add_get("/api/tour", _json(tour_steps))
    app.router.add_post("/api/tour/do", _json(tour_do))
    return app


async def tour_steps(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    return Tour(sandbox).steps(str(body.get("lang", "zh")))


async def tour_do(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    return await Tour(sandbox).do(int(body["step"]))


def _json(handler: Handler) -> Callable[[web.Request], Awaitable[web.Response]]:
    """Body (POST) or query (GET) in, JSON out; a usage mistake is a 400 with the reason."""

    async def wrapped(request: web.Request) -> web.Response:
        body = dict(request.query)
        if request.can_read_body:
            body |= await request.json()
        try:
            return web.json_response(await handler(request.app[SANDBOX_KEY], body))
        except (EmulatorUsageError, KeyError, ValueError, TypeError) as error:
            return web.json_response({"error": str(error)}, status=400)
        except AssertionError as error:  # a button the bot did not answer in time
            return web.json_response({"error": str(error).splitlines()[0]}, status=504)

    return wrapped


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")


def _persona(sandbox: Sandbox, body: dict[str, Any]) -> Persona:
    return sandbox.persona(str(body["persona"]))


async def _meta(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    return {
        "bot": {"id": sandbox.bot.id, "username": sandbox.bot.username},
        "timezone": sandbox.timezone,
        "personas": [
            {"key": p.key, "role": p.role, "name": p.user.full_name, "id": p.user.id}
            for p in sandbox.personas.values()
        ],
    }


async def _view(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    """Everything the page shows for one persona: the clock, their chats, the open chat."""
    persona = _persona(sandbox, body)
    viewer = persona.user.id
    private = sandbox.chat(persona, viewer)
    chats = [chat_view(private, viewer)] + [chat_view(g, viewer) for g in sandbox.groups]
    view: dict[str, Any] = {
        "now": local_time(sandbox.clock.now(), sandbox.timezone),
        "language": persona.language,
        "chats": chats,
        "messages": [],
    }
    chat = next((c for c in [private, *sandbox.groups] if str(c.id) == body.get("chat")), None)
    member = chat.member(viewer) if chat is not None else None
    if chat is not None and (chat.is_private or (member is not None and member.is_present)):
        live = [m for m in chat.messages if not m.deleted]
        view["messages"] = [message_view(sandbox.emu, m, viewer, sandbox.timezone) for m in live]
    return view


async def _file(request: web.Request) -> web.Response:
    """The bytes the bot uploaded (.ics, .xlsx, .csv, chart images), as the emulator stored them."""
    sandbox = request.app[SANDBOX_KEY]
    file = sandbox.emu.files.get(request.match_info["file_id"])
    if file is None or file.data is None:
        raise web.HTTPNotFound()
    name = file.filename or file.file_path.rsplit("/", 1)[-1]
    disposition = "inline" if file.kind == "photo" else "attachment"
    return web.Response(
        body=file.data,
        content_type=file.mime_type or "application/octet-stream",
        headers={"Content-Disposition": f'{disposition}; filename="{name}"'},
    )


async def _send(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    text = str(body["text"]).strip()
    if not text:
        raise ValueError("empty message")
    sent = await sandbox.send(_persona(sandbox, body), int(body["chat"]), text)
    return {"id": sent.message_id}


async def _press(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    persona = _persona(sandbox, body)
    answer = await sandbox.press(persona, int(body["chat"]), int(body["message"]), body["label"])
    return {"text": answer.text, "show_alert": answer.show_alert, "url": answer.url}


async def _vote(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    persona = _persona(sandbox, body)
    await sandbox.vote(persona, int(body["chat"]), int(body["message"]), int(body["option"]))
    return {"ok": True}


async def _join_request(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    await sandbox.request_join(_persona(sandbox, body), int(body["chat"]))
    return {"ok": True}


async def _leave(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    await sandbox.leave(_persona(sandbox, body), int(body["chat"]))
    return {"ok": True}


async def _language(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    language = str(body["language"])
    if language not in ("zh", "en"):
        raise ValueError(f"unsupported language {language!r}")
    await sandbox.set_language(_persona(sandbox, body), language)
    return {"ok": True}


async def _time(sandbox: Sandbox, body: dict[str, Any]) -> Any:
    now = await sandbox.travel(str(body["step"]))
    return {"now": local_time(now, sandbox.timezone)}
