"""The sandbox, seeded, for API tests (in the test's loop) and browser tests (in a thread)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from sandbox.run import Served, serving
from sandbox.seed import seed
from sandbox.web import build_app
from sandbox.world import Sandbox

START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai, a Monday


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    running = Sandbox(start_at=START)
    await running.start()
    try:
        await seed(running)
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(build_app(sandbox))) as test_client:
        yield test_client


class ServedInThread:
    """`organizer sandbox` in a thread of its own, so a synchronous browser can drive it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._ready: Future[Served] = Future()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self.loop.run_until_complete, args=(self._run(),))

    async def _run(self) -> None:
        try:
            async with serving(start_at=START) as served:
                self._ready.set_result(served)
                await self._stop.wait()
        except BaseException as error:
            if not self._ready.done():
                self._ready.set_exception(error)
            raise

    def start(self) -> Served:
        self._thread.start()
        return self._ready.result(timeout=60)

    def call(self, coroutine: Any) -> Any:
        """Run a coroutine on the sandbox's loop (its objects are not thread-safe)."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=30)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=60)
        self.loop.close()


@pytest.fixture
def served_in_thread() -> Iterator[tuple[ServedInThread, Served]]:
    runner = ServedInThread()
    served = runner.start()
    try:
        yield runner, served
    finally:
        runner.stop()
