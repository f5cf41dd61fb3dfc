"""`make stack`: the production topology as plain processes on loopback.

    python -m stack.run                 # start, print the process table, run until Ctrl-C
    python -m stack.run --check         # start, send /start through the proxy, stop; exit 0 if ok

Emulator (Telegram) → proxy (stack.proxy, the stand-in for nginx) → web1/web2 (`organizer web`),
plus one `organizer scheduler`, all on the local PostgreSQL and Redis.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path

import aiohttp

from stack.topology import (
    DEFAULT_DATABASE_URL,
    DEFAULT_REDIS_URL,
    ROOT,
    Stack,
    StackConfig,
    StackError,
    until,
)
from stack.user import EmulatorUser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stack", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".stack", help="logs go here")
    parser.add_argument("--web-instances", type=int, default=2)
    parser.add_argument("--no-limits", action="store_true", help="emulator without flood limits")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument(
        "--check", action="store_true", help="start, verify /start gets a reply, stop"
    )
    return parser


def print_table(stack: Stack) -> None:
    rows = [("name", "pid", "url", "log")]
    for p in stack.processes.values():
        rows.append((p.name, str(p.pid or "-"), p.url or "-", _relative(p.log_path)))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print(f"webhook: {stack.env['WEBHOOK_URL']}  (Telegram = emulator {stack.emulator_url})")
    print(f"emulator test API: {stack.emulator_url}/_emu/state", flush=True)


def _relative(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    return str(path)


async def check(stack: Stack) -> None:
    """A user's /start travels emulator → proxy → a web instance, and the reply comes back."""
    async with aiohttp.ClientSession() as http:
        upstreams = set()
        for _ in range(stack.config.web_instances * 2):
            async with http.get(f"{stack.proxy_url}/health") as response:
                if response.status != 200:
                    raise StackError(f"/health through the proxy: {response.status}")
                upstreams.add(response.headers.get("X-Upstream"))
        print(f"check: /health through the proxy served by {len(upstreams)} instance(s)")
        user = await EmulatorUser.create(http, stack.emulator_url, "Carol")
        reply = await user.ask("/start", contains="Carol")
        print(f"check: /start answered: {reply.splitlines()[0][:60]!r}")


async def watch(stack: Stack, stop: asyncio.Event) -> None:
    """Report children that exit on their own; the supervisor does not restart them (a fault
    test wants to see the failure, and a crash loop would hide it)."""
    reported: set[str] = set()

    async def stop_or_death() -> bool:
        for name, process in stack.processes.items():
            if not process.alive() and name not in reported:
                reported.add(name)
                code = process.popen.returncode if process.popen else None
                print(f"stack: {name} exited with {code}; see {_relative(process.log_path)}")
        return stop.is_set()

    with contextlib.suppress(StackError):
        await until(stop_or_death, float("inf"), "")


async def main_async(args: argparse.Namespace) -> int:
    config = StackConfig(
        database_url=args.database_url,
        redis_url=args.redis_url,
        run_dir=args.run_dir.resolve(),
        web_instances=args.web_instances,
        emulator_limits=not args.no_limits,
        log_level=args.log_level,
    )
    stack = Stack(config)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stack.start()
        print_table(stack)
        if args.check:
            await check(stack)
            print("check: ok")
        else:
            print("stack: running; Ctrl-C stops everything", flush=True)
            await watch(stack, stop)
    except (StackError, TimeoutError, OSError) as error:
        print(f"stack: {error}", file=sys.stderr)
        return 1
    finally:
        print("stack: stopping", flush=True)
        await stack.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(main_async(build_parser().parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
