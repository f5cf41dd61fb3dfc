"""The webhook endpoint: checks Telegram's secret header, then feeds the update to the dispatcher.

The update is handled in the background and answered at once, as aiogram does, so a slow handler
never makes Telegram time out and resend. `drain` waits for those tasks at shutdown, so an update
already acknowledged (and thus gone from Telegram's queue) is not lost by a normal stop.
"""

from __future__ import annotations

import asyncio
import logging
import secrets

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiohttp import web

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookHandler:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, secret: str) -> None:
        if not secret:
            raise ValueError("a webhook without a secret would accept anyone's updates")
        self._dispatcher = dispatcher
        self._bot = bot
        self._secret = secret.encode()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False

    async def handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        # Constant time, so the secret cannot be guessed byte by byte from response times.
        if not secrets.compare_digest(given, self._secret):
            log.warning("webhook request with a wrong secret from %s", request.remote)
            return web.json_response({"ok": False}, status=401)
        if self._closing:  # not acknowledged, so Telegram retries it on another instance
            return web.json_response({"ok": False}, status=503)
        try:
            update = Update.model_validate(await request.json(), context={"bot": self._bot})
        except ValueError:  # not JSON, or not an Update (pydantic's error is a ValueError)
            return web.json_response({"ok": False}, status=400)
        task = asyncio.create_task(self._feed(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.json_response({})

    async def _feed(self, update: Update) -> None:
        try:
            await self._dispatcher.feed_update(self._bot, update)
        except Exception:  # one failing update must not affect the others
            log.exception("update %s failed", update.update_id)

    async def drain(self, grace_seconds: float = 30.0) -> None:
        """Refuse new updates and wait for the ones in progress (at most grace_seconds)."""
        self._closing = True
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=grace_seconds)
            if pending:
                log.warning("%d updates still running after %.0f s", len(pending), grace_seconds)
