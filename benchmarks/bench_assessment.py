"""/leaderboard and /stats at scale (issue 7): 2,000 groups, 500,000 memberships (250 a group)
and 5,000,000 member_daily_activity rows (10 active days per member over Jan–Mar 2026), plus
violations, library items, questions and answers, seeded on PostgreSQL with INSERT … SELECT
FROM generate_series into a scratch database of its own (dropped at the end).

Times 200 calls of `scores.score_period` (the leaderboard's query) and 200 calls of
`organizer.reports.assessment.group_stats` (/stats) for March 2026 in random groups and prints
p50/p95 (target p95 <= 200 ms). Not a test. Run:
    PYTHONPATH=. .venv/bin/python benchmarks/bench_assessment.py
Server: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgresql+asyncpg://postgres@127.0.0.1
:5432/test); the scratch database is created next to it.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

import organizer.models  # noqa: F401 - registers every table on Base.metadata
from benchmarks.common import line
from organizer.database import Base, create_engine, create_session_factory
from organizer.models.assessment import MemberDailyActivity
from organizer.services import scores
from organizer.services.scores_periods import month

GROUPS, PER_GROUP, USERS, DAYS_PER_MEMBER, CALLS = 2000, 250, 100_000, 10, 200
TARGET_MS = 200.0
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def log(message: str) -> None:
    print(f"[bench_assessment] {message}", file=sys.stderr, flush=True)


async def _admin(url: URL, statement: str) -> None:
    connection = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, database="postgres"
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


# Group g (1..2000) has id -1000000000000 - g; its member i (0..249) is user 1 + (g*250+i) % 100000
# (every user is in 5 groups). Days: 2026-01-01 + (i*7 + k*9 + g) % 90, k = 0..9 (distinct).
SEED = [
    """INSERT INTO groups (id, title, timezone, language, settings, rules_version, bot_is_member,
           setup_completed_at, created_at, updated_at)
       SELECT -1000000000000 - g, 'G' || g, 'Asia/Shanghai', 'zh', '{}'::jsonb, 1, true,
              '2025-12-01', '2025-12-01', '2025-12-01'
       FROM generate_series(1, :groups) g""",
    """INSERT INTO users (id, first_name, last_name, started_bot, created_at, updated_at)
       SELECT u, 'User', 'N' || u, (u % 3 = 0), '2025-12-01', '2025-12-01'
       FROM generate_series(1, :users) u""",
    """INSERT INTO memberships (group_id, user_id, role, status, joined_via, member_type,
           rules_version_accepted, joined_at, rules_accepted_at, left_at, updated_at)
       SELECT -1000000000000 - g, 1 + (g * 250 + i) % :users,
              CASE WHEN i = 0 THEN 'owner' WHEN i < 3 THEN 'admin' ELSE 'member' END,
              CASE WHEN i % 50 = 49 THEN 'left' ELSE 'active' END, 'link', 'employee', 1,
              timestamptz '2025-12-01' + (i || ' hours')::interval,
              timestamptz '2026-01-01' + ((i * 13 % 90) || ' days')::interval,
              CASE WHEN i % 50 = 49 THEN timestamptz '2026-03-10' END, '2026-01-01'
       FROM generate_series(1, :groups) g, generate_series(0, :per_group - 1) i""",
    """INSERT INTO member_daily_activity (group_id, user_id, day, messages, replies, first_at,
           last_at)
       SELECT -1000000000000 - g, 1 + (g * 250 + i) % :users,
              date '2026-01-01' + (i * 7 + k * 9 + g) % 90,
              1 + (i * 31 + k * 17 + g) % 60, (i + k) % 5, NULL, NULL
       FROM generate_series(1, :groups) g, generate_series(0, :per_group - 1) i,
            generate_series(0, :days - 1) k""",
    """INSERT INTO violations (group_id, user_id, rule, category, sanction, created_at, undone_at)
       SELECT -1000000000000 - g, 1 + (g * 250 + n * 5) % :users,
              (ARRAY['ad.link', 'abuse.words', 'flood.rate', 'manual'])[1 + n % 4],
              (ARRAY['advertising', 'abuse', 'flooding', 'manual'])[1 + n % 4], 'warn',
              timestamptz '2026-01-01' + ((n * 37 % 2160) || ' hours')::interval,
              CASE WHEN n % 10 = 0 THEN timestamptz '2026-04-01' END
       FROM generate_series(1, :groups) g, generate_series(0, 49) n""",
    """INSERT INTO library_items (group_id, message_id, author_id, title, kind, tag, created_at)
       SELECT -1000000000000 - g, n, 1 + (g * 250 + n * 3) % :users, 'Doc ' || n, 'document',
              (ARRAY['policy', 'howto', 'news', NULL])[1 + n % 4],
              timestamptz '2026-01-01' + ((n * 41 % 2160) || ' hours')::interval
       FROM generate_series(1, :groups) g, generate_series(1, 50) n""",
    """INSERT INTO questions (group_id, message_id, asker_id, text, status, asked_at, answered_at,
           best_answer_by)
       SELECT -1000000000000 - g, 100000 + n, 1 + (g * 250 + n) % :users, 'How?',
              CASE WHEN n % 4 = 0 THEN 'open' ELSE 'answered' END,
              timestamptz '2026-01-01' + ((n * 43 % 2160) || ' hours')::interval,
              CASE WHEN n % 4 <> 0
                   THEN timestamptz '2026-01-01' + ((n * 43 % 2160) || ' hours')::interval
                        + interval '2 hours' END,
              CASE WHEN n % 8 = 1 THEN 1 + (g * 250 + n * 7) % :users END
       FROM generate_series(1, :groups) g, generate_series(1, 50) n""",
    """INSERT INTO question_answers (question_id, message_id, user_id, created_at)
       SELECT q.id, 200000 + q.message_id, 1 + (q.id * 7) % :users, q.answered_at
       FROM questions q WHERE q.answered_at IS NOT NULL""",
]


async def seed(engine) -> None:  # type: ignore[no-untyped-def]
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    indexes = list(Base.metadata.tables[MemberDailyActivity.__tablename__].indexes)
    async with engine.begin() as conn:  # build the big table's indexes after loading it
        for index in indexes:
            await conn.run_sync(index.drop)
    params = {"groups": GROUPS, "users": USERS, "per_group": PER_GROUP, "days": DAYS_PER_MEMBER}
    for statement in SEED:
        started = time.perf_counter()
        async with engine.begin() as conn:
            result = await conn.execute(text(statement), params)
        table = statement.split("INTO ")[1].split()[0]
        log(f"{table}: {result.rowcount:,} rows in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    async with engine.begin() as conn:
        for index in indexes:
            await conn.run_sync(index.create)
    log(f"member_daily_activity indexes in {time.perf_counter() - started:.1f} s")
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("ANALYZE"))


async def timed(
    name: str, call: Callable[[int], Awaitable[object]], group_ids: list[int]
) -> tuple[float, float]:
    durations = []
    for n, group_id in enumerate(group_ids, 1):
        started = time.perf_counter()
        await call(group_id)
        durations.append((time.perf_counter() - started) * 1000)
        if n % 50 == 0:
            log(f"{name}: {n}/{len(group_ids)}")
    cuts = statistics.quantiles(durations, n=100)
    return cuts[49], cuts[94]


async def explain(engine, group_id: int) -> None:  # type: ignore[no-untyped-def]
    """The leaderboard's heaviest query, for finding a missing index when p95 is short."""
    async with engine.connect() as conn:
        plan = await conn.execute(
            text(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT user_id, count(*), sum(messages) "
                "FROM member_daily_activity WHERE group_id = :g AND day >= '2026-03-01' "
                "AND day < '2026-04-01' AND messages > 0 GROUP BY user_id"
            ),
            {"g": group_id},
        )
        log("EXPLAIN member_daily_activity month aggregate:\n" + "\n".join(r[0] for r in plan))


