"""A small round-robin reverse proxy: the stand-in for deploy/nginx.conf on a machine without nginx.

    python -m stack.proxy --listen 127.0.0.1:8000 --backend http://127.0.0.1:8001 --backend ...

It behaves like the nginx upstream in deploy/nginx.conf: requests go to the backends in turn,
a backend whose GET /health is not 200 is skipped (checked every second), and a request whose
connection is refused is retried on the next backend. Only refused connections are retried:
then the backend never saw the request, so a webhook update cannot be handled twice.
GET /_proxy/status reports what the proxy believes about each backend; every proxied response
carries X-Upstream naming the backend that served it (like nginx's $upstream_addr).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import logging
import time
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

log = logging.getLogger("stack.proxy")

# Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded.
HOP_BY_HOP = frozenset(
    h.lower()
    for h in (
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE",
        "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "Host",
    )
)  # fmt: skip


@dataclass
class Backend:
    url: str
    healthy: bool = False  # unknown until the first check passes
    checked_at: float = 0.0
    served: int = 0
    refused: int = 0
    last_error: str = ""


@dataclass
class RoundRobinProxy:
    backend_urls: list[str]
    health_interval: float = 1.0
    timeout: float = 30.0
    backends: list[Backend] = field(init=False)

    def __post_init__(self) -> None:
        self.backends = [Backend(url.rstrip("/")) for url in self.backend_urls]
        self._turn = itertools.count()
        self._session: aiohttp.ClientSession | None = None
        self._checker: asyncio.Task[None] | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=32 * 1024 * 1024)
        app.router.add_get("/_proxy/status", self._status)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        app.on_startup.append(self._on_startup)
        app.on_cleanup.append(self._on_cleanup)
        return app

    def order(self) -> list[Backend]:
        """Backends to try for one request: healthy ones from the next in turn, then the rest
        (when every check failed, trying them anyway beats refusing outright, as nginx does)."""
        start = next(self._turn) % len(self.backends)
        rotated = self.backends[start:] + self.backends[:start]
        return [b for b in rotated if b.healthy] + [b for b in rotated if not b.healthy]

    async def _on_startup(self, app: web.Application) -> None:
        # No client timeout on the session: each call sets its own.
        self._session = aiohttp.ClientSession(auto_decompress=False)
        await self.check_all()
        self._checker = asyncio.create_task(self._check_forever())

    async def _on_cleanup(self, app: web.Application) -> None:
        if self._checker:
            self._checker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checker
        if self._session:
            await self._session.close()

    async def _check_forever(self) -> None:
        while True:
            await asyncio.sleep(self.health_interval)
            await self.check_all()

    async def check_all(self) -> None:
        await asyncio.gather(*(self._check(b) for b in self.backends))

    async def _check(self, backend: Backend) -> None:
        assert self._session is not None
        timeout = aiohttp.ClientTimeout(total=max(self.health_interval, 1.0))
        try:
            async with self._session.get(f"{backend.url}/health", timeout=timeout) as response:
                healthy, error = response.status == 200, f"health {response.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            healthy, error = False, f"{type(exc).__name__}: {exc}"
        if healthy != backend.healthy:
            log.warning("backend %s is %s", backend.url, "up" if healthy else f"down ({error})")
        backend.healthy, backend.checked_at = healthy, time.time()
        backend.last_error = "" if healthy else error

    async def _status(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "backends": [
                    {
                        "url": b.url,
                        "healthy": b.healthy,
                        "served": b.served,
                        "refused": b.refused,
                        "last_error": b.last_error,
                    }
                    for b in self.backends
                ]
            }
        )

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        for backend in self.order():
            try:
                return await self._send(backend, request, body)
            except aiohttp.ClientConnectorError as exc:
                # Refused before anything was sent: safe to try the next backend.
                backend.healthy, backend.last_error = False, str(exc)
                backend.refused += 1
                log.warning("backend %s refused %s; trying the next", backend.url, request.path)
        return web.json_response({"error": "no backend available"}, status=502)

    async def _send(self, backend: Backend, request: web.Request, body: bytes) -> web.Response:
        assert self._session is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["X-Forwarded-For"] = request.remote or ""
        headers["X-Forwarded-Proto"] = request.scheme
        headers["X-Forwarded-Host"] = request.host
        async with self._session.request(
            request.method,
            backend.url + request.rel_url.raw_path_qs,
            headers=headers,
            data=body,
            allow_redirects=False,
            timeout=aiohttp.ClientTimeout(total=self.timeout),
        ) as upstream:
            payload = await upstream.read()
            out = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
        backend.served += 1
        out["X-Upstream"] = backend.url
        return web.Response(status=upstream.status, headers=out, body=payload)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="round-robin reverse proxy with health checks")
    parser.add_argument("--listen", default="127.0.0.1:8000", help="host:port to listen on")
    parser.add_argument("--backend", action="append", required=True, help="backend base URL")
    parser.add_argument("--health-interval", type=float, default=1.0)
    args = parser.parse_args(argv)
    log_format = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=logging.INFO, format=log_format)
    host, _, port = args.listen.rpartition(":")
    proxy = RoundRobinProxy(args.backend, health_interval=args.health_interval)
    web.run_app(proxy.app(), host=host or "127.0.0.1", port=int(port), print=None)


if __name__ == "__main__":
    main()
