"""What every benchmark shares: the one line form DESIGN.md §4 asks for, and scratch
PostgreSQL databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Awaitable, Callable

import asyncpg
from sqlalchemy.engine import make_url

SERVER = os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def line(name: str, value: float, unit: str, op: str, target: float) -> str:
    ok = {">=": value >= target, "<=": value <= target, "==": value == target}[op]
    return f"bench: {name} = {value:g} {unit} (target {op} {target:g}) {'ok' if ok else 'short'}"


async def _admin(statement: str) -> None:
    url = make_url(SERVER)
    conn = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, database=url.database
    )
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def in_scratch_database(run: Callable[[str], Awaitable[None]]) -> None:
    """`run(url)` against a new database on the benchmark server, dropped afterwards."""
    name = f"organizer_bench_{uuid.uuid4().hex[:8]}"
    await _admin(f'CREATE DATABASE "{name}"')
    try:
        await run(make_url(SERVER).set(database=name).render_as_string(hide_password=False))
    finally:
        await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
