"""stack.proxy on its own, with two tiny aiohttp backends: round robin, a backend whose health
check fails is skipped, and a refused connection is retried on the other backend."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web

from stack.proxy import RoundRobinProxy


@dataclass
class FakeBackend:
    name: str
    healthy: bool = True
    hits: list[str] = field(default_factory=list)
    runner: web.AppRunner | None = None
    url: str = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/health", self._health)
        app.router.add_route("*", "/{tail:.*}", self._echo)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = self.runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()

    async def _health(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": self.healthy}, status=200 if self.healthy else 503)

    async def _echo(self, request: web.Request) -> web.Response:
        body = await request.text()
        self.hits.append(request.path)
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        return web.Response(text=f"{self.name} {request.method} {request.path_qs} {body} {secret}")


async def until(condition: Callable[[], Awaitable[bool]], within: float = 5.0) -> None:
    """Poll a condition with a deadline instead of sleeping a fixed time."""
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


@dataclass
class Rig:
    a: FakeBackend
    b: FakeBackend
    proxy: RoundRobinProxy
    url: str
    http: aiohttp.ClientSession

    async def status(self) -> dict[str, dict[str, object]]:
        async with self.http.get(f"{self.url}/_proxy/status") as response:
            return {b["url"]: b for b in (await response.json())["backends"]}

    async def all_healthy(self) -> bool:
        return all(b["healthy"] for b in (await self.status()).values())


def rig_fixture(health_interval: float) -> Callable[[], AsyncIterator[Rig]]:
    async def fixture() -> AsyncIterator[Rig]:
        a, b = FakeBackend("A"), FakeBackend("B")
        await a.start()
        await b.start()
        proxy = RoundRobinProxy([a.url, b.url], health_interval=health_interval)
        runner = web.AppRunner(proxy.app())
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        url = f"http://127.0.0.1:{runner.addresses[0][1]}"
        async with aiohttp.ClientSession() as http:
            rig = Rig(a, b, proxy, url, http)
            await until(rig.all_healthy)
            yield rig
        await runner.cleanup()
        for backend in (a, b):
            if backend.runner is not None and backend.runner.server is not None:
                await backend.stop()

    return fixture


rig = pytest.fixture(rig_fixture(health_interval=0.05))
slow_rig = pytest.fixture(rig_fixture(health_interval=3600))


async def test_requests_alternate_and_are_forwarded_whole(rig: Rig) -> None:
    served = []
    for n in range(4):
        async with rig.http.post(
            f"{rig.url}/telegram/webhook?n={n}",
            data="update",
            headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"},
        ) as response:
            assert response.status == 200
            text = await response.text()
            assert text.endswith(f"POST /telegram/webhook?n={n} update s3cret")
            served.append(response.headers["X-Upstream"])
    assert served[0] != served[1] and served[0] == served[2] and served[1] == served[3]
    assert len(rig.a.hits) == len(rig.b.hits) == 2


async def test_unhealthy_backend_is_skipped(rig: Rig) -> None:
    rig.b.healthy = False

    async def b_marked_down() -> bool:
        return not (await rig.status())[rig.b.url]["healthy"]

    await until(b_marked_down)
    for _ in range(4):
        async with rig.http.get(f"{rig.url}/calendar/x.ics") as response:
            assert response.status == 200
            assert response.headers["X-Upstream"] == rig.a.url
    assert rig.b.hits == []


async def test_refused_connection_is_retried_on_the_next_backend(slow_rig: Rig) -> None:
    # The health check runs once an hour here, so the proxy still believes B is up.
    await slow_rig.b.stop()
    for _ in range(4):
        async with slow_rig.http.post(f"{slow_rig.url}/telegram/webhook", data="u") as response:
            assert response.status == 200
            assert response.headers["X-Upstream"] == slow_rig.a.url
    status = await slow_rig.status()
    assert status[slow_rig.b.url]["refused"] == 1  # then marked down and no longer tried first
    assert status[slow_rig.b.url]["healthy"] is False


async def test_no_backend_left_is_a_502(slow_rig: Rig) -> None:
    await slow_rig.a.stop()
    await slow_rig.b.stop()
    async with slow_rig.http.get(f"{slow_rig.url}/health") as response:
        assert response.status == 502
