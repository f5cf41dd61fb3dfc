"""The production topology as loopback processes: emulator, proxy, N × `organizer web`, scheduler.

    stack = Stack(StackConfig(database_url=..., redis_url=...))
    await stack.start()          # migrate, start everything, wait until every /health is 200
    stack.kill("web1", signal.SIGKILL)
    await stack.restart("web1")
    await stack.stop()           # SIGTERM, then SIGKILL after a grace period

Children get their own session (start_new_session) so a Ctrl-C in the terminal reaches only
the supervisor, which then stops them in order; each child's output goes to a log file.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from emulator.__main__ import DEMO_TOKEN
from stack.database import ensure_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/organizer_stack"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
WEBHOOK_PATH = "/telegram/webhook"
HOST = "127.0.0.1"


class StackError(RuntimeError):
    """A process did not start, exited early, or never became healthy."""


@dataclass
class StackConfig:
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    run_dir: Path = ROOT / ".stack"
    web_instances: int = 2
    emulator_limits: bool = True
    log_level: str = "INFO"
    start_timeout: float = 60.0
    stop_grace: float = 10.0


@dataclass
class StackProcess:
    name: str
    argv: list[str]
    url: str | None  # base URL the process serves, None for the scheduler
    health_url: str | None
    log_path: Path
    env: dict[str, str]
    popen: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen else None

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


@dataclass
class Stack:
    config: StackConfig = field(default_factory=StackConfig)
    processes: dict[str, StackProcess] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)

    @property
    def urls(self) -> dict[str, str]:
        return {name: p.url for name, p in self.processes.items() if p.url}

    @property
    def proxy_url(self) -> str:
        return self.urls["proxy"]

    @property
    def emulator_url(self) -> str:
        return self.urls["emulator"]

    def web_names(self) -> list[str]:
        return [f"web{i}" for i in range(1, self.config.web_instances + 1)]

    async def start(self) -> None:
        """Migrate, then start every process and wait until each is healthy."""
        self.config.run_dir.mkdir(parents=True, exist_ok=True)
        # Logs are local state: keep them out of git without touching the project's .gitignore.
        (self.config.run_dir / ".gitignore").write_text("*\n")
        try:
            await ensure_database(self.config.database_url)
            self._plan()
            self._launch("emulator")
            await self.wait_healthy("emulator")
            await self._migrate()
            for name in ["proxy", *self.web_names(), "scheduler"]:
                self._launch(name)
            await asyncio.gather(*(self.wait_healthy(n) for n in self.processes))
            await self.wait_proxy_sees_all()
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        """Stop the bots first and the emulator last, so no bot loses its Bot API mid-request."""
        names = [n for n in reversed(self.processes) if n != "emulator"] + ["emulator"]
        for name in names:
            if name in self.processes and self.processes[name].alive():
                self.kill(name, signal.SIGTERM)
        deadline = time.monotonic() + self.config.stop_grace
        for name in names:
            process = self.processes.get(name)
            if process is None or process.popen is None:
                continue
            remaining = max(deadline - time.monotonic(), 0.1)
            try:
                await asyncio.to_thread(process.popen.wait, remaining)
            except subprocess.TimeoutExpired:
                process.popen.kill()
                await asyncio.to_thread(process.popen.wait)

    def kill(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes[name]
        if process.alive():
            assert process.popen is not None
            os.kill(process.popen.pid, sig)

    async def restart(self, name: str) -> None:
        """Stop one process (SIGTERM, then SIGKILL) if it runs, start it again, wait for health."""
        process = self.processes[name]
        if process.alive():
            assert process.popen is not None
            self.kill(name, signal.SIGTERM)
            try:
                await asyncio.to_thread(process.popen.wait, self.config.stop_grace)
            except subprocess.TimeoutExpired:
                process.popen.kill()
                await asyncio.to_thread(process.popen.wait)
        self._launch(name)
        await self.wait_healthy(name)

    async def wait_healthy(self, name: str, within: float | None = None) -> None:
        process = self.processes[name]

        async def ready() -> bool:
            if not process.alive():
                raise StackError(f"{name} exited; see {process.log_path}")
            return process.health_url is None or await http_ok(process.health_url)

        await until(ready, within or self.config.start_timeout, f"{name} is not healthy")

    async def wait_proxy_sees_all(self, within: float | None = None) -> None:
        """Until the proxy's own health checks count every live web instance as up."""

        async def all_up() -> bool:
            status = await http_json(f"{self.proxy_url}/_proxy/status")
            healthy = {b["url"] for b in status["backends"] if b["healthy"]} if status else set()
            live = {self.processes[n].url for n in self.web_names() if self.processes[n].alive()}
            return live <= healthy

        await until(all_up, within or self.config.start_timeout, "proxy does not see backends")

    def _plan(self) -> None:
        """Ports, environment and command lines of every process (not started yet)."""
        emu_port, proxy_port = free_port(), free_port()
        web_ports = {name: free_port() for name in self.web_names()}
        emulator_url, proxy_url = f"http://{HOST}:{emu_port}", f"http://{HOST}:{proxy_port}"
        self.env = {
            "BOT_TOKEN": DEMO_TOKEN,
            "DATABASE_URL": self.config.database_url,
            "REDIS_URL": self.config.redis_url,
            "TELEGRAM_API_URL": emulator_url,
            "WEBHOOK_URL": proxy_url + WEBHOOK_PATH,
            "WEBHOOK_SECRET": secrets.token_urlsafe(32),
            "PUBLIC_URL": proxy_url,
            "WEB_HOST": HOST,
            "LOG_LEVEL": self.config.log_level,
        }
        py, organizer = sys.executable, [sys.executable, "-m", "organizer"]
        emu_argv = [py, "-m", "emulator", "--host", HOST, "--port", str(emu_port)]
        if not self.config.emulator_limits:
            emu_argv.append("--no-limits")
        self._add("emulator", emu_argv, emulator_url, f"{emulator_url}/_emu/state")
        backends = [
            a for port in web_ports.values() for a in ("--backend", f"http://{HOST}:{port}")
        ]
        proxy_argv = [py, "-m", "stack.proxy", "--listen", f"{HOST}:{proxy_port}", *backends]
        self._add("proxy", proxy_argv, proxy_url, f"{proxy_url}/_proxy/status")
        for name, port in web_ports.items():
            url = f"http://{HOST}:{port}"
            self._add(name, [*organizer, "web"], url, f"{url}/health", {"WEB_PORT": str(port)})
        self._add("scheduler", [*organizer, "scheduler"], None, None)

    def _add(
        self,
        name: str,
        argv: list[str],
        url: str | None,
        health_url: str | None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        log_path = self.config.run_dir / f"{name}.log"
        env = self._child_env() | (extra_env or {})
        self.processes[name] = StackProcess(name, argv, url, health_url, log_path, env)

    def _child_env(self) -> dict[str, str]:
        # PYTHONPATH lets `-m stack.proxy` import from the checkout; the run dir as working
        # directory keeps a developer's .env from leaking into the stack's settings.
        inherited = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ")}
        return inherited | {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"} | self.env

    def _launch(self, name: str) -> None:
        process = self.processes[name]
        with process.log_path.open("ab") as log:
            process.popen = subprocess.Popen(
                process.argv,
                cwd=self.config.run_dir,
                env=process.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    async def _migrate(self) -> None:
        log_path = self.config.run_dir / "migrate.log"
        argv = [sys.executable, "-m", "organizer", "migrate"]
        with log_path.open("ab") as log:
            completed = await asyncio.to_thread(
                subprocess.run,
                argv,
                cwd=self.config.run_dir,
                env=self._child_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=self.config.start_timeout,
            )
        if completed.returncode != 0:
            raise StackError(f"organizer migrate failed; see {log_path}")


def free_port() -> int:
    # Racy in principle (the port is released before the child binds it) but fine on loopback.
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


async def until(condition: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    """Poll a condition until it holds, or raise StackError after `within` seconds."""
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise StackError(f"{what} after {within:.0f}s")
        await asyncio.sleep(0.1)


async def http_ok(url: str) -> bool:
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http,
            http.get(url) as response,
        ):
            return response.status == 200
    except (aiohttp.ClientError, TimeoutError):
        return False


async def http_json(url: str) -> dict[str, list[dict[str, object]]] | None:
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as http,
            http.get(url) as response,
        ):
            return await response.json() if response.status == 200 else None
    except (aiohttp.ClientError, TimeoutError):
        return None
