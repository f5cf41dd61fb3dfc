"""`organizer sandbox`: emulator, bot and page in one process, until Ctrl-C."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from sandbox.seed import seed
from sandbox.web import build_app
from sandbox.world import Sandbox


@dataclass
class Served:
    sandbox: Sandbox
    url: str


@contextlib.asynccontextmanager
async def serving(
    port: int = 0, *, language: str = "zh", start_at: datetime | None = None
) -> AsyncIterator[Served]:
    """The seeded sandbox with its page listening on 127.0.0.1:`port` (0 = a free port)."""
    sandbox = Sandbox(start_at=start_at)
    await sandbox.start()
    runner: web.AppRunner | None = None
    try:
        await seed(sandbox, language)
        runner = web.AppRunner(build_app(sandbox), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        bound = runner.addresses[0][1]
        yield Served(sandbox, f"http://127.0.0.1:{bound}/")
    finally:
        if runner is not None:
            await runner.cleanup()
        await sandbox.stop()


async def main(port: int = 0, language: str = "zh") -> None:
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopped.set)
    async with serving(port, language=language) as served:
        print(f"Organizer sandbox: open {served.url}  (Ctrl-C to stop)", flush=True)
        await stopped.wait()
