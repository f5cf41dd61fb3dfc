"""Reminders under faults: 40 members of a stack group answered "going", the activity's
reminder falls due, and the scheduler is SIGKILLed once some private reminders went out (a) or
the emulator fails 10 % of calls (b). The reminder records every recipient it reached
(scheduler/receipts.py), so the reclaimed action after the lease writes to nobody twice:
every member ends with exactly one private reminder and the group with one group reminder."""

from __future__ import annotations

from faults.activity import (
    activity_group,
    answer_all,
    reminder_copies,
    schedule_reminder,
    wait_action_final,
)
from faults.common import Db, Emu, FaultStack, poll
from faults.notices import Copies
from organizer.models import RsvpStatus

MEMBERS = 40
EXEMPT = ["getupdates", "getme", "setwebhook", "setmycommands"]  # a restart must still start


async def kill_mid_reminder(
    stack: FaultStack, emu: Emu, db: Db, label: str, members: int = MEMBERS
) -> Copies:
    """(a): SIGKILL the scheduler after a quarter of the private reminders were asked for."""
    group = await activity_group(stack, emu, db, label, members)
    await answer_all(db, group.activity_id, group.members, RsvpStatus.GOING)
    offset = len(await emu.calls_since(0))
    key = await schedule_reminder(db, group.activity_id)
    sent = 0

    async def some_sent() -> bool:
        nonlocal sent
        calls = await emu.calls_since(offset)
        sent = sum(group.title in str(c["params"].get("text", "")) for c in calls)
        return sent >= max(1, members // 4)

    await poll(some_sent, 60, "the reminder did not start going out")
    await stack.kill9("scheduler")
    # Printed so a run where the kill came too late (all sent already) is seen as such.
    print(f"faults: {label}: scheduler killed after {sent} of {members + 1} reminder sends")
    await stack.restart("scheduler")  # the claim comes back after LEASE_SECONDS
    await wait_action_final(db, key, within=120)
    return await reminder_copies(emu, group)


async def flaky_reminder(
    stack: FaultStack, emu: Emu, db: Db, seed: int, members: int = MEMBERS
) -> Copies:
    """(b): 10 % of calls fail with 5xx or time out (none performed) while the reminder goes."""
    group = await activity_group(stack, emu, db, "Flaky reminder", members)
    await answer_all(db, group.activity_id, group.members, RsvpStatus.GOING)
    await emu.faults(
        rate=0.1, seed=seed, exempt=EXEMPT, lost_share=0.0, timeout_share=0.5, timeout_delay=2.0
    )
    try:
        key = await schedule_reminder(db, group.activity_id)
        status = await wait_action_final(db, key, within=180)
    finally:
        injected = (await emu.call("GET", "/_emu/faults"))["injected"]
        await emu.faults(rate=0.0)
    print(f"faults: flaky reminder: action {status}, injected {injected}")
    return await reminder_copies(emu, group)
