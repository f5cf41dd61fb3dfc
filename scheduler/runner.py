"""Claims due scheduled actions from the database and performs them.

The database is the store of record: a tick claims due rows atomically and commits the claim
before any handler runs, then performs each claimed action in its own transaction and marks it
done in that same transaction. Guarantees:

- while everything works, each action runs once (a claimed row is no longer due);
- a worker that dies mid-action leaves its row `running` with a lease; once the lease has
  expired the next tick reclaims it, which uses up one attempt, so the action is re-run once;
- every outcome update is fenced by (claimed_by, status running, attempts), so a worker whose
  lease was taken over cannot overwrite the new owner's result.

Handlers must finish well within the lease; longer work should be split into several actions.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import Clock
from organizer.database import is_connection_error
from organizer.messenger import Messenger
from organizer.models.scheduled_action import ActionStatus, ScheduledAction
from scheduler.receipts import Receipts
from scheduler.registry import ActionContext, ActionRegistry, PermanentActionError

log = logging.getLogger(__name__)

MAX_ERROR_CHARS = 2000
_WORKER_ID_MAX = 64  # ScheduledAction.claimed_by is String(64)
Backoff = Callable[[int], timedelta]
_CLAIMED = ("id", "kind", "payload", "due_at", "attempts", "max_attempts")
_CLAIMED_COLUMNS = [getattr(ScheduledAction, name) for name in _CLAIMED]


def exponential_backoff(
    base: timedelta = timedelta(seconds=30), cap: timedelta = timedelta(hours=1)
) -> Backoff:
    """Delay before the retry that follows failed attempt n: base * 2**(n-1), at most cap."""

    def backoff(attempt: int) -> timedelta:
        # Clamp the exponent so a large attempt count cannot overflow timedelta.
        return min(cap, base * (1 << min(max(attempt - 1, 0), 32)))

    return backoff


@dataclass(frozen=True)
class TickResult:
    claimed: int = 0
    done: int = 0
    retried: int = 0
    failed: int = 0
    # Of `claimed`: actions whose previous worker's lease had expired (it crashed mid-action).
    reclaimed: int = 0
    # Outcomes this worker could not record (its lease was taken over, or the database failed);
    # the row's lease decides what happens next.
    lost: int = 0

    def __add__(self, other: TickResult) -> TickResult:
        return TickResult(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


# What became of one claimed action; the names match TickResult's counters.
_Outcome = Literal["done", "retried", "failed", "lost"]


@dataclass(frozen=True)
class _Claim:
    """A row this worker has claimed; `attempts` already counts the attempt being made."""

    id: int
    kind: str
    payload: dict[str, Any]
    due_at: datetime
    attempts: int
    max_attempts: int
    reclaimed: bool

    def __str__(self) -> str:  # how log lines name the action
        return f"action {self.id} ({self.kind}) attempt {self.attempts}/{self.max_attempts}"


class ActionRunner:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        registry: ActionRegistry,
        messenger: Messenger,
        clock: Clock,
        *,
        worker_id: str,
        batch_size: int = 50,
        lease: timedelta = timedelta(minutes=5),
        backoff: Backoff | None = None,
        settings: object | None = None,
    ) -> None:
        if not worker_id or len(worker_id) > _WORKER_ID_MAX:
            raise ValueError(f"worker_id must be 1..{_WORKER_ID_MAX} characters")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if lease <= timedelta(0):
            raise ValueError("lease must be positive")
        self._session_factory = session_factory
        self._registry = registry
        self._messenger = messenger
        self._clock = clock
        self.worker_id = worker_id
        self._batch_size = batch_size
        self._lease = lease
        self._backoff = backoff or exponential_backoff()
        self._settings = settings
        # Ticks of one runner never overlap (APScheduler's max_instances=1 covers its own job;
        # this also covers run_until_idle called while the scheduler is running).
        self._tick_lock = asyncio.Lock()

    async def tick(self) -> TickResult:
        """Claim what is due now and perform it; returns what happened."""
        async with self._tick_lock:
            try:
                claims = await self._claim_due()
            except Exception as exc:
                if not is_connection_error(exc):
                    raise
                # A database restart: nothing was claimed; the next tick looks again.
                log.warning("worker %s: database unavailable, tick skipped (%s)",
                            self.worker_id, exc)  # fmt: skip
                return TickResult()
            outcomes = [await self._perform_safely(claim) for claim in claims]
        result = TickResult(
            claimed=len(claims),
            reclaimed=sum(claim.reclaimed for claim in claims),
            done=outcomes.count("done"),
            retried=outcomes.count("retried"),
            failed=outcomes.count("failed"),
            lost=outcomes.count("lost"),
        )
        if claims:
            log.info("worker %s tick: %s", self.worker_id, result)
        return result

    async def run_until_idle(self, max_ticks: int = 100) -> TickResult:
        """Tick until a tick finds nothing due (or max_ticks ticks ran); returns the totals."""
        total = TickResult()
        for _ in range(max_ticks):
            result = await self.tick()
            total += result
            if result.claimed == 0:
                return total
        log.warning("run_until_idle stopped after %d ticks with work still due", max_ticks)
        return total

    async def wait_idle(self) -> None:
        """Wait for the tick in progress, if any, to finish (used for a clean shutdown)."""
        async with self._tick_lock:
            pass

    # -- claiming ---------------------------------------------------------------------------

    async def _claim_due(self) -> list[_Claim]:
        now = self._clock.now()
        async with self._session_factory() as session, session.begin():
            if session.get_bind().dialect.name == "postgresql":
                return await self._claim_with_row_locks(session, now)
            return await self._claim_conditionally(session, now)

    def _due(self, now: datetime) -> ColumnElement[bool]:
        return or_(
            and_(ScheduledAction.status == ActionStatus.PENDING, ScheduledAction.due_at <= now),
            # Running with an expired lease: its worker died mid-action.
            and_(ScheduledAction.status == ActionStatus.RUNNING, ScheduledAction.lease_until < now),
        )

    def _claim_update(self, now: datetime) -> Any:
        return (
            update(ScheduledAction)
            .values(
                status=ActionStatus.RUNNING,
                claimed_by=self.worker_id,
                lease_until=now + self._lease,
                attempts=ScheduledAction.attempts + 1,
            )
            .returning(*_CLAIMED_COLUMNS)
            .execution_options(synchronize_session=False)
        )

    def _candidates(self, now: datetime) -> Any:
        return (
            select(ScheduledAction.id, ScheduledAction.status, ScheduledAction.attempts)
            .where(self._due(now))
            .order_by(ScheduledAction.due_at, ScheduledAction.id)
            .limit(self._batch_size)
        )

    async def _claim_with_row_locks(self, session: AsyncSession, now: datetime) -> list[_Claim]:
        # SKIP LOCKED: rows another scheduler is claiming right now are left to it, so
        # concurrent schedulers split the due rows instead of queueing behind each other.
        query = self._candidates(now).with_for_update(skip_locked=True)
        candidates = (await session.execute(query)).all()
        if not candidates:
            return []
        order = {row.id: index for index, row in enumerate(candidates)}
        reclaimed = {row.id for row in candidates if row.status == ActionStatus.RUNNING}
        claimed = await session.execute(
            self._claim_update(now).where(ScheduledAction.id.in_(list(order)))
        )
        claims = [_Claim(**row._asdict(), reclaimed=row.id in reclaimed) for row in claimed]
        return sorted(claims, key=lambda claim: order[claim.id])

    async def _claim_conditionally(self, session: AsyncSession, now: datetime) -> list[_Claim]:
        # SQLite has no row locks, but one writer at a time: an UPDATE that re-checks the state
        # we read (status, attempts, still due) claims the row only if nobody else did since.
        claims = []
        for candidate in (await session.execute(self._candidates(now))).all():
            unchanged = and_(
                ScheduledAction.id == candidate.id,
                ScheduledAction.status == candidate.status,
                ScheduledAction.attempts == candidate.attempts,
                self._due(now),
            )
            row = (await session.execute(self._claim_update(now).where(unchanged))).first()
            if row is not None:
                reclaimed = candidate.status == ActionStatus.RUNNING
                claims.append(_Claim(**row._asdict(), reclaimed=reclaimed))
        return claims

    # -- performing -------------------------------------------------------------------------

    async def _perform_safely(self, claim: _Claim) -> _Outcome:
        try:
            return await self._perform(claim)
        except Exception as exc:
            # Recording the outcome failed (database trouble). The row stays running under our
            # lease, so it is reclaimed and retried when the lease expires; the batch goes on.
            if is_connection_error(exc):
                log.warning("could not record the outcome of %s: database unavailable", claim)
            else:
                log.exception("could not record the outcome of %s", claim)
            return "lost"

    async def _perform(self, claim: _Claim) -> _Outcome:
        handler = self._registry.get(claim.kind)
        if handler is None:
            return await self._fail(claim, f"no handler registered for action kind {claim.kind!r}")
        if claim.attempts > claim.max_attempts:
            # Only a reclaim gets here: the worker died during the last allowed attempt.
            error = f"worker lease expired during attempt {claim.attempts - 1}; no attempts left"
            return await self._fail(claim, error)
        try:
            async with self._session_factory() as session:
                context = ActionContext(
                    session=session,
                    messenger=self._messenger,
                    clock=self._clock,
                    action_id=claim.id,
                    kind=claim.kind,
                    attempt=claim.attempts,
                    due_at=claim.due_at,
                    settings=self._settings,
                    receipts=Receipts(claim.id, session, self._session_factory),
                )
                await handler(context, dict(claim.payload))
                return await self._commit_done(session, claim)
        except Exception as exc:  # the session's exit has rolled back the handler's writes
            return await self._record_failure(claim, exc)

    async def _commit_done(self, session: AsyncSession, claim: _Claim) -> _Outcome:
        marked = await session.execute(
            update(ScheduledAction)
            .where(self._still_ours(claim))
            .values(status=ActionStatus.DONE, finished_at=self._clock.now(), lease_until=None)
            .returning(ScheduledAction.id)
            .execution_options(synchronize_session=False)
        )
        if marked.first() is None:
            await session.rollback()
            log.warning("%s finished after its lease was taken over; result discarded", claim)
            return "lost"
        await session.commit()
        return "done"

    async def _record_failure(self, claim: _Claim, exc: Exception) -> _Outcome:
        error = _describe(exc)
        if isinstance(exc, PermanentActionError) or claim.attempts >= claim.max_attempts:
            log.error("%s failed for good: %s", claim, error, exc_info=exc)
            return await self._fail(claim, error, log_it=False)
        retry_at = self._clock.now() + self._backoff(claim.attempts)
        log.warning("%s failed, retry at %s: %s", claim, retry_at.isoformat(), error, exc_info=exc)
        retry = dict(
            status=ActionStatus.PENDING, due_at=retry_at, claimed_by=None, last_error=error
        )
        return "retried" if await self._update_if_ours(claim, retry) else "lost"

    async def _fail(self, claim: _Claim, error: str, *, log_it: bool = True) -> _Outcome:
        if log_it:
            log.error("%s failed: %s", claim, error)
        failure = dict(status=ActionStatus.FAILED, finished_at=self._clock.now(), last_error=error)
        return "failed" if await self._update_if_ours(claim, failure) else "lost"

    async def _update_if_ours(self, claim: _Claim, values: dict[str, Any]) -> bool:
        async with self._session_factory() as session, session.begin():
            updated = await session.execute(
                update(ScheduledAction)
                .where(self._still_ours(claim))
                .values({**values, "lease_until": None})
                .returning(ScheduledAction.id)
                .execution_options(synchronize_session=False)
            )
            if updated.first() is not None:
                return True
        log.warning("%s: lease was taken over; %s not recorded", claim, values["status"])
        return False

    def _still_ours(self, claim: _Claim) -> ColumnElement[bool]:
        # The attempt number fences off our own older claims too (a restarted process that
        # reuses its worker_id must not finish an attempt someone else started since).
        return and_(
            ScheduledAction.id == claim.id,
            ScheduledAction.claimed_by == self.worker_id,
            ScheduledAction.status == ActionStatus.RUNNING,
            ScheduledAction.attempts == claim.attempts,
        )


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"
