"""Join requests (charter 二): record, answer the questions, decide, escalate and expire.

A request is answered by the applicant for ANSWER_WINDOW (Telegram lets the bot write to them
that long); its timed steps are scheduled actions written with it and cancelled on decision:
`join.route_unanswered` (at the end of the window), `join.escalate` and `join.expire`
(group settings `join_escalate_hours`, default 24, and `join_decline_hours`, default 72).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models import (
    Group,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MemberStatus,
    MemberType,
)
from organizer.services import group_settings, scheduled_actions, users
from organizer.services.group_context import group_changed
from organizer.services.users import TelegramProfile

ANSWER_WINDOW = timedelta(minutes=5)
ROUTE_UNANSWERED = "join.route_unanswered"
ESCALATE = "join.escalate"
EXPIRE = "join.expire"
RETURNING_REASON = "returning member"


class JoinError(Exception):
    """A refused step; `code` is a catalogue key."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class JoinGate(Protocol):
    """Approving and declining in Telegram, for code with no Bot at hand (scheduled jobs).

    The composition root registers one at start-up: `joining.set_gate(TelegramJoinGate(bot))`
    (`handlers.joining.gate`); tests register a recording fake the same way.
    """

    async def approve_join_request(self, chat_id: int, user_id: int) -> None: ...

    async def decline_join_request(self, chat_id: int, user_id: int) -> None: ...


_gate: JoinGate | None = None


def set_gate(gate: JoinGate | None) -> None:
    global _gate
    _gate = gate


def gate() -> JoinGate | None:
    """The registered gate, or None (then jobs record the outcome without telling Telegram)."""
    return _gate


@dataclass(frozen=True)
class JoinRequestInfo:
    id: int
    group_id: int
    user_id: int
    status: JoinRequestStatus
    member_type: str
    department: str | None
    voucher_id: int | None
    voucher_text: str | None
    routed_to: int | None
    escalated_at: datetime | None
    decided_by: int | None
    decided_at: datetime | None
    reason: str | None
    invite_link: str | None
    answers_until: datetime | None
    answered_at: datetime | None
    requested_at: datetime

    @property
    def voucher_label(self) -> str | None:
        return self.voucher_text or None

    @property
    def is_pending(self) -> bool:
        return self.status == JoinRequestStatus.PENDING

    def next_step(self) -> str:
        """What the applicant is asked next: type | department | voucher | confirm | done."""
        if self.answered_at is not None:
            return "done"
        if self.member_type == MemberType.UNKNOWN:
            return "type"
        if self.member_type == MemberType.EMPLOYEE and not self.department:
            return "department"
        if self.voucher_id is None and not self.voucher_text:
            return "voucher"
        return "confirm"


def _info(row: JoinRequest) -> JoinRequestInfo:
    return JoinRequestInfo(
        id=row.id,
        group_id=row.group_id,
        user_id=row.user_id,
        status=JoinRequestStatus(row.status),
        member_type=row.member_type,
        department=row.department,
        voucher_id=row.voucher_id,
        voucher_text=row.voucher_text,
        routed_to=row.routed_to,
        escalated_at=row.escalated_at,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        reason=row.reason,
        invite_link=row.invite_link,
        answers_until=row.answers_until,
        answered_at=row.answered_at,
        requested_at=row.requested_at,
    )


async def set_group_setting(
    session: AsyncSession, group_id: int, key: str, value: Any, *, now: datetime
) -> None:
    group = await session.get(Group, group_id)
    if group is None:
        raise LookupError(group_id)
    group.settings = {**(group.settings or {}), key: value}
    group.updated_at = now
    await session.flush()
    group_changed(session, group_id)


@dataclass(frozen=True)
class Opened:
    request: JoinRequestInfo
    returning: bool
    auto_approved: bool


