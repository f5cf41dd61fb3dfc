"""`make soak`: the stack under steady traffic for --minutes (default 60).

--groups groups (bot added as admin) whose members keep writing, a notice to every group every
few minutes, a published activity in --activities of the groups whose members keep pressing
Going and Maybe in turn (faults/soak_rsvp.py), and every --sample seconds: the RSS of each bot
and scheduler process, the time from a user's /start to the bot's reply and the RSVP presses so
far. Prints the samples as a table, then memory growth (mean of the last third of samples over
the first third), p95 reply latency, the members who pressed but have no answer recorded, and
the ERROR / Traceback lines in the stack's logs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import time
from pathlib import Path

import aiohttp

from faults.common import Db, Emu, FaultStack, bench, poll
from faults.notices import create_notice, wait_registered
from faults.soak_rsvp import RsvpTraffic
from stack.topology import DEFAULT_REDIS_URL, ROOT, StackConfig, StackError
from stack.user import EmulatorUser

DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/organizer_soak"
MEMBERS_PER_GROUP = 3
NOT_MEMORY = ("latency_s", "rsvp_presses")  # sample columns that are not a process's RSS


def rss_mb(pid: int | None) -> float:
    """Resident memory from /proc (psutil is not a dependency)."""
    if pid is None:
        return 0.0
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def chatter(emu: Emu, groups: dict[int, list[int]], stop: asyncio.Event) -> None:
    """Members write in their groups, a few messages a second in all (like a busy org)."""
    rng = random.Random(1)
    while not stop.is_set():
        chat_id = rng.choice(list(groups))
        body = {"from_id": rng.choice(groups[chat_id]), "chat_id": chat_id, "text": "hi all"}
        with contextlib.suppress(StackError, aiohttp.ClientError):
            await emu.call("POST", "/_emu/messages", body)
        await asyncio.sleep(0.2)


async def notices(db: Db, owner_id: int, chat_ids: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        await create_notice(db, owner_id, chat_ids)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 300)


async def sample(stack: FaultStack, probe: EmulatorUser) -> dict[str, float]:
    names = [*stack.web_names(), "scheduler"]
    row = {name: rss_mb(stack.processes[name].pid) for name in names}
    started = time.monotonic()
    try:
        await probe.ask("/start", within=30)
        row["latency_s"] = time.monotonic() - started
    except TimeoutError:
        row["latency_s"] = float("nan")
    return row


def print_table(rows: list[dict[str, float]], interval: float) -> None:
    """RSS in MB per process and the probe's reply latency, one row per sample."""
    columns = list(rows[0])
    print("  ".join(f"{c:>10}" for c in ["t_min", *columns]))
    for index, row in enumerate(rows):
        cells = [f"{index * interval / 60:10.1f}", *(f"{row[c]:10.2f}" for c in columns)]
        print("  ".join(cells))


def figures(stack: FaultStack, rows: list[dict[str, float]], rsvp_missing: int) -> bool:
    third = max(len(rows) // 3, 1)
    total = [sum(v for k, v in row.items() if k not in NOT_MEMORY) for row in rows]
    growth = statistics.mean(total[-third:]) / statistics.mean(total[:third]) - 1
    latencies = sorted(row["latency_s"] for row in rows if row["latency_s"] == row["latency_s"])
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 99.0
    return all(
        [
            bench("soak_memory_growth", growth * 100, "%", "<=", 10),
            bench("soak_reply_latency_p95", p95, "s", "<=", 2),
            bench("soak_unanswered_probes", len(rows) - len(latencies), "probes", "<=", 0),
            bench("soak_rsvp_presses", rows[-1]["rsvp_presses"], "presses", ">=", 1),
            bench("soak_rsvp_missing", rsvp_missing, "members", "<=", 0),
            bench("soak_log_errors", stack.log_errors(), "lines", "<=", 0),
        ]
    )


async def soak(stack: FaultStack, args: argparse.Namespace) -> bool:
    db = Db.connect(stack.config.database_url)
    stop = asyncio.Event()
    try:
        async with aiohttp.ClientSession() as http:
            emu = Emu(http, stack.emulator_url)
            await emu.load_bot()
            groups = {}
            for i in range(args.groups):
                members = [await emu.user(f"M{i}-{j}") for j in range(MEMBERS_PER_GROUP)]
                chat_id = await emu.group(f"Soak {i}", stack.owner_id, members)
                groups[chat_id] = members
            await wait_registered(db, list(groups))
            probe = await EmulatorUser.create(http, stack.emulator_url, "Probe")
            rsvps = RsvpTraffic(emu, db)
            await rsvps.set_up(stack.owner_id, groups, args.activities)
            load = [
                asyncio.create_task(chatter(emu, groups, stop)),
                asyncio.create_task(notices(db, stack.owner_id, list(groups), stop)),
                asyncio.create_task(rsvps.run(groups, stop)),
            ]
            rows = []
            deadline = time.monotonic() + args.minutes * 60
            while time.monotonic() < deadline:
                rows.append(await sample(stack, probe) | {"rsvp_presses": rsvps.presses})
                print(f"soak: sample {len(rows)}: {rows[-1]}", flush=True)
                await asyncio.sleep(max(0.0, min(args.sample, deadline - time.monotonic())))
            stop.set()
            await asyncio.gather(*load)
            missing = await settled_missing(rsvps)
    finally:
        await db.engine.dispose()
    print_table(rows, args.sample)
    return figures(stack, rows, missing)


async def settled_missing(rsvps: RsvpTraffic) -> int:
    """Members without a recorded answer, once the last presses had their time to land."""
    try:
        await poll(lambda: _none_missing(rsvps), 30, "RSVP presses not recorded")
    except StackError as error:
        print(f"soak: {error}")
    return await rsvps.missing()


async def _none_missing(rsvps: RsvpTraffic) -> bool:
    return await rsvps.missing() == 0


async def main_async(args: argparse.Namespace) -> int:
    config = StackConfig(
        database_url=args.database_url, redis_url=args.redis_url,
        run_dir=ROOT / ".stack-soak", log_level="WARNING",
    )  # fmt: skip
    stack = FaultStack(config)
    try:
        await stack.start()
        stack.mark_logs()
        ok = await soak(stack, args)
    except (StackError, OSError) as error:
        print(f"soak: {error}", file=sys.stderr)
        ok = False
    finally:
        await stack.stop()
    print(f"soak: {'pass' if ok else 'FAIL'} (logs in {config.run_dir})")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--activities", type=int, default=5, help="groups with an activity")
    parser.add_argument("--sample", type=float, default=30, help="seconds between samples")
    parser.add_argument("--database-url", default=DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    return asyncio.run(main_async(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
