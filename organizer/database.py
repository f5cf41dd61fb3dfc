"""Engine, session factory and the column types every model shares."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData, event, inspect, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# A naming convention makes constraint names stable, which SQLite batch migrations need.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


_Row = TypeVar("_Row", bound=Base)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored in UTC.

    SQLite's DATETIME silently drops tzinfo; this type refuses naive values on the way in and
    re-attaches UTC on the way out, so every datetime the domain sees is aware and in UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a timezone first")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Auto-increment surrogate keys: BIGINT on PostgreSQL, INTEGER (rowid alias) on SQLite.
SurrogateKey = BigInteger().with_variant(Integer(), "sqlite")
# Free-form settings and payloads: JSONB on PostgreSQL, JSON text elsewhere.
JSONDict = JSON().with_variant(JSONB(), "postgresql")


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30})
    else:
        # After a server restart every pooled connection is dead; test each on checkout so
        # the first update afterwards gets a fresh one instead of "connection is closed".
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_async_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: no lazy I/O after commit in async code.
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def unit_of_work(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One session, committed when the block ends cleanly and rolled back otherwise."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


async def insert_if_absent(
    session: AsyncSession, model: type[Base], values: dict[str, Any], key: list[str]
) -> None:
    """INSERT … ON CONFLICT DO NOTHING: safe when two updates create the same row at once
    (Telegram may deliver a group's first updates together; aiogram handles them concurrently)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        await session.execute(
            pg_insert(model).values(**values).on_conflict_do_nothing(index_elements=key)
        )
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        await session.execute(
            sqlite_insert(model).values(**values).on_conflict_do_nothing(index_elements=key)
        )


async def lock_one(session: AsyncSession, model: type[_Row], *where: Any) -> _Row | None:
    """The row matching `where`, read for changing it, one writer at a time, on both databases.

    SELECT … FOR UPDATE exists only on PostgreSQL, and SQLite reads outside a write transaction
    see the last commit, so a read-check-write there can undo a concurrent writer. A no-op
    UPDATE of the row first takes the lock on both (the row lock on PostgreSQL, the database
    write lock on SQLite); the read that follows sees whatever the previous writer committed."""
    key = next(iter(inspect(model).primary_key))
    await session.execute(
        update(model)
        .where(*where)
        .values({key.key: key})
        .execution_options(synchronize_session=False)
    )
    row: _Row | None = await session.scalar(
        select(model).where(*where).execution_options(populate_existing=True)
    )
    return row


def is_connection_error(exc: BaseException) -> bool:
    """The database could not be reached (down, restarting, the connection dropped): a
    passing condition to report and retry, not a bug. Looks through the exception's causes,
    since SQLAlchemy wraps the driver's error."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (OSError, *_DRIVER_CONNECTION_ERRORS)):
            return True
        if _closed_interface(current):
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        current = current.__cause__ or current.__context__
    return False


def _driver_connection_errors() -> tuple[type[BaseException], ...]:
    try:
        import asyncpg
    except ImportError:  # SQLite only
        return ()
    return (
        asyncpg.exceptions.PostgresConnectionError,  # incl. ConnectionDoesNotExistError
        asyncpg.exceptions.CannotConnectNowError,  # the server is starting up
        asyncpg.exceptions.AdminShutdownError,
    )


def _closed_interface(exc: BaseException) -> bool:
    # asyncpg says "connection is closed" with its InterfaceError, which also covers misuse
    # (a bug), so only that message counts.
    return type(exc).__name__ == "InterfaceError" and "connection is closed" in str(exc)


_DRIVER_CONNECTION_ERRORS = _driver_connection_errors()
