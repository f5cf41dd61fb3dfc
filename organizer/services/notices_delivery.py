"""Delivery bookkeeping for notices: one row per (notice, occurrence, chat), the scheduled
actions that deliver them, the author's report once an occurrence is final, and the next
occurrence of a repeating notice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models import Group
from organizer.models.notices import DeliveryStatus, Notice, NoticeDelivery, NoticeStatus
from organizer.services import scheduled_actions
from organizer.services.notices_text import occurrence_at, split_text
from organizer.services.notices_types import (
    DELIVER_ATTEMPTS,
    DELIVER_KIND,
    REMIND_KIND,
    DeliveryReport,
    DeliveryRow,
    NoticeInfo,
    PartEdit,
    deliver_key,
    info,
    remind_key,
)


@dataclass(frozen=True)
class DeliveryTask:
    """One chat's delivery, claimed for sending: `sent` are the parts already sent before."""

    notice: NoticeInfo
    group_id: int
    occurrence: int
    sent: tuple[int, ...]


@dataclass(frozen=True)
class OccurrenceDone:
    """An occurrence became final: the author's report, when the reminder goes, what's next."""

    report: DeliveryReport
    remind_at: datetime | None
    next_at: datetime | None


async def group_ids_of(session: AsyncSession, notice_id: int, occurrence: int) -> tuple[int, ...]:
    rows = await session.scalars(
        select(NoticeDelivery.group_id)
        .where(NoticeDelivery.notice_id == notice_id, NoticeDelivery.occurrence == occurrence)
        .order_by(NoticeDelivery.group_id)
    )
    return tuple(int(group_id) for group_id in rows)


async def get(session: AsyncSession, notice_id: int) -> NoticeInfo | None:
    row = await session.get(Notice, notice_id, populate_existing=True)
    if row is None:
        return None
    return info(row, await group_ids_of(session, row.id, row.occurrence))


async def schedule_occurrence(
    session: AsyncSession,
    notice: Notice,
    occurrence: int,
    group_ids: Sequence[int],
    *,
    due_at: datetime,
    now: datetime,
) -> None:
    """A pending delivery row and a `notice.deliver` action per chat (idempotent)."""
    for group_id in group_ids:
        values = {
            "notice_id": notice.id, "occurrence": occurrence, "group_id": group_id,
            "status": DeliveryStatus.PENDING, "message_ids": [], "pinned": False,
        }  # fmt: skip
        await insert_if_absent(
            session, NoticeDelivery, values, key=["notice_id", "occurrence", "group_id"]
        )
        await scheduled_actions.schedule(
            session, kind=DELIVER_KIND, due_at=due_at, group_id=group_id,
            payload={"notice_id": notice.id, "group_id": group_id, "occurrence": occurrence},
            dedupe_key=deliver_key(notice.id, occurrence, group_id),
            # One more than the job's own limit: the job reports the chat failed itself.
            max_attempts=DELIVER_ATTEMPTS + 1, now=now,
        )  # fmt: skip


async def _delivery(
    session: AsyncSession, notice_id: int, occurrence: int, group_id: int
) -> NoticeDelivery | None:
    return await lock_one(
        session,
        NoticeDelivery,
        NoticeDelivery.notice_id == notice_id,
        NoticeDelivery.occurrence == occurrence,
        NoticeDelivery.group_id == group_id,
    )


async def claim_delivery(
    session: AsyncSession, notice_id: int, occurrence: int, group_id: int
) -> DeliveryTask | None:
    """The delivery to perform; None when it is final already (a retry, a restart) or the
    notice was cancelled.

    Not locked: the runner gives an action to one worker, and a lock held while sending (the
    rate limiter may wait seconds between a group's parts) would hold SQLite's only write lock.
    """
    delivery = await session.scalar(
        select(NoticeDelivery)
        .where(
            NoticeDelivery.notice_id == notice_id,
            NoticeDelivery.occurrence == occurrence,
            NoticeDelivery.group_id == group_id,
        )
        .execution_options(populate_existing=True)
    )
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return None
    notice = await session.get(Notice, notice_id, populate_existing=True)
    if notice is None or notice.status == NoticeStatus.CANCELLED:
        return None
    sent = tuple(int(message_id) for message_id in delivery.message_ids or [])
    return DeliveryTask(info(notice), group_id, occurrence, sent)


async def record(
    session: AsyncSession,
    task: DeliveryTask,
    *,
    status: DeliveryStatus,
    message_ids: Sequence[int],
    now: datetime,
    error: str | None = None,
    pinned: bool = False,
) -> None:
    """Store the outcome (or, with status pending, the progress) of a chat's delivery."""
    delivery = await _delivery(session, task.notice.id, task.occurrence, task.group_id)
    assert delivery is not None
    delivery.status, delivery.error, delivery.pinned = status, error, pinned
    delivery.message_ids = [int(message_id) for message_id in message_ids]
    if status == DeliveryStatus.DELIVERED:
        delivery.delivered_at = now
    await session.flush()


async def _rows(session: AsyncSession, notice_id: int, occurrence: int) -> list[DeliveryRow]:
    found = await session.execute(
        select(NoticeDelivery, Group.title)
        .join(Group, Group.id == NoticeDelivery.group_id)
        .where(NoticeDelivery.notice_id == notice_id, NoticeDelivery.occurrence == occurrence)
        .order_by(Group.title, Group.id)
        .execution_options(populate_existing=True)
    )
    return [DeliveryRow(d.group_id, str(title), d.status, d.error, d.pinned) for d, title in found]


