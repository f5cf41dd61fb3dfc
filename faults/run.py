"""`make faults`: the production stack under faults, one `bench:` line per check (DESIGN §4),
exit status 0 only when every check is ok.

    python -m faults.run [--allow-pg-restart] [--groups 50] [--seed 7]

a. kill -9 of a web instance, then of the scheduler, while a notice goes to --groups groups;
   both restarted (the scheduler's claims come back after its lease, SCHEDULER_LEASE_SECONDS=10).
   Then kill -9 of the scheduler mid-reminder (40 members going): one copy each, one in the
   group (faults/reminders.py).
b. PostgreSQL restarted while users talk to the bot (only with --allow-pg-restart or
   FAULTS_ALLOW_PG_RESTART=1: it takes the whole server down for a moment): the web instances
   answer /health again without a restart, and every user who got an answer is recorded; then
   restarted again while members press Going and others post private data: no acknowledged
   RSVP and no announced violation is lost (faults/pg_restart.py).
c. the emulator fails 10 % of Bot API calls with 5xx or timeouts, none performed: every group
   gets the notice exactly once, and every member the reminder exactly once. Then 10 % are
   performed with their answer lost, which no sender can tell from a lost request: no group
   may miss the notice, and the extra copies (at-least-once) may not exceed the lost answers;
   they are printed, not hidden.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys

import aiohttp

from faults.common import Db, Emu, FaultStack, bench, env_flag
from faults.notices import Copies, deliver, make_groups
from faults.pg_restart import rsvps_and_violations, start_messages
from faults.reminders import flaky_reminder, kill_mid_reminder
from stack.database import drop_database
from stack.topology import DEFAULT_REDIS_URL, ROOT, StackConfig, StackError

DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/organizer_faults"


def report(name: str, copies: Copies, *, kills: int = 0) -> bool:
    """Losses must be 0. Duplicates must be 0, except that each kill -9 may leave one: the send
    in flight when the process died can reach Telegram without its receipt being written, and
    the Bot API has no idempotency key to let the retry know (at-least-once, one message per
    crash at most)."""
    return all(
        [
            bench(f"{name}_duplicates", copies.duplicates, "copies", "<=", kills),
            bench(f"{name}_losses", copies.losses, "groups", "<=", 0),
        ]
    )


async def kill_scenarios(stack: FaultStack, emu: Emu, db: Db, groups: int) -> bool:
    ok = True
    for victim in ("web1", "scheduler"):
        chat_ids = await make_groups(emu, db, stack.owner_id, groups, f"Kill {victim}")
        copies = await deliver(stack, emu, db, chat_ids, victim)
        ok &= report(f"kill9_{victim}_notice", copies, kills=1)
    copies = await kill_mid_reminder(stack, emu, db, "Kill reminder")
    return ok & report("kill9_scheduler_reminder", copies, kills=1)


async def flaky_delivery(
    stack: FaultStack, emu: Emu, db: Db, groups: int, seed: int, label: str, **faults: float
) -> tuple[Copies, dict[str, int]]:
    chat_ids = await make_groups(emu, db, stack.owner_id, groups, label)
    # getMe/setWebhook are spared so a restarted process can still start.
    exempt = ["getupdates", "getme", "setwebhook", "setmycommands"]
    await emu.faults(rate=0.1, seed=seed, exempt=exempt, **faults)
    try:
        copies = await deliver(stack, emu, db, chat_ids, victim=None)
    finally:
        injected = (await emu.call("GET", "/_emu/faults"))["injected"]
        await emu.faults(rate=0.0)
    print(f"faults: {label}: injected {injected}")
    return copies, injected


async def failing_emulator(stack: FaultStack, emu: Emu, db: Db, groups: int, seed: int) -> bool:
    """10 % of calls fail with 5xx or time out (504 after a wait), none performed: every group
    gets the notice exactly once. Then 10 % of calls are performed but their answer is lost:
    the sender cannot tell a lost answer from a lost request, so it sends again (at-least-once);
    every such retry may add one copy, and none may be lost."""
    copies, _ = await flaky_delivery(
        stack, emu, db, groups, seed, "Flaky", lost_share=0.0, timeout_share=0.5,
        timeout_delay=2.0,
    )  # fmt: skip
    ok = report("fail10_notice", copies)
    copies, injected = await flaky_delivery(
        stack, emu, db, groups, seed + 1, "Lost answers", lost_share=1.0
    )
    lost_sends = int(injected.get("lost:sendmessage", 0))
    ok &= bench("lost_answer_notice_losses", copies.losses, "groups", "<=", 0)
    ok &= bench("lost_answer_notice_extra_copies", copies.duplicates, "copies", "<=", lost_sends)
    return ok & report("fail10_reminder", await flaky_reminder(stack, emu, db, seed + 2))


async def main_async(args: argparse.Namespace) -> int:
    config = StackConfig(
        database_url=args.database_url, redis_url=args.redis_url,
        run_dir=ROOT / ".stack-faults", log_level="WARNING",
    )  # fmt: skip
    stack = FaultStack(config)
    db = Db.connect(config.database_url)
    ok = True
    try:
        await drop_database(config.database_url)
        await stack.start()
        stack.mark_logs()
        async with aiohttp.ClientSession() as http:
            emu = Emu(http, stack.emulator_url)
            await emu.load_bot()
            await emu.faults(rate=0.0)
            ok &= await kill_scenarios(stack, emu, db, args.groups)
            if args.allow_pg_restart:
                ok &= await start_messages(stack, emu, db, users=20)
                ok &= await rsvps_and_violations(stack, emu, db)
            else:
                print("faults: PostgreSQL restart skipped (--allow-pg-restart not given)")
            ok &= await failing_emulator(stack, emu, db, args.groups, args.seed)
        ok &= bench("log_errors", stack.log_errors(), "lines", "<=", 0)
    except (StackError, OSError, subprocess.CalledProcessError) as error:
        print(f"faults: {error}", file=sys.stderr)
        ok = False
    finally:
        await stack.stop()
        await db.engine.dispose()
    print(f"faults: {'pass' if ok else 'FAIL'} (logs in {config.run_dir})")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="faults", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL)
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--allow-pg-restart", action="store_true")
    args = parser.parse_args(argv)
    args.allow_pg_restart |= env_flag("FAULTS_ALLOW_PG_RESTART")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
