"""`organizer run | migrate` — the command line (also `python -m organizer`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from organizer.config import ConfigError, Settings, load_settings

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
    commands.add_parser("migrate", help="apply pending database migrations and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
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
            asyncio.run(_run(settings))
    except ConfigError as error:
        print(f"organizer: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


async def _migrate(settings: Settings) -> None:
    from organizer import migrate
    from organizer.database import create_engine

    engine = create_engine(settings.database_url)
    try:
        await migrate.upgrade(engine)
    finally:
        await engine.dispose()


async def _run(settings: Settings) -> None:
    from organizer.app import Application

    app = Application(settings)
    await app.start()
    try:
        await app.run_polling()
    finally:
        await app.stop()


def _safe_url(url: str) -> str:
    """The URL without a password, for printing."""
    head, sep, tail = url.partition("@")
    if not sep or "://" not in head:
        return url
    scheme, _, credentials = head.partition("://")
    return f"{scheme}://{credentials.split(':')[0]}@{tail}"