async def main() -> None:
    base = make_url(os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
                    or DEFAULT_URL)  # fmt: skip
    name = f"bench_assessment_{os.getpid()}"
    url = base.set(database=name)
    await _admin(url, f'CREATE DATABASE "{name}"')
    engine = create_engine(url.render_as_string(hide_password=False))
    try:
        started = time.perf_counter()
        await seed(engine)
        seeding = time.perf_counter() - started
        log(f"seeded and analysed in {seeding:.1f} s")
        factory = create_session_factory(engine)
        rng = random.Random(7)
        group_ids = [-1000000000000 - rng.randint(1, GROUPS) for _ in range(CALLS)]
        march = month(date(2026, 3, 15), "Asia/Shanghai")

        async def leaderboard(group_id: int) -> object:
            async with factory() as session:
                return await scores.score_period(session, group_id, march)

        try:  # the /stats report; before it existed, the daily aggregates it reads
            report: Any = importlib.import_module("organizer.reports.assessment")
            group_stats = getattr(report, "group_stats", None)
        except ImportError:  # pragma: no cover
            group_stats = None

        async def stats(group_id: int) -> object:
            async with factory() as session:
                if group_stats is not None:
                    return await group_stats(session, group_id, march)
                return await session.execute(
                    text(
                        "SELECT count(DISTINCT user_id), coalesce(sum(messages), 0) "
                        "FROM member_daily_activity WHERE group_id = :g "
                        "AND day >= :a AND day < :b AND messages > 0"
                    ),
                    {"g": group_id, "a": march.first_day, "b": march.end_day},
                )

        for group_id in group_ids[:5]:  # warm-up: connections, statement caches
            await leaderboard(group_id)
            await stats(group_id)
        board = await timed("leaderboard", leaderboard, group_ids)
        figures = await timed("stats", stats, list(reversed(group_ids)))
        if max(board[1], figures[1]) > TARGET_MS:
            await explain(engine, group_ids[0])
        sample = await leaderboard(group_ids[0])
        log(f"sample leaderboard: {len(sample)} members scored")  # type: ignore[arg-type]
    finally:
        await engine.dispose()
        await _admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"bench: assessment_seed_time = {seeding:.1f} s")
    print(f"bench: leaderboard_p50 = {board[0]:.1f} ms")
    print(line("leaderboard_p95", board[1], "ms", "<=", TARGET_MS))
    print(f"bench: stats_p50 = {figures[0]:.1f} ms")
    print(line("stats_p95", figures[1], "ms", "<=", TARGET_MS))


if __name__ == "__main__":
    asyncio.run(main())
