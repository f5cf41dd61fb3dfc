"""Notices (charter 五, 三(三)): compose, target, schedule, manage.

A notice is delivered by one `notice.deliver` scheduled action per target chat (see
`scheduler.jobs.notice_jobs`), written in the transaction that creates it, so a restart loses
nothing. Acknowledgements are in `notices_acks`, delivery bookkeeping in `notices_delivery`;
everything is re-exported here, so callers use `notices.<name>`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group, GroupKind
from organizer.models.notices import DeliveryStatus, Notice, NoticeDelivery, NoticeStatus
from organizer.services import admins, scheduled_actions
from organizer.services.notices_acks import ack_counts, ack_status, acknowledge
from organizer.services.notices_delivery import (
    delivery_report,
    get,
    group_ids_of,
    part_edits,
    schedule_occurrence,
)
from organizer.services.notices_queries import list_for, scheduled_on
from organizer.services.notices_text import CAPTION_LIMIT, REPEATS, split_text
from organizer.services.notices_types import (
    DELIVER_KIND,
    MAX_PARTS,
    MEDIA_KINDS,
    REMIND_KIND,
    TARGET_KINDS,
    AckOutcome,
    AckPerson,
    AckStatus,
    DeliveryReport,
    DeliveryRow,
    NoticeDraft,
    NoticeError,
    NoticeInfo,
    PartEdit,
    TargetGroup,
    info,
)

__all__ = [
    "DELIVER_KIND", "REMIND_KIND", "AckOutcome", "AckPerson", "AckStatus", "DeliveryReport",
    "DeliveryRow", "NoticeDraft", "NoticeError", "NoticeInfo", "PartEdit", "TargetGroup",
    "ack_counts", "ack_status", "acknowledge", "cancel", "create", "delivery_report", "edit",
    "get", "list_for", "part_edits", "resolve_targets", "scheduled_on", "split_text",
]  # fmt: skip

# The composer's clock and the service's may differ by a moment: "now" is not "in the past".
PAST_GRACE = timedelta(minutes=1)
MAX_REMIND_HOURS = 24 * 30


def _ids(value: Any) -> list[int]:
    values = value if isinstance(value, list | tuple) else [value]
    try:
        return [int(item) for item in values]
    except (TypeError, ValueError):
        raise NoticeError("notices-error-bad-target") from None


async def resolve_targets(
    session: AsyncSession,
    author_id: int,
    target_kind: str,
    target_value: Any,
    *,
    org_admin_ids: Iterable[int],
) -> list[TargetGroup]:
    """The chats a notice goes to: groups the bot is in where the author is an admin (every
    such group for an organisation admin), narrowed by the target; sorted by title."""
    if target_kind not in TARGET_KINDS:
        raise NoticeError("notices-error-bad-target")
    query = select(Group).where(Group.bot_is_member.is_(True))
    if author_id not in set(org_admin_ids):
        query = query.where(Group.id.in_(await admins.administered_group_ids(session, author_id)))
    if target_kind in ("group", "groups"):
        if target_kind == "group" and isinstance(target_value, list | tuple):
            raise NoticeError("notices-error-bad-target")
        query = query.where(Group.id.in_(_ids(target_value)))
    elif target_kind == "kind":
        if target_value not in {kind.value for kind in GroupKind}:
            raise NoticeError("notices-error-bad-target")
        query = query.where(Group.kind == str(target_value))
    rows = await session.scalars(query.order_by(Group.title, Group.id))
    return [TargetGroup(group_id=row.id, title=row.title, kind=row.kind) for row in rows]


def _check_text(text: str, media_kind: str | None) -> None:
    if media_kind is None:
        if not text.strip():
            raise NoticeError("notices-error-empty")
        parts = split_text(text)
        if len(parts) > MAX_PARTS:
            raise NoticeError("notices-error-too-long", parts=len(parts), max=MAX_PARTS)
    elif len(split_text(text, CAPTION_LIMIT)) > 1:
        raise NoticeError("notices-error-caption-too-long", limit=CAPTION_LIMIT)


def _check_draft(draft: NoticeDraft, send_at: datetime, now: datetime) -> None:
    if draft.media_kind is not None and (
        draft.media_kind not in MEDIA_KINDS or not draft.media_file_id
    ):
        raise NoticeError("notices-error-bad-media")
    _check_text(draft.text, draft.media_kind)
    if send_at < now - PAST_GRACE:
        raise NoticeError("notices-error-past")
    if not 1 <= draft.ack_remind_hours <= MAX_REMIND_HOURS:
        raise NoticeError("notices-error-remind-hours", max=MAX_REMIND_HOURS)
    if draft.repeat is None:
        if draft.repeat_until is not None:
            raise NoticeError("notices-error-bad-repeat")
    elif draft.repeat not in REPEATS:
        raise NoticeError("notices-error-bad-repeat")
    elif draft.repeat_until is not None and draft.repeat_until <= send_at:
        raise NoticeError("notices-error-repeat-until")


async def create(
    session: AsyncSession, draft: NoticeDraft, *, org_admin_ids: Iterable[int], now: datetime
) -> NoticeInfo:
    """Store the notice and schedule its delivery to every target chat (at send_at, or now)."""
    org_admin_ids = tuple(org_admin_ids)
    send_at = max(draft.send_at or now, now)
    _check_draft(draft, draft.send_at or now, now)
    targets = await resolve_targets(
        session, draft.author_id, draft.target_kind, draft.target_value,
        org_admin_ids=org_admin_ids,
    )  # fmt: skip
    if draft.target_kind in ("group", "groups"):
        allowed = {target.group_id for target in targets}
        refused = [gid for gid in _ids(draft.target_value) if gid not in allowed]
        if refused:
            titles = await _titles(session, refused)
            raise NoticeError("notices-error-no-rights", groups=", ".join(titles))
    if not targets:
        raise NoticeError("notices-error-no-target")
    timezone = await session.scalar(select(Group.timezone).where(Group.id == targets[0].group_id))
    row = Notice(
        author_id=draft.author_id, text=draft.text.strip(), media_kind=draft.media_kind,
        media_file_id=draft.media_file_id, target_kind=draft.target_kind,
        target_value=_stored_value(draft.target_kind, draft.target_value), send_at=send_at,
        first_send_at=send_at, timezone=timezone or "Asia/Shanghai", pin=draft.pin,
        confidential=draft.confidential, ack_required=draft.ack_required,
        ack_remind_hours=draft.ack_remind_hours, repeat=draft.repeat,
        repeat_until=draft.repeat_until, occurrence=0, status=NoticeStatus.SCHEDULED,
        created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(row)
    await session.flush()
    group_ids = tuple(sorted(target.group_id for target in targets))
    await schedule_occurrence(session, row, 0, group_ids, due_at=send_at, now=now)
    return info(row, group_ids)


def _stored_value(target_kind: str, value: Any) -> Any:
    if target_kind == "group":
        return _ids(value)[0]
    if target_kind == "groups":
        return _ids(value)
    return None if target_kind == "all" else str(value)


async def _titles(session: AsyncSession, group_ids: list[int]) -> list[str]:
    found = await session.execute(select(Group.id, Group.title).where(Group.id.in_(group_ids)))
    rows = {int(gid): str(title) for gid, title in found}
    return [rows.get(gid, str(gid)) for gid in group_ids]


async def _may_manage(
    session: AsyncSession, row: Notice, by: int, org_admin_ids: Iterable[int]
) -> None:
    """The author, an organisation admin, or an admin of every chat the notice goes to."""
    org_admin_ids = tuple(org_admin_ids)
    if by == row.author_id or by in org_admin_ids:
        return
    group_ids = await group_ids_of(session, row.id, row.occurrence)
    for group_id in group_ids:
        if not await admins.is_group_admin(session, group_id, by):
            raise NoticeError("notices-error-not-yours")
    if not group_ids:
        raise NoticeError("notices-error-not-yours")


async def _locked(session: AsyncSession, notice_id: int) -> Notice:
    row = await lock_one(session, Notice, Notice.id == notice_id)
    if row is None:
        raise NoticeError("notices-error-not-found")
    return row


async def cancel(
    session: AsyncSession,
    notice_id: int,
    *,
    by: int,
    now: datetime,
    org_admin_ids: Iterable[int] = (),
) -> NoticeInfo:
    """Cancel a scheduled notice (a repeating one: its future occurrences)."""
    row = await _locked(session, notice_id)
    await _may_manage(session, row, by, org_admin_ids)
    if row.status != NoticeStatus.SCHEDULED:
        raise NoticeError("notices-error-not-scheduled")
    group_ids = await group_ids_of(session, row.id, row.occurrence)
    for group_id in group_ids:
        await scheduled_actions.cancel(
            session, dedupe_key=f"notice:{row.id}:{row.occurrence}:{group_id}"
        )
    pending = await session.scalars(
        select(NoticeDelivery).where(
            NoticeDelivery.notice_id == row.id,
            NoticeDelivery.occurrence == row.occurrence,
            NoticeDelivery.status == DeliveryStatus.PENDING,
        )
    )
    for delivery in pending:
        delivery.status, delivery.error = DeliveryStatus.FAILED, "cancelled"
    row.status, row.updated_at = NoticeStatus.CANCELLED, now
    await session.flush()
    return info(row, group_ids)


async def edit(
    session: AsyncSession,
    notice_id: int,
    *,
    by: int,
    text: str,
    now: datetime,
    org_admin_ids: Iterable[int] = (),
) -> list[tuple[int, int]]:
    """Change a notice's text. Scheduled: just stored (returns []). Sent: returns the (chat_id,
    message_id) of every delivered message of the latest occurrence, in order, for the caller to
    edit (`part_edits` pairs them with the new parts); the new text must split into as many
    parts as were sent."""
    row = await _locked(session, notice_id)
    await _may_manage(session, row, by, org_admin_ids)
    if row.status in (NoticeStatus.CANCELLED, NoticeStatus.SENDING):
        raise NoticeError("notices-error-not-editable")
    _check_text(text, row.media_kind)
    text = text.strip()
    messages: list[tuple[int, int]] = []
    if row.status == NoticeStatus.SENT:
        if row.media_kind is not None:
            raise NoticeError("notices-error-edit-media")
        parts = len(split_text(text))
        delivered = await session.scalars(
            select(NoticeDelivery)
            .where(
                NoticeDelivery.notice_id == row.id,
                NoticeDelivery.occurrence == row.occurrence,
                NoticeDelivery.status == DeliveryStatus.DELIVERED,
            )
            .order_by(NoticeDelivery.group_id)
        )
        for delivery in delivered:
            ids = list(delivery.message_ids or [])
            if len(ids) != parts:
                raise NoticeError("notices-error-edit-parts", parts=len(ids))
            messages += [(delivery.group_id, int(message_id)) for message_id in ids]
    row.text, row.updated_at = text, now
    await session.flush()
    return messages
