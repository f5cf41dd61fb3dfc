"""The aiohttp application of `organizer web`, built from parts, and the server that runs it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from aiohttp import web

from organizer.config import ConfigError, Settings
from organizer.web.health import HealthCheck

log = logging.getLogger(__name__)

RouteAdder = Callable[[web.Application], None]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def require_webhook_settings(settings: Settings) -> tuple[str, str]:
    """WEBHOOK_URL and WEBHOOK_SECRET, which webhook mode cannot run without."""
    if not settings.webhook_url:
        raise ConfigError(
            "WEBHOOK_URL is not set: `organizer web` needs the public https URL Telegram "
            "posts updates to, e.g. https://bot.example.com/telegram/webhook (see .env.example)."
        )
    if not settings.webhook_secret:
        raise ConfigError(
            "WEBHOOK_SECRET is not set: `organizer web` needs a secret of 1-256 letters, "
            "digits, _ and - to tell Telegram's requests from anyone else's (see .env.example)."
        )
    return settings.webhook_url, settings.webhook_secret


def webhook_path(webhook_url: str) -> str:
    """The local path Telegram posts to: a load balancer forwards the path unchanged."""
    return urlsplit(webhook_url).path or "/"


def health_handler(check: HealthCheck) -> Handler:
    async def health(request: web.Request) -> web.Response:
        report = await check.report()
        return web.json_response(report.to_json(), status=200 if report.healthy else 503)

    return health


def build_web_app(
    *,
    health: HealthCheck,
    webhook: tuple[str, Handler] | None = None,
    extra_routes: Sequence[RouteAdder] = (),
) -> web.Application:
    """GET /health, POST at the webhook path when given, then whatever `extra_routes` add."""
    app = web.Application()
    app.router.add_get("/health", health_handler(health))
    if webhook is not None:
        path, handler = webhook
        app.router.add_post(path, handler)
    for add_routes in extra_routes:
        add_routes(app)
    return app


class WebServer:
    """Runs one aiohttp Application on host:port until `stop`."""

    def __init__(self, app: web.Application, *, shutdown_timeout: float = 10.0) -> None:
        self.app = app
        self._runner = web.AppRunner(app, shutdown_timeout=shutdown_timeout, access_log=None)
        self.url = ""

    async def start(self, host: str, port: int) -> str:
        """Listen (port 0 picks a free one); returns the base URL actually bound."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0]
        self.url = f"http://{host}:{bound[1]}"
        log.info("web server listening on %s", self.url)
        return self.url

    async def stop(self) -> None:
        """Stop accepting requests; requests already being answered get shutdown_timeout."""
        await self._runner.cleanup()
