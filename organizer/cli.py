"""`organizer run | web | scheduler | migrate | sandbox`: the command line (`-m organizer` too)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from organizer.config import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from organizer.app import Application

DESCRIPTION = (
    "Organizer: a Telegram bot that runs a training company's chat groups by its group charter. "
    "Settings come from the environment and .env (see .env.example)."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="organizer", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "run",
        help="apply pending migrations, then run the bot (long polling, scheduler in-process)",
    )
    web = commands.add_parser(
        "web",
        help="apply pending migrations, then serve the webhook (WEBHOOK_URL, WEBHOOK_SECRET) "
        "and /health on WEB_HOST:WEB_PORT; the scheduler runs as its own process",
    )
    web.add_argument(
        "--with-scheduler",
        action="store_true",
        help="also run the scheduler in this process (a single-instance deployment)",
    )
    commands.add_parser(
        "scheduler",
        help="run scheduled actions and recurring jobs only (no updates); several may run at once",
    )
    commands.add_parser("migrate", help="apply pending database migrations and exit")
    sandbox = commands.add_parser(
        "sandbox",
        help="try the whole bot in a browser: an in-process Telegram emulator, a demo "
        "organisation and a local chat page with time travel (no Telegram, no .env needed)",
    )
    sandbox.add_argument("--port", type=int, default=0, help="page port (default: a free one)")
    sandbox.add_argument("--lang", choices=("zh", "en"), default="zh", help="personas' language")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "sandbox":
        return _sandbox(args)
    try:
        settings = load_settings()
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        if args.command == "migrate":
            asyncio.run(_migrate(settings))
            print(f"Database is up to date ({_safe_url(settings.database_url)}).")
        else:
            settings.require_bot_token()
            asyncio.run(_serve(settings, args))
    except ConfigError as error:
        print(f"organizer: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def _sandbox(args: argparse.Namespace) -> int:
    # Its own scratch database and demo token: the developer's settings are not read.
    from sandbox.run import main as run_sandbox

    logging.basicConfig(level="WARNING", format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(run_sandbox(args.port, args.lang))
    return 0


async def _migrate(settings: Settings) -> None:
    from organizer import migrate
    from organizer.database import create_engine

    engine = create_engine(settings.database_url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def _serve(settings: Settings, args: argparse.Namespace) -> None:
    app = _application(settings, args)
    if app.role == "all":
        await app.start()
        try:
            await app.run_polling()  # aiogram stops it on SIGINT / SIGTERM
        finally:
            await app.stop()
        return
    # Listening before start: a SIGTERM while starting still ends in a clean stop.
    async with _stop_signal() as stopped:
        await app.start()
        try:
            await stopped.wait()
        finally:
            await app.stop()


def _application(settings: Settings, args: argparse.Namespace) -> Application:
    from organizer.app import Application

    if args.command == "web":
        from organizer.web.server import require_webhook_settings

        require_webhook_settings(settings)  # before migrating or calling Telegram
        return Application(settings, role="web", with_scheduler=args.with_scheduler)
    if args.command == "scheduler":
        return Application(settings, role="scheduler")
    return Application(settings)


@contextlib.asynccontextmanager
async def _stop_signal() -> AsyncIterator[asyncio.Event]:
    """An event set by SIGINT or SIGTERM (Ctrl-C, or a process manager stopping us)."""
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopped.set)
    try:
        yield stopped
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def _safe_url(url: str) -> str:
    """The URL without a password, for printing."""
    head, sep, tail = url.partition("@")
    if not sep or "://" not in head:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':')[0]}@{tail}"
