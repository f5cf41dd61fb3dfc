"""RSVP burst (DESIGN.md §4): 2,000 concurrent "Going" presses on one activity with capacity 100,
on PostgreSQL. Target: exactly 100 going, the other 1,900 waitlisted in the order their answers
were applied, no lost answer. Prints p50/p95 latency of a press.

Uses BENCH_DATABASE_URL (default: a scratch database on the local PostgreSQL). Run: make bench
"""

from __future__ import annotations

import asyncio
import statistics
import time

from sqlalchemy import select

from benchmarks.common import in_scratch_database, line
from organizer.clock import FakeClock
from organizer.database import Base, create_engine, create_session_factory, unit_of_work
from organizer.models import Rsvp, RsvpStatus, User
from organizer.services import rsvp
from tests.organizer.activity_fixtures import proposal, published

PRESSES, CAPACITY = 2000, 100


async def run(url: str) -> None:
    engine = create_engine(url, pool_size=20, max_overflow=0)
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
    factory, clock = create_session_factory(engine), FakeClock()
    async with unit_of_work(factory) as session:
        activity_id = await published(session, clock, proposal(clock, capacity=CAPACITY))
        session.add_all(
            User(id=10_000 + i, first_name=f"M{i}", started_bot=True, created_at=clock.now(),
                 updated_at=clock.now())
            for i in range(PRESSES)
        )  # fmt: skip
    latencies: list[float] = []

    async def press(user_id: int) -> None:
        started = time.perf_counter()
        async with unit_of_work(factory) as session:
            await rsvp.answer(session, activity_id, user_id, RsvpStatus.GOING, now=clock.now())
        latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    await asyncio.gather(*(press(10_000 + i) for i in range(PRESSES)))
    elapsed = time.perf_counter() - began
    async with factory() as session:
        rows = list(await session.scalars(select(Rsvp).where(Rsvp.activity_id == activity_id)))
    await engine.dispose()
    going = [r for r in rows if r.status == RsvpStatus.GOING]
    waiting = sorted(
        (r for r in rows if r.status == RsvpStatus.WAITLIST), key=lambda r: r.waitlist_position
    )
    positions = [r.waitlist_position for r in waiting]
    in_order = len(set(positions)) == len(positions) and all(p > CAPACITY for p in positions)
    quantiles = statistics.quantiles(latencies, n=100)
    print(line("rsvp_burst_going", len(going), "members", "==", CAPACITY))
    print(line("rsvp_burst_waitlisted", len(waiting), "members", "==", PRESSES - CAPACITY))
    print(line("rsvp_burst_lost_answers", PRESSES - len(rows), "answers", "==", 0))
    print(line("rsvp_burst_waitlist_in_order", int(in_order), "bool", "==", 1))
    print(f"bench: rsvp_burst_press_p50 = {quantiles[49] * 1000:.1f} ms")
    print(f"bench: rsvp_burst_press_p95 = {quantiles[94] * 1000:.1f} ms")
    print(f"bench: rsvp_burst_throughput = {PRESSES / elapsed:.0f} presses/s")


if __name__ == "__main__":
    asyncio.run(in_scratch_database(run))
