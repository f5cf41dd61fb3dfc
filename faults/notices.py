"""Bulk notice delivery under faults: groups made through the emulator (bot added as admin, so
the bot registers them itself through its webhook), a notice created through the services in
the stack's database (the /notice wizard is the same service call), delivered by the scheduler;
then each group's copies are counted in the emulator."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import func, select

from faults.common import Db, Emu, FaultStack, poll
from organizer.clock import SystemClock
from organizer.models import Group
from organizer.models.notices import DeliveryStatus, NoticeDelivery
from organizer.services import notices
from organizer.services.notices_types import NoticeDraft


@dataclass(frozen=True)
class Copies:
    duplicates: int  # extra copies over all groups
    losses: int  # groups without a copy
    failed_rows: int  # deliveries the bot itself recorded as failed

    @classmethod
    def of(cls, counts: dict[int, int], failed_rows: int = 0) -> Copies:
        duplicates = sum(max(0, n - 1) for n in counts.values())
        return cls(duplicates, sum(n == 0 for n in counts.values()), failed_rows)


async def make_groups(emu: Emu, db: Db, owner_id: int, count: int, prefix: str) -> list[int]:
    """`count` groups with the bot as admin, once the bot has registered every one."""
    chat_ids = [await emu.group(f"{prefix} {i}", owner_id) for i in range(count)]
    await wait_registered(db, chat_ids)
    return chat_ids


async def wait_registered(db: Db, chat_ids: list[int]) -> None:
    """Until the bot has registered every group (through its webhook)."""

    async def registered() -> bool:
        async with db.sessions() as session:
            query = select(func.count()).where(Group.id.in_(chat_ids), Group.bot_is_member)
            return int(await session.scalar(query) or 0) == len(chat_ids)

    await poll(registered, 120, f"bot has not registered the {len(chat_ids)} groups")


async def create_notice(db: Db, owner_id: int, chat_ids: list[int]) -> tuple[int, str]:
    """A notice to every chat, due now; returns its id and the marker its text carries."""
    marker = f"fault-{secrets.token_hex(4)}"
    draft = NoticeDraft(
        author_id=owner_id, text=f"Notice {marker}", target_kind="groups", target_value=chat_ids
    )
    async with db.sessions() as session, session.begin():
        notice = await notices.create(
            session, draft, org_admin_ids=(owner_id,), now=SystemClock().now()
        )
    return notice.id, marker


async def wait_final(db: Db, notice_id: int, within: float) -> int:
    """Until no delivery of the notice is pending; returns how many the bot recorded failed."""

    async def count(status: DeliveryStatus) -> int:
        async with db.sessions() as session:
            query = select(func.count()).where(
                NoticeDelivery.notice_id == notice_id, NoticeDelivery.status == status
            )
            return int(await session.scalar(query) or 0)

    async def final() -> bool:
        return await count(DeliveryStatus.PENDING) == 0

    await poll(final, within, f"notice {notice_id} still has pending deliveries")
    return await count(DeliveryStatus.FAILED)


async def kill_mid_delivery(
    stack: FaultStack, emu: Emu, db: Db, victim: str, marker: str, total: int
) -> None:
    """SIGKILL `victim` once part (not all) of the notice went out, then restart it."""

    async def started() -> bool:
        return await emu.sent_count(marker) >= max(1, total // 4)

    await poll(started, 60, "the notice did not start going out")
    await stack.kill9(victim)
    await stack.restart(victim)  # its claims come back to the scheduler after LEASE_SECONDS


async def deliver(
    stack: FaultStack, emu: Emu, db: Db, chat_ids: list[int], victim: str | None
) -> Copies:
    """One notice to `chat_ids`, `victim` SIGKILLed mid-delivery; the copies per group."""
    notice_id, marker = await create_notice(db, stack.owner_id, chat_ids)
    if victim is not None:
        await kill_mid_delivery(stack, emu, db, victim, marker, len(chat_ids))
    failed = await wait_final(db, notice_id, within=240)
    return Copies.of(await emu.copies(chat_ids, marker), failed)
