"""Webhook delivery: POST each queued update to the bot's webhook URL, as Telegram does.

One task per bot sends updates one at a time, in order; an update leaves the queue only when
the bot answered 2xx, so a failed delivery is retried (with backoff) and never skipped.
A JSON method call in the response body is ignored (Telegram would execute it).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp

if TYPE_CHECKING:
    from .updates import UpdateQueue

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def webhook_url_error(url: str) -> str | None:
    """Why setWebhook must refuse `url`, or None. Plain http is allowed on loopback only, so
    tests and a local stack can receive pushes without a certificate."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return None
    return "bad webhook: An HTTPS URL must be provided for webhook"


class WebhookPusher:
    """Pushes one bot's updates while a webhook is set; `stop` (deleteWebhook) ends it."""

    def __init__(
        self,
        queue: UpdateQueue,
        *,
        now: Callable[[], int],
        backoff_base: float = 0.05,
        backoff_cap: float = 2.0,
        request_timeout: float = 10.0,
    ) -> None:
        self._queue = queue
        self._now = now
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._timeout = aiohttp.ClientTimeout(total=request_timeout)
        self.url = ""
        self.secret: str | None = None
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.delivered = 0
        self._task: asyncio.Task[None] | None = None

    def configure(self, url: str, secret: str | None) -> None:
        # Read on every attempt, so a second setWebhook changes the target without a restart.
        self.url, self.secret = url, secret
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"webhook push {url}")

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def stop(self) -> None:
        """Stop pushing; an update whose delivery was cut short stays queued."""
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        failures = 0
        async with aiohttp.ClientSession(timeout=self._timeout) as http:
            while True:
                update = await self._queue.next_ready()
                if update is None:  # the queue was closed
                    return
                if await self._deliver(http, update):
                    self._queue.confirm_delivered(update["update_id"])
                    self.delivered += 1
                    failures = 0
                    continue
                failures += 1
                delay = min(self._backoff_cap, self._backoff_base * 2 ** min(failures - 1, 16))
                await asyncio.sleep(delay)  # Telegram's retry backoff, not a wait in a test

    async def _deliver(self, http: aiohttp.ClientSession, update: dict[str, Any]) -> bool:
        headers = {SECRET_HEADER: self.secret} if self.secret else {}
        try:
            async with http.post(self.url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return True
                status = f"{response.status} {response.reason}"
                self._failed(f"Wrong response from the webhook: {status}")
        except (aiohttp.ClientError, TimeoutError) as error:
            self._failed(f"Connection failed: {error or type(error).__name__}")
        return False

    def _failed(self, message: str) -> None:
        log.debug("webhook push to %s failed: %s", self.url, message)
        self.last_error_date = self._now()
        self.last_error_message = message