async def open_request(
    session: AsyncSession,
    group_id: int,
    profile: TelegramProfile,
    *,
    invite_link: str | None,
    now: datetime,
) -> Opened:
    """A chat_join_request: record it (or reuse the pending one) and schedule its steps."""
    await users.remember(session, profile, now=now)
    group = await session.get(Group, group_id)
    if group is None:
        raise LookupError(group_id)
    membership = await session.scalar(
        select(Membership).where(Membership.group_id == group_id, Membership.user_id == profile.id)
    )
    returning = (
        membership is not None
        and membership.status in (MemberStatus.LEFT, MemberStatus.KICKED)
        and membership.joined_at is not None
    )
    existing = await session.scalar(
        select(JoinRequest).where(
            JoinRequest.group_id == group_id,
            JoinRequest.user_id == profile.id,
            JoinRequest.status == JoinRequestStatus.PENDING,
        )
    )
    if existing is not None:
        return Opened(_info(existing), returning, False)
    row = JoinRequest(
        group_id=group_id,
        user_id=profile.id,
        status=JoinRequestStatus.PENDING,
        member_type=MemberType.UNKNOWN,
        invite_link=invite_link[:200] if invite_link else None,
        answers_until=now + ANSWER_WINDOW,
        requested_at=now,
        updated_at=now,
    )
    session.add(row)
    await session.flush()
    settings = dict(group.settings or {})
    if returning and settings.get("returning_skip_approval") is True:
        row.member_type = membership.member_type if membership else MemberType.UNKNOWN
        row.department = membership.department if membership else None
        decided = await _decide(session, row, approve=True, by=None, reason=RETURNING_REASON,
                                now=now)  # fmt: skip
        return Opened(decided, True, True)
    await _schedule(session, row, ROUTE_UNANSWERED, "route", now + ANSWER_WINDOW, now)
    await _schedule_deadlines(session, row, settings, now)
    return Opened(_info(row), returning, False)


async def _schedule(
    session: AsyncSession, row: JoinRequest, kind: str, name: str, due_at: datetime,
    now: datetime,
) -> None:  # fmt: skip
    await scheduled_actions.schedule(
        session, kind=kind, due_at=due_at, payload={"request_id": row.id},
        group_id=row.group_id, dedupe_key=f"join:{row.id}:{name}", now=now,
    )  # fmt: skip


async def _schedule_deadlines(
    session: AsyncSession, row: JoinRequest, settings: dict[str, Any], now: datetime
) -> None:
    """Escalation and decline, counted from the request; per member type once it is known."""
    escalate, decline = group_settings.join_deadline_hours(settings, row.member_type)
    since = row.requested_at
    await _schedule(session, row, ESCALATE, "escalate", since + timedelta(hours=escalate), now)
    await _schedule(session, row, EXPIRE, "expire", since + timedelta(hours=decline), now)


async def get(session: AsyncSession, request_id: int) -> JoinRequestInfo | None:
    row = await session.get(JoinRequest, request_id)
    return _info(row) if row else None


async def _answerable(
    session: AsyncSession, request_id: int, user_id: int, now: datetime
) -> JoinRequest:
    row = await session.get(JoinRequest, request_id)
    if row is None or row.user_id != user_id:
        raise JoinError("join-error-not-yours")
    if row.status != JoinRequestStatus.PENDING:
        raise JoinError("join-error-closed")
    if row.answered_at is not None:
        raise JoinError("join-error-already-answered")
    if row.answers_until is not None and now > row.answers_until:
        raise JoinError("join-error-too-late")
    return row


