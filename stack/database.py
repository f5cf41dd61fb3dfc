"""The stack's PostgreSQL database: created on first use, so `make stack` needs no setup."""

from __future__ import annotations

import asyncpg
from sqlalchemy.engine import make_url


async def _server(url: str) -> asyncpg.Connection:
    """A connection to the maintenance database `postgres` on the server of `url`."""
    parsed = make_url(url)
    return await asyncpg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, password=parsed.password,
        database="postgres",
    )  # fmt: skip


async def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` if missing (connecting to `postgres`)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        return
    connection = await _server(url)
    try:
        exists = await connection.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", parsed.database
        )
        if not exists:
            name = str(parsed.database).replace('"', '""')
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def drop_database(url: str) -> None:
    """Start from an empty database (the stack creates and migrates it again): the emulator
    numbers users and chats from the same first id on every start, so an earlier run's rows
    would be taken for this run's."""
    connection = await _server(url)
    try:
        name = str(make_url(url).database).replace('"', '""')
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
