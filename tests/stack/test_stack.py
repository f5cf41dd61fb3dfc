"""The whole production topology as processes (stack.topology): emulator → proxy → two
`organizer web` instances, plus the scheduler, on PostgreSQL and Redis. A user's /start is
answered through the proxy, and still is after one instance is SIGKILLed."""

from __future__ import annotations

import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy.engine import make_url

from stack.database import drop_database
from stack.topology import Stack, StackConfig, http_json, until
from stack.user import EmulatorUser

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
DATABASE = "organizer_stack_test"  # its own, so it never collides with the `test` database

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (TEST_DATABASE_URL and TEST_REDIS_URL),
        reason="postgres: TEST_DATABASE_URL and TEST_REDIS_URL not set",
    ),
]


@pytest.fixture
async def stack(tmp_path: Path) -> AsyncIterator[Stack]:
    database_url = make_url(TEST_DATABASE_URL).set(database=DATABASE)
    url = database_url.render_as_string(hide_password=False)
    await drop_database(url)
    config = StackConfig(
        database_url=url,
        redis_url=TEST_REDIS_URL,
        run_dir=tmp_path / "stack",
        emulator_limits=False,
        log_level="WARNING",
    )
    running = Stack(config)
    await running.start()
    try:
        yield running
    finally:
        await running.stop()
    for process in running.processes.values():
        assert not process.alive(), f"{process.name} survived stop()"


async def _backend_health(stack: Stack) -> dict[str, bool]:
    status = await http_json(f"{stack.proxy_url}/_proxy/status")
    assert status is not None
    return {str(b["url"]): bool(b["healthy"]) for b in status["backends"]}


async def test_stack_serves_webhook_and_survives_a_killed_instance_postgres(stack: Stack) -> None:
    web_urls = {stack.urls[name] for name in stack.web_names()}
    assert await _backend_health(stack) == dict.fromkeys(web_urls, True)

    async with aiohttp.ClientSession() as http:
        served = set()
        for _ in range(4):
            async with http.get(f"{stack.proxy_url}/health") as response:
                assert response.status == 200
                served.add(response.headers["X-Upstream"])
        assert served == web_urls  # round robin reaches both instances
        async with http.post(f"{stack.proxy_url}/telegram/webhook", json={"update_id": 1}) as r:
            assert r.status == 401  # the secret header travels through the proxy, not around it

        carol = await EmulatorUser.create(http, stack.emulator_url, "Carol")
        assert "Carol" in await carol.ask("/start", contains="Carol")

        stack.kill("web1", signal.SIGKILL)
        process = stack.processes["web1"]

        async def web1_dead() -> bool:
            return not process.alive()

        await until(web1_dead, 10, "web1 still running after SIGKILL")
        # The proxy may not have noticed yet: a refused connection is retried on web2.
        dave = await EmulatorUser.create(http, stack.emulator_url, "Dave")
        assert "Dave" in await dave.ask("/start", contains="Dave")

        async def web1_marked_down() -> bool:
            return (await _backend_health(stack))[stack.urls["web1"]] is False

        await until(web1_marked_down, 10, "proxy still counts web1 healthy")
        assert stack.processes["web2"].alive() and stack.processes["scheduler"].alive()
