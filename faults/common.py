"""What the fault scripts share: the Stack with fault hooks, the emulator's test API, the stack's
database, and the `bench:` line of DESIGN §4."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
import urllib.request
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from emulator.__main__ import DEMO_TOKEN
from organizer.database import create_engine, create_session_factory
from stack.topology import Stack, StackError

OWNER_NAME = "Alice"  # the emulator's demo user, made an organisation admin of the stack


LEASE_SECONDS = 10


@dataclass
class FaultStack(Stack):
    """The stack whose bots treat the emulator's demo user Alice as an organisation admin, so
    the scripts can create notices for many groups without driving admin rights through chats."""

    owner_id: int = 0
    log_marks: dict[str, int] = field(default_factory=dict)

    def _launch(self, name: str) -> None:
        if name != "emulator":
            if not self.owner_id:
                self.owner_id = _demo_user_id(self.emulator_url, OWNER_NAME)
            self.processes[name].env["ORG_ADMIN_IDS"] = str(self.owner_id)
            # A killed scheduler's claims are taken over after the lease: the shortest allowed,
            # so recovery is seen in seconds (production keeps the 300 s default).
            self.processes[name].env["SCHEDULER_LEASE_SECONDS"] = str(LEASE_SECONDS)
        super()._launch(name)

    async def kill9(self, name: str) -> None:
        """SIGKILL and wait until the process is gone (so its leases are really orphaned)."""
        process = self.processes[name]
        self.kill(name, signal.SIGKILL)
        if process.popen is not None:
            await asyncio.to_thread(process.popen.wait)

    def mark_logs(self) -> None:
        """From here on, `log_errors` counts (the logs are appended to across runs)."""
        self.log_marks = {
            name: p.log_path.stat().st_size if p.log_path.exists() else 0
            for name, p in self.processes.items()
        }

    def log_errors(self) -> int:
        """ERROR/CRITICAL records (and a traceback printed before any record) in every
        process's log since `mark_logs`. A warning may carry a traceback: an expected failure
        (a retried action, Telegram or the database briefly gone) reported, not an error; a
        crash ends the process, which the stack notices on its own."""
        count = 0
        for name, process in self.processes.items():
            if not process.log_path.exists():
                continue
            with process.log_path.open("rb") as log:
                log.seek(self.log_marks.get(name, 0))
                count += count_errors(log.read().decode(errors="replace"))
        return count


_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ([A-Z]+) ")


def count_errors(text: str) -> int:
    count, level = 0, ""
    for line in text.splitlines():
        record = _RECORD.match(line)
        if record:
            level = record.group(1)
            count += level in ("ERROR", "CRITICAL")
        elif line.startswith("Traceback") and not level:
            count += 1  # before any log record: printed outside logging
    return count


def _demo_user_id(emulator_url: str, first_name: str) -> int:
    with urllib.request.urlopen(f"{emulator_url}/_emu/state", timeout=5) as response:
        state = json.load(response)
    return int(next(u["id"] for u in state["users"] if u.get("first_name") == first_name))


@dataclass
class Emu:
    """The emulator's /_emu/ test API from outside its process."""

    http: aiohttp.ClientSession
    url: str
    bot_id: int = 0

    async def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        async with self.http.request(method, self.url + path, json=body) as response:
            data = await response.json()
            if response.status != 200:
                raise StackError(f"{method} {path}: {response.status} {data}")
            return data

    async def load_bot(self) -> None:
        state = await self.call("GET", "/_emu/state")
        self.bot_id = int(next(u["id"] for u in state["users"] if u.get("token") == DEMO_TOKEN))

    async def user(self, name: str) -> int:
        return int((await self.call("POST", "/_emu/users", {"first_name": name}))["id"])

    async def group(self, title: str, owner_id: int, member_ids: Iterable[int] = ()) -> int:
        body = {"title": title, "owner_id": owner_id, "member_ids": list(member_ids)}
        chat_id = int((await self.call("POST", "/_emu/groups", body))["id"])
        bot = {"bot_id": self.bot_id, "by_id": owner_id, "admin": True}
        await self.call("POST", f"/_emu/groups/{chat_id}/bots", bot)
        return chat_id

    async def messages(self, chat_id: int) -> list[dict[str, Any]]:
        return list(await self.call("GET", f"/_emu/chats/{chat_id}/messages?bot_id={self.bot_id}"))

    async def copies(self, chat_ids: Iterable[int], marker: str) -> dict[int, int]:
        """Per chat: how many bot messages contain `marker`."""
        counts = {}
        for chat_id in chat_ids:
            texts = [m.get("text") or "" for m in await self.messages(chat_id)]
            counts[chat_id] = sum(marker in t for t in texts)
        return counts

    async def faults(self, **config: Any) -> dict[str, Any]:
        return dict(await self.call("POST", "/_emu/faults", config))

    async def calls_since(self, offset: int) -> list[dict[str, Any]]:
        """Bot API calls from the `offset`-th on (the log only grows)."""
        return list(await self.call("GET", f"/_emu/calls?since={offset}"))

    async def sent_count(self, marker: str) -> int:
        """Bot API calls so far whose text carries `marker` (performed or not)."""
        calls = await self.call("GET", "/_emu/calls")
        return sum(marker in str(c["params"].get("text", "")) for c in calls)


@dataclass
class Db:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = create_session_factory(self.engine)

    @classmethod
    def connect(cls, url: str) -> Db:
        return cls(create_engine(url, pool_pre_ping=True))

    async def scalar(self, sql: str, **params: Any) -> Any:
        async with self.engine.connect() as connection:
            return (await connection.execute(text(sql), params)).scalar()


async def poll(check: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    """Until `check()` holds; StackError after `within` seconds (deadlines, not sleeps)."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            raise StackError(f"{what} after {within:.0f}s")
        await asyncio.sleep(0.05)


def bench(name: str, value: float, unit: str, op: str, target: float) -> bool:
    """Print one DESIGN §4 line; True when the target is met."""
    ok = value <= target if op == "<=" else value >= target if op == ">=" else value == target
    shown = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    print(f"bench: {name} = {shown} {unit} (target {op} {target:g}) {'ok' if ok else 'short'}")
    return ok


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip() in ("1", "true", "yes")