async def delivery_report(
    session: AsyncSession, notice_id: int, occurrence: int | None = None
) -> DeliveryReport:
    """Where the notice went: per chat delivered / failed (why) / pending, and pinned. By
    default the latest occurrence that has begun (a repeating notice's next one is all pending)."""
    notice = await get(session, notice_id)
    if notice is None:
        return DeliveryReport(rows=[])
    if occurrence is None:
        begun = await session.scalar(
            select(func.max(NoticeDelivery.occurrence)).where(
                NoticeDelivery.notice_id == notice_id,
                NoticeDelivery.status != DeliveryStatus.PENDING,
            )
        )
        occurrence = notice.occurrence if begun is None else int(begun)
    return DeliveryReport(await _rows(session, notice_id, occurrence), notice, occurrence)


async def finish_occurrence(
    session: AsyncSession,
    notice_id: int,
    occurrence: int,
    *,
    now: datetime,
    org_admin_ids: Iterable[int],
) -> OccurrenceDone | None:
    """Called after each chat's outcome: once every chat of the occurrence is final, and only
    once (the notice row is locked, report_sent_at marks it), mark the notice sent, schedule
    the acknowledgement reminder and the next occurrence, and return the author's report."""
    notice = await lock_one(session, Notice, Notice.id == notice_id)
    if notice is None or notice.occurrence != occurrence or notice.status == "cancelled":
        return None
    if notice.status == NoticeStatus.SCHEDULED:
        notice.status, notice.updated_at = NoticeStatus.SENDING, now
    if notice.report_sent_at is not None:
        return None
    open_count = await session.scalar(
        select(func.count()).where(
            NoticeDelivery.notice_id == notice_id,
            NoticeDelivery.occurrence == occurrence,
            NoticeDelivery.status == DeliveryStatus.PENDING,
        )
    )
    if open_count:
        await session.flush()
        return None
    report = DeliveryReport(await _rows(session, notice_id, occurrence), None, occurrence)
    notice.report_sent_at, notice.status, notice.updated_at = now, NoticeStatus.SENT, now
    remind_at = None
    if notice.ack_required and report.delivered:
        remind_at = now + timedelta(hours=notice.ack_remind_hours)
        await scheduled_actions.schedule(
            session, kind=REMIND_KIND, due_at=remind_at,
            payload={"notice_id": notice.id, "occurrence": occurrence},
            dedupe_key=remind_key(notice.id, occurrence), now=now,
        )  # fmt: skip
    next_at = await _schedule_next(session, notice, now=now, org_admin_ids=org_admin_ids)
    await session.flush()
    report = DeliveryReport(report.rows, info(notice), occurrence)
    return OccurrenceDone(report=report, remind_at=remind_at, next_at=next_at)


async def _schedule_next(
    session: AsyncSession, notice: Notice, *, now: datetime, org_admin_ids: Iterable[int]
) -> datetime | None:
    if notice.repeat is None:
        return None
    from organizer.services.notices import resolve_targets

    occurrence = notice.occurrence + 1
    due = occurrence_at(notice.first_send_at, notice.repeat, occurrence, notice.timezone)
    while due <= now:  # a delivery that ran late must not fire a missed occurrence at once
        occurrence += 1
        due = occurrence_at(notice.first_send_at, notice.repeat, occurrence, notice.timezone)
    if notice.repeat_until is not None and due > notice.repeat_until:
        return None
    targets = await resolve_targets(
        session, notice.author_id, notice.target_kind, notice.target_value,
        org_admin_ids=org_admin_ids,
    )  # fmt: skip
    if not targets:
        return None
    group_ids = [target.group_id for target in targets]
    await schedule_occurrence(session, notice, occurrence, group_ids, due_at=due, now=now)
    notice.occurrence, notice.send_at, notice.report_sent_at = occurrence, due, None
    notice.status = NoticeStatus.SCHEDULED
    return due


def part_edits(notice: NoticeInfo, messages: Sequence[tuple[int, int]]) -> list[PartEdit]:
    """Pair the messages `edit` returned with the notice's (new) parts: per chat, the n-th
    message gets the n-th part; `last` marks the one that carries the "Received" button."""
    parts = split_text(notice.text)
    by_chat: dict[int, list[int]] = {}
    for chat_id, message_id in messages:
        by_chat.setdefault(chat_id, []).append(message_id)
    edits = []
    for chat_id, message_ids in by_chat.items():
        for index, message_id in enumerate(message_ids):
            text = parts[index] if index < len(parts) else parts[-1]
            last = index == len(message_ids) - 1
            edits.append(PartEdit(chat_id, message_id, text, last))
    return edits


async def last_message_ids(
    session: AsyncSession, notice_id: int, occurrence: int
) -> dict[int, int]:
    """Per chat reached in the occurrence, its last message (the one with the button)."""
    rows = await session.scalars(
        select(NoticeDelivery).where(
            NoticeDelivery.notice_id == notice_id,
            NoticeDelivery.occurrence == occurrence,
            NoticeDelivery.status == DeliveryStatus.DELIVERED,
        )
    )
    return {row.group_id: int(row.message_ids[-1]) for row in rows if row.message_ids}
