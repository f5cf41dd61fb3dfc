"""The HTTP side: Bot API requests in, Telegram-shaped JSON out.

Routes as the real server has them: POST/GET {base}/bot{token}/{method} and
GET {base}/file/bot{token}/{path}; anything else is 404 "Not Found". `/_emu/...` is the
emulator's own test API (testapi.py).
"""

from __future__ import annotations

import json
import logging
import traceback
from functools import partial
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .errors import ApiError, bad_request
from .faults import add_fault_routes, faults_for
from .files import MAX_UPLOAD_BYTES, file_by_path
from .registry import CallContext, find_method
from .state import ApiCall
from .testapi import add_test_api_routes
from .validation import Params, Upload

if TYPE_CHECKING:
    from .emulator import TelegramEmulator

log = logging.getLogger(__name__)
_dumps = partial(json.dumps, ensure_ascii=False)


async def read_params(request: web.Request) -> Params:
    """Query string plus a JSON, url-encoded or multipart body; file parts become Uploads."""
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.method != "POST" or not request.can_read_body:
        return Params(values, uploads)
    try:
        if request.content_type == "application/json":
            body = await request.json()
            if not isinstance(body, dict):
                raise bad_request("request body must be a JSON object")
            values.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    uploads[key] = Upload(value.filename, value.file.read(), value.content_type)
                else:
                    values[key] = value
    except web.HTTPRequestEntityTooLarge:
        raise ApiError(413, "Request Entity Too Large") from None
    except ValueError:
        raise bad_request("can't parse request body") from None
    return Params(values, uploads)


class BotApiServer:
    def __init__(self, emulator: TelegramEmulator) -> None:
        self.emulator = emulator
        self.app = web.Application(client_max_size=MAX_UPLOAD_BYTES + 1024 * 1024)
        self.app.router.add_route("*", "/bot{token}/{method}", self.handle_api)
        self.app.router.add_get("/file/bot{token}/{path:.+}", self.handle_file)
        add_test_api_routes(self.app, emulator)
        add_fault_routes(self.app, emulator)
        self.app.router.add_route("*", "/{tail:.*}", self.not_found)
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> str:
        # A short shutdown timeout: long polls are released explicitly before stopping.
        self._runner = web.AppRunner(self.app, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = self._runner.addresses[0][1]  # the real port when 0 was asked for
        return f"http://{host}:{bound_port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def not_found(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").to_json(), status=404)

    async def handle_api(self, request: web.Request) -> web.Response:
        emulator = self.emulator
        emulator.stats.requests += 1
        method = request.match_info["method"]
        account = emulator.bot_by_token(request.match_info["token"])
        params = Params({})
        result: Any = None
        fault = faults_for(emulator).decide(method.lower())
        try:
            if account is None:
                raise ApiError(401, "Unauthorized")
            handler = find_method(method)
            if handler is None:
                raise ApiError(404, "Not Found")
            params = await read_params(request)
            injected = emulator.faults.failure_for(method.lower())
            if injected is not None:
                emulator.stats.injected_failures += 1
                raise injected
            if fault is not None and fault.kind == "error":
                raise fault.error()  # not performed
            if fault is not None and fault.kind == "timeout":
                raise await faults_for(emulator).time_out(fault)  # not performed either
            result = await handler(CallContext(emulator, account), params)
            body: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except ApiError as error:
            body, status = error.to_json(), error.code
        except Exception:  # a bug in the emulator: answer like a Telegram outage, keep it
            emulator.internal_errors.append(traceback.format_exc())
            log.exception("emulator failed on %s", method)
            body, status = ApiError(500, "Internal Server Error").to_json(), 500
        emulator.record_call(
            ApiCall(
                method=method,
                params=params.for_log(),
                ok=body["ok"],
                error_code=None if body["ok"] else status,
                description=body.get("description"),
                at=emulator.monotonic(),
                bot_id=account.id if account else None,
                result=result,
            )
        )
        if fault is not None and fault.kind == "lost":
            await faults_for(emulator).lose_response(request)  # performed, answer never arrives
        return web.json_response(body, status=status, dumps=_dumps)

    async def handle_file(self, request: web.Request) -> web.Response:
        account = self.emulator.bot_by_token(request.match_info["token"])
        file = file_by_path(self.emulator, request.match_info["path"])
        if account is None or file is None or file.data is None:
            return await self.not_found(request)
        return web.Response(
            body=file.data, content_type=file.mime_type or "application/octet-stream"
        )
