"""The stack's PostgreSQL database: created on first use, so `make stack` needs no setup."""

from __future__ import annotations

import asyncpg
from sqlalchemy.engine import make_url


async def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` if missing (connecting to `postgres`)."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        return
    connection = await asyncpg.connect(
        host=parsed.host,
        port=parsed.port,
        user=parsed.username,
        password=parsed.password,
        database="postgres",
    )
    try:
        exists = await connection.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", parsed.database
        )
        if not exists:
            name = str(parsed.database).replace('"', '""')
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
