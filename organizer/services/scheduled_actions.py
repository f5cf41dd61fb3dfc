"""Schedule, move and cancel timed actions in the caller's transaction.

Every timed thing the bot does (reminder, survey, summary, sweep step) is a `ScheduledAction` row
written in the same transaction as the change that causes it, so moving or cancelling the cause
moves or cancels the action with it. These functions therefore take the caller's session, flush,
and never commit; the scheduler (`scheduler.runner`) later claims due rows and runs them.

A `dedupe_key` names one logical action ("reminder:42:24h"). Scheduling an existing key:
- pending: its due_at, payload, group and max_attempts are replaced (idempotent re-scheduling);
- cancelled or failed: the row is revived as a fresh pending action (cancel, then schedule again
  is how a cause that was withdrawn and restored brings its action back);
- running or done: left alone, because the action is happening or has happened and the key
  promises it happens once. Use a new key (e.g. with the occurrence date) for a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models.scheduled_action import ActionStatus, ScheduledAction

_REVIVABLE = (ActionStatus.CANCELLED, ActionStatus.FAILED)


@dataclass(frozen=True)
class ScheduledActionInfo:
    """A read-only snapshot of one scheduled action (never the ORM object)."""

    id: int
    kind: str
    payload: dict[str, Any]
    due_at: datetime
    status: ActionStatus
    dedupe_key: str | None
    group_id: int | None
    attempts: int
    max_attempts: int
    last_error: str | None
    claimed_by: str | None
    created_at: datetime
    finished_at: datetime | None


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value!r}")


async def schedule(
    session: AsyncSession,
    *,
    kind: str,
    due_at: datetime,
    payload: dict[str, Any] | None = None,
    group_id: int | None = None,
    dedupe_key: str | None = None,
    max_attempts: int = 5,
    now: datetime,
) -> int:
    """Add a pending action (or re-schedule the one with this dedupe_key); returns its id."""
    _require_aware(due_at, "due_at")
    _require_aware(now, "now")
    if not kind:
        raise ValueError("kind must not be empty")
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    # The caller's unflushed objects (say, the group this action points at) must exist first.
    await session.flush()
    values: dict[str, Any] = {
        "kind": kind,
        "payload": dict(payload or {}),
        "due_at": due_at,
        "status": ActionStatus.PENDING,
        "dedupe_key": dedupe_key,
        "group_id": group_id,
        "attempts": 0,
        "max_attempts": max_attempts,
        "created_at": now,
    }
    if dedupe_key is None:
        insert = _dialect_insert(session)(ScheduledAction).values(values)
        return int((await session.execute(insert.returning(ScheduledAction.id))).scalar_one())
    return await _upsert_by_key(session, values)


async def _upsert_by_key(session: AsyncSession, values: dict[str, Any]) -> int:
    # INSERT .. ON CONFLICT exists on both SQLite and PostgreSQL and is atomic, unlike
    # select-then-insert, which races with a concurrent transaction scheduling the same key.
    insert = _dialect_insert(session)(ScheduledAction).values(values)
    upsert = insert.on_conflict_do_update(
        index_elements=[ScheduledAction.dedupe_key],
        set_={
            "due_at": insert.excluded.due_at,
            "payload": insert.excluded.payload,
            "group_id": insert.excluded.group_id,
            "max_attempts": insert.excluded.max_attempts,
        },
        where=ScheduledAction.status == ActionStatus.PENDING,
    ).returning(ScheduledAction.id)
    action_id = (await session.execute(upsert)).scalar_one_or_none()
    if action_id is not None:
        return int(action_id)
    # The key exists but is not pending. PostgreSQL has locked the row during ON CONFLICT, and
    # SQLite has one writer, so its status cannot change under us before the update below.
    existing = (
        await session.execute(
            select(ScheduledAction.id, ScheduledAction.status).where(
                ScheduledAction.dedupe_key == values["dedupe_key"]
            )
        )
    ).one()
    if existing.status in _REVIVABLE:
        await session.execute(
            update(ScheduledAction)
            .where(ScheduledAction.id == existing.id)
            .values(
                kind=values["kind"],
                payload=values["payload"],
                due_at=values["due_at"],
                group_id=values["group_id"],
                max_attempts=values["max_attempts"],
                status=ActionStatus.PENDING,
                attempts=0,
                last_error=None,
                claimed_by=None,
                lease_until=None,
                finished_at=None,
            )
            .execution_options(synchronize_session=False)
        )
    return int(existing.id)


def _dialect_insert(session: AsyncSession) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert
    if dialect == "sqlite":
        return sqlite.insert
    raise NotImplementedError(f"scheduled actions support SQLite and PostgreSQL, not {dialect}")


async def reschedule(session: AsyncSession, target: int | str, due_at: datetime) -> bool:
    """Move a pending action, named by id or dedupe_key; False when there is no such pending one."""
    _require_aware(due_at, "due_at")
    await session.flush()
    selector = (
        ScheduledAction.dedupe_key == target
        if isinstance(target, str)
        else ScheduledAction.id == target
    )
    moved = await session.execute(
        update(ScheduledAction)
        .where(selector, ScheduledAction.status == ActionStatus.PENDING)
        .values(due_at=due_at)
        .returning(ScheduledAction.id)
        .execution_options(synchronize_session=False)
    )
    return moved.first() is not None


async def cancel(
    session: AsyncSession,
    *,
    action_id: int | None = None,
    dedupe_key: str | None = None,
    dedupe_prefix: str | None = None,
) -> int:
    """Cancel pending actions chosen by exactly one selector; returns how many were cancelled.

    Running actions are not touched: they are already being performed.
    """
    chosen = [s for s in (action_id, dedupe_key, dedupe_prefix) if s is not None]
    if len(chosen) != 1:
        raise ValueError("give exactly one of action_id, dedupe_key, dedupe_prefix")
    if dedupe_prefix == "":
        raise ValueError("dedupe_prefix must not be empty (that would cancel every keyed action)")
    if action_id is not None:
        selector = ScheduledAction.id == action_id
    elif dedupe_key is not None:
        selector = ScheduledAction.dedupe_key == dedupe_key
    else:
        assert dedupe_prefix is not None
        selector = _key_starts_with(dedupe_prefix)
    await session.flush()
    cancelled = await session.execute(
        update(ScheduledAction)
        .where(selector, ScheduledAction.status == ActionStatus.PENDING)
        .values(status=ActionStatus.CANCELLED, lease_until=None)
        .returning(ScheduledAction.id)
        .execution_options(synchronize_session=False)
    )
    return len(cancelled.all())


def _key_starts_with(prefix: str) -> ColumnElement[bool]:
    # LIKE narrows the rows (and escapes % and _ in the prefix), but SQLite's LIKE ignores ASCII
    # case, so the substring comparison makes the match exact on both databases.
    return and_(
        ScheduledAction.dedupe_key.startswith(prefix, autoescape=True),
        func.substr(ScheduledAction.dedupe_key, 1, len(prefix)) == prefix,
    )


async def pending(
    session: AsyncSession,
    *,
    kind: str | None = None,
    group_id: int | None = None,
    dedupe_prefix: str | None = None,
    due_before: datetime | None = None,
    limit: int | None = None,
) -> list[ScheduledActionInfo]:
    """Pending actions, soonest first, optionally filtered."""
    query = _select_actions().where(ScheduledAction.status == ActionStatus.PENDING)
    if kind is not None:
        query = query.where(ScheduledAction.kind == kind)
    if group_id is not None:
        query = query.where(ScheduledAction.group_id == group_id)
    if dedupe_prefix:
        query = query.where(_key_starts_with(dedupe_prefix))
    if due_before is not None:
        _require_aware(due_before, "due_before")
        query = query.where(ScheduledAction.due_at < due_before)
    query = query.order_by(ScheduledAction.due_at, ScheduledAction.id).limit(limit)
    return [_to_info(row) for row in (await session.execute(query)).scalars()]


async def get(session: AsyncSession, action_id: int) -> ScheduledActionInfo | None:
    """One action in whatever state it is in, or None."""
    query = _select_actions().where(ScheduledAction.id == action_id)
    row = (await session.execute(query)).scalar_one_or_none()
    return None if row is None else _to_info(row)


async def next_due_at(session: AsyncSession) -> datetime | None:
    """When the earliest pending action falls due (the sandbox jumps its clock there)."""
    query = select(func.min(ScheduledAction.due_at)).where(
        ScheduledAction.status == ActionStatus.PENDING
    )
    return (await session.execute(query)).scalar_one_or_none()


def _select_actions() -> Select[ScheduledAction]:
    # populate_existing: a snapshot must show the database, not an older copy in this session.
    return select(ScheduledAction).execution_options(populate_existing=True)


def _to_info(row: ScheduledAction) -> ScheduledActionInfo:
    return ScheduledActionInfo(
        id=row.id,
        kind=row.kind,
        payload=dict(row.payload or {}),
        due_at=row.due_at,
        status=ActionStatus(row.status),
        dedupe_key=row.dedupe_key,
        group_id=row.group_id,
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        last_error=row.last_error,
        claimed_by=row.claimed_by,
        created_at=row.created_at,
        finished_at=row.finished_at,
    )