async def answer(
    session: AsyncSession,
    request_id: int,
    user_id: int,
    *,
    now: datetime,
    member_type: MemberType | None = None,
    department: str | None = None,
    voucher_id: int | None = None,
    voucher_text: str | None = None,
    confirm: bool = False,
    reset: bool = False,
) -> JoinRequestInfo:
    """Store one answer as it comes (only the applicant, only while the window is open)."""
    row = await _answerable(session, request_id, user_id, now)
    if reset:
        row.member_type, row.department = MemberType.UNKNOWN, None
        row.voucher_id, row.voucher_text = None, None
    if member_type is not None:
        if member_type == MemberType.UNKNOWN:
            raise JoinError("join-error-not-yours")
        row.member_type = member_type
        row.department = None
        row.voucher_id, row.voucher_text = None, None
    if department is not None:
        row.department = department.strip()[:200]
    if voucher_text is not None:
        row.voucher_id = voucher_id
        row.voucher_text = voucher_text.strip()[:200]
    if confirm:
        if _info(row).next_step() != "confirm":
            raise JoinError("join-error-incomplete")
        row.answered_at = now
        group = await session.get(Group, row.group_id)
        if group is not None and row.escalated_at is None:
            await _schedule_deadlines(session, row, dict(group.settings or {}), now)
    row.updated_at = now
    await session.flush()
    return _info(row)


async def set_routed(
    session: AsyncSession, request_id: int, routed_to: int | None, *, now: datetime
) -> None:
    row = await session.get(JoinRequest, request_id)
    if row is not None:
        row.routed_to = routed_to
        row.updated_at = now
        await session.flush()


async def mark_escalated(session: AsyncSession, request_id: int, *, now: datetime) -> None:
    row = await session.get(JoinRequest, request_id)
    if row is not None:
        row.escalated_at = now
        row.routed_to = None
        row.updated_at = now
        await session.flush()


async def lock(session: AsyncSession, request_id: int) -> JoinRequestInfo | None:
    """The request under its write lock; two deciders are served in turn."""
    row = await lock_one(session, JoinRequest, JoinRequest.id == request_id)
    return _info(row) if row else None


async def _decide(
    session: AsyncSession,
    row: JoinRequest,
    *,
    approve: bool,
    by: int | None,
    reason: str | None,
    now: datetime,
    status: JoinRequestStatus | None = None,
) -> JoinRequestInfo:
    row.status = status or (JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED)
    row.decided_by, row.decided_at = by, now
    row.reason = reason[:1000] if reason else None
    row.updated_at = now
    await scheduled_actions.cancel(session, dedupe_prefix=f"join:{row.id}:")
    if approve:
        # Not in the group yet: the chat_member update of the actual join makes it active. That
        # update may be handled at the same moment, so the row is created conflict-safely.
        values = {
            "group_id": row.group_id, "user_id": row.user_id, "status": MemberStatus.LEFT,
            "role": "member", "updated_at": now,
        }  # fmt: skip
        await insert_if_absent(session, Membership, values, key=["group_id", "user_id"])
        membership = await session.scalar(
            select(Membership).where(
                Membership.group_id == row.group_id, Membership.user_id == row.user_id
            )
        )
        assert membership is not None
        membership.joined_via = "request"
        membership.member_type = row.member_type
        membership.department = row.department
        membership.updated_at = now
    await session.flush()
    return _info(row)


async def decide(
    session: AsyncSession,
    request_id: int,
    *,
    approve: bool,
    by: int | None,
    reason: str | None = None,
    now: datetime,
    status: JoinRequestStatus | None = None,
) -> JoinRequestInfo:
    """Approve or decline (or expire) a pending request; JoinError if it is decided already."""
    await lock(session, request_id)
    row = await session.get(JoinRequest, request_id)
    if row is None:
        raise JoinError("join-error-not-found")
    if row.status != JoinRequestStatus.PENDING:
        raise JoinError("join-error-decided")
    return await _decide(
        session, row, approve=approve, by=by, reason=reason, now=now, status=status
    )


async def may_decide(
    session: AsyncSession, request: JoinRequestInfo, user_id: int, *, org_admin_ids: Any = ()
) -> bool:
    """The routed approver, an approver of the group for the type, a group or org admin."""
    from organizer.services import admins, approvers

    if request.routed_to == user_id:
        return True
    if await approvers.is_approver(session, request.group_id, request.member_type, user_id):
        return True
    return await admins.is_group_admin(
        session, request.group_id, user_id, org_admin_ids=org_admin_ids
    )
