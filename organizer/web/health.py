"""GET /health: can this instance reach its database (and Redis), and is the scheduler keeping up.

The lag is read from the table of scheduled actions, not from this process, so any instance
(web or scheduler) reports the same number: how long the oldest due action has waited unclaimed.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import Clock
from organizer.models.scheduled_action import ActionStatus, ScheduledAction

log = logging.getLogger(__name__)

OK, ERROR, NOT_CONFIGURED = "ok", "error", "not configured"
# A health probe must answer before the load balancer gives up on it.
CHECK_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class HealthReport:
    database: str
    redis: str
    scheduler_lag_seconds: float | None  # None when the database could not be asked

    @property
    def healthy(self) -> bool:
        return self.database == OK and self.redis in (OK, NOT_CONFIGURED)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.healthy else "degraded",
            "database": self.database,
            "redis": self.redis,
            "scheduler_lag_seconds": self.scheduler_lag_seconds,
        }


class HealthCheck:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        *,
        redis_url: str | None = None,
        timeout: float = CHECK_TIMEOUT_SECONDS,
    ) -> None:
        self._session_factory = session_factory
        self._clock = clock
        self._redis_url = redis_url
        self._timeout = timeout

    async def report(self) -> HealthReport:
        lag, redis = await asyncio.gather(self._database(), self._redis())
        return HealthReport(
            database=OK if lag is not None else ERROR, redis=redis, scheduler_lag_seconds=lag
        )

    async def _database(self) -> float | None:
        """The scheduler lag, which doubles as the database check; None when unreachable."""
        try:
            return await asyncio.wait_for(self._scheduler_lag(), self._timeout)
        except Exception as error:  # any failure means "unhealthy", never a 500 from /health
            log.warning("health: database unreachable: %s", error)
            return None

    async def _scheduler_lag(self) -> float:
        now = self._clock.now()
        async with self._session_factory() as session:
            await session.execute(text("SELECT 1"))
            oldest: datetime | None = await session.scalar(
                select(func.min(ScheduledAction.due_at)).where(
                    ScheduledAction.status == ActionStatus.PENDING,
                    ScheduledAction.due_at <= now,
                )
            )
        return round(max(0.0, (now - oldest).total_seconds()), 3) if oldest else 0.0

    async def _redis(self) -> str:
        if not self._redis_url:
            return NOT_CONFIGURED
        from redis.asyncio import Redis

        client = Redis.from_url(self._redis_url, socket_connect_timeout=self._timeout)
        try:
            await asyncio.wait_for(client.ping(), self._timeout)
            return OK
        except Exception as error:
            log.warning("health: redis unreachable: %s", error)
            return ERROR
        finally:
            await client.aclose()
