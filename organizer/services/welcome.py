"""New members: how they came, the welcome they must accept, and leaving.

A member who has not accepted the group's current rules is restricted and welcomed; the
welcome's message id is kept on the membership (0 while it is being posted, so a second report
of the same join does not welcome twice) and a `welcome.expire` action removes them if they
never accept. The join service message id rides in that action's payload for cleaning up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.models import Group, MemberRole, Membership, MemberStatus
from organizer.services import group_settings, membership_rows, scheduled_actions, users
from organizer.services.users import TelegramProfile

WELCOME_EXPIRE = "welcome.expire"
JOINED_VIA = ("request", "added", "link", "unknown")
_PRESENT = (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)
_POSTING = 0  # welcome_message_id while the welcome is being posted


@dataclass(frozen=True)
class Arrival:
    group_id: int
    user_id: int
    joined_via: str
    needs_welcome: bool  # restrict and post a welcome now
    welcome_pending: bool  # a welcome is (being) posted and not yet accepted


@dataclass(frozen=True)
class Accepted:
    welcome_message_id: int | None
    join_message_id: int | None
    clean_join_messages: bool
    rules_version: int


@dataclass(frozen=True)
class Expired:
    welcome_message_id: int | None
    join_message_id: int | None
    clean_join_messages: bool


def expire_key(group_id: int, user_id: int) -> str:
    return f"welcome:{group_id}:{user_id}"


def timeout_hours(settings: dict[str, Any]) -> int:
    return int(group_settings.effective(settings, "welcome_timeout_hours"))


def cleans_join_messages(settings: dict[str, Any]) -> bool:
    return bool(group_settings.effective(settings, "clean_join_messages"))


def requires_request(settings: dict[str, Any] | None) -> bool:
    return bool(group_settings.effective(settings or {}, "require_join_request"))


async def membership(session: AsyncSession, group_id: int, user_id: int) -> Membership | None:
    return await session.scalar(
        select(Membership).where(Membership.group_id == group_id, Membership.user_id == user_id)
    )


async def _upsert(session: AsyncSession, group_id: int, user_id: int, now: datetime) -> Membership:
    values = {
        "group_id": group_id,
        "user_id": user_id,
        "role": MemberRole.MEMBER,
        "status": MemberStatus.LEFT,
        "joined_via": "unknown",
        "updated_at": now,
    }
    await insert_if_absent(session, Membership, values, key=["group_id", "user_id"])
    row = await membership_rows.lock(session, group_id, user_id)
    assert row is not None
    return row


def _fresh_request(row: Membership) -> bool:
    """An approval recorded since the member last left (a stale one from before does not count)."""
    if row.joined_via != "request":
        return False
    return row.left_at is None or row.updated_at > row.left_at


async def record_arrival(
    session: AsyncSession,
    group_id: int,
    profile: TelegramProfile,
    *,
    joined_via: str,
    now: datetime,
    is_admin: bool = False,
) -> Arrival:
    """A member arrived (reported by chat_member or by the join service message, maybe both)."""
    if joined_via not in JOINED_VIA:
        raise ValueError(f"unknown joined_via {joined_via!r}")
    group = await session.get(Group, group_id)
    if group is None:
        raise LookupError(group_id)
    await users.remember(session, profile, now=now)
    row = await _upsert(session, group_id, profile.id, now)
    pending = row.welcome_message_id is not None
    if pending and row.status in _PRESENT:
        # The second report of this join: it may know better how they came.
        if row.joined_via == "unknown" and joined_via != "unknown":
            row.joined_via = joined_via
            row.updated_at = now
        await session.flush()
        return Arrival(group_id, profile.id, row.joined_via, False, True)
    if not _fresh_request(row):
        row.joined_via = joined_via
    if row.status not in _PRESENT or row.joined_at is None:
        row.joined_at = now
    row.left_at = None
    row.status = MemberStatus.ACTIVE
    if is_admin:
        row.role = MemberRole.ADMIN
    needs = not is_admin and row.rules_version_accepted < group.rules_version
    if needs:
        row.welcome_message_id = _POSTING
        row.status = MemberStatus.RESTRICTED
    row.updated_at = now
    await session.flush()
    return Arrival(group_id, profile.id, row.joined_via, needs, needs)


async def welcome_posted(
    session: AsyncSession,
    group_id: int,
    user_id: int,
    *,
    message_id: int,
    join_message_id: int | None,
    now: datetime,
) -> datetime | None:
    """Keep the welcome's id and schedule the removal; returns when it falls due.

    None when the welcome is no longer wanted: the member accepted (pressing the button as soon
    as it showed) or left while it was being posted; the caller deletes it then."""
    group = await session.get(Group, group_id)
    row = await membership_rows.lock(session, group_id, user_id)
    if group is None or row is None:
        raise LookupError((group_id, user_id))
    if row.welcome_message_id != _POSTING:
        return None
    row.welcome_message_id = message_id
    row.updated_at = now
    due = now + timedelta(hours=timeout_hours(dict(group.settings or {})))
    known = await _pending_payload(session, group_id, user_id)
    await _schedule_expiry(
        session, group_id, user_id, due, join_message_id or known.get("join_message_id"), now
    )
    return due


async def posting_failed(
    session: AsyncSession, group_id: int, user_id: int, *, now: datetime
) -> bool:
    """The welcome could not be posted: nobody can accept it, so do not keep them restricted.

    Returns True when the caller should lift the restriction."""
    row = await membership_rows.lock(session, group_id, user_id)
    if row is None or row.welcome_message_id != _POSTING:
        return False
    row.welcome_message_id = None
    if row.status == MemberStatus.RESTRICTED:
        row.status = MemberStatus.ACTIVE
    row.updated_at = now
    await scheduled_actions.cancel(session, dedupe_key=expire_key(group_id, user_id))
    await session.flush()
    return True


async def _schedule_expiry(
    session: AsyncSession,
    group_id: int,
    user_id: int,
    due: datetime,
    join_message_id: int | None,
    now: datetime,
) -> None:
    payload = {"group_id": group_id, "user_id": user_id, "join_message_id": join_message_id}
    await scheduled_actions.schedule(
        session, kind=WELCOME_EXPIRE, due_at=due, payload=payload, group_id=group_id,
        dedupe_key=expire_key(group_id, user_id), now=now,
    )  # fmt: skip


async def _pending_action(session: AsyncSession, group_id: int, user_id: int) -> Any:
    key = expire_key(group_id, user_id)
    found = await scheduled_actions.pending(session, kind=WELCOME_EXPIRE, dedupe_prefix=key)
    return next((a for a in found if a.dedupe_key == key), None)


async def _pending_payload(session: AsyncSession, group_id: int, user_id: int) -> dict[str, Any]:
    action = await _pending_action(session, group_id, user_id)
    return dict(action.payload) if action is not None else {}


async def attach_join_message(
    session: AsyncSession, group_id: int, user_id: int, join_message_id: int, *, now: datetime
) -> bool:
    """The join service message came after the welcome: remember it for cleaning up.

    While the welcome is still being posted the removal is scheduled here already (with the
    same deadline); welcome_posted then keeps this id."""
    group = await session.get(Group, group_id)
    row = await membership_rows.lock(session, group_id, user_id)
    if group is None or row is None or row.welcome_message_id is None:
        return False
    action = await _pending_action(session, group_id, user_id)
    if action is not None:
        due = action.due_at
    elif row.welcome_message_id == _POSTING:
        due = now + timedelta(hours=timeout_hours(dict(group.settings or {})))
    else:
        return False
    await _schedule_expiry(session, group_id, user_id, due, join_message_id, now)
    return True


async def accept(session: AsyncSession, group_id: int, user_id: int, *, now: datetime) -> Accepted:
    """The member pressed "I have read and accept": record it and stop the removal.

    Raises LookupError when no welcome is waiting for them (already accepted, or gone)."""
    group = await session.get(Group, group_id)
    row = await membership_rows.lock(session, group_id, user_id)
    if group is None or row is None or row.welcome_message_id is None:
        raise LookupError((group_id, user_id))
    payload = await _pending_payload(session, group_id, user_id)
    result = Accepted(
        welcome_message_id=row.welcome_message_id or None,
        join_message_id=payload.get("join_message_id"),
        clean_join_messages=cleans_join_messages(dict(group.settings or {})),
        rules_version=group.rules_version,
    )
    row.rules_version_accepted = group.rules_version
    row.rules_accepted_at = now
    row.welcome_message_id = None
    if row.status == MemberStatus.RESTRICTED:
        row.status = MemberStatus.ACTIVE
    row.updated_at = now
    await scheduled_actions.cancel(session, dedupe_key=expire_key(group_id, user_id))
    await session.flush()
    return result


async def expire(
    session: AsyncSession, group_id: int, user_id: int, payload: dict[str, Any], *, now: datetime
) -> Expired | None:
    """The welcome ran out: record the removal. None when there is nothing to remove."""
    group = await session.get(Group, group_id)
    row = await membership_rows.lock(session, group_id, user_id)
    if group is None or row is None or row.welcome_message_id is None:
        return None
    if row.status not in _PRESENT:
        row.welcome_message_id = None
        return None
    result = Expired(
        welcome_message_id=row.welcome_message_id or None,
        join_message_id=payload.get("join_message_id"),
        clean_join_messages=cleans_join_messages(dict(group.settings or {})),
    )
    row.welcome_message_id = None
    row.status = MemberStatus.KICKED
    row.left_at = now
    row.updated_at = now
    await session.flush()
    return result


async def record_departure(
    session: AsyncSession, group_id: int, user_id: int, *, status: MemberStatus, now: datetime
) -> int | None:
    """The member left or was removed: keep the row (history), mark it, stop any welcome.

    Returns the id of a welcome still on screen, to delete."""
    row = await membership_rows.lock(session, group_id, user_id)
    if row is None:
        return None
    welcome_id = row.welcome_message_id or None
    if row.status == MemberStatus.KICKED and row.left_at is not None:
        status = MemberStatus.KICKED  # our own kick shows up as banned, then left
    if row.status in _PRESENT:
        row.left_at = now
    row.status = status
    row.welcome_message_id = None
    row.updated_at = now
    await scheduled_actions.cancel(session, dedupe_key=expire_key(group_id, user_id))
    await session.flush()
    return welcome_id


async def approved_by_request(session: AsyncSession, group_id: int, user_id: int) -> bool:
    row = await membership(session, group_id, user_id)
    return row is not None and _fresh_request(row)


async def believed_gone(session: AsyncSession, group_id: int, user_id: int) -> bool:
    """Our record says they left or were removed (a late join report may be stale)."""
    row = await membership(session, group_id, user_id)
    return row is not None and row.status not in _PRESENT and row.left_at is not None


async def record_turned_away(
    session: AsyncSession, group_id: int, user_id: int, *, via: str, now: datetime
) -> int | None:
    """Removed for joining without a request: recorded (how they came, kicked), any welcome
    stopped. Returns the id of a welcome still on screen, to delete."""
    await _upsert(session, group_id, user_id, now)
    row = await membership_rows.lock(session, group_id, user_id)
    assert row is not None
    row.joined_via = via
    row.joined_at = row.joined_at or now
    await session.flush()
    return await record_departure(session, group_id, user_id, status=MemberStatus.KICKED, now=now)
