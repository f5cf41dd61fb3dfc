"""The activity proposal form as it grows (charter 七(一)): one open draft per proposer, saved at
every step, so a restart or an abandoned chat loses nothing.

The draft's `data` is plain JSON (datetimes as ISO strings in UTC); `to_proposal` turns a
complete one into the `ProposalData` that `activities.submit` takes, and `from_proposal` turns a
proposal back into a draft when its proposer is asked for changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.models import ActivityDraft, ActivityKind, Group, Membership, MemberStatus
from organizer.services.activities import AgendaEntry, ProposalData, Recurrence
from organizer.services.groups import GroupInfo
from organizer.services.groups import get as get_group

DraftData = dict[str, Any]  # JSON: see the module docstring

# The fields a proposal cannot do without, each with the form step that asks for it.
REQUIRED = (
    ("kind", "kind"),
    ("title", "title"),
    ("description", "description"),
    ("starts_at", "start"),
    ("ends_at", "end"),
)


class DraftIncomplete(ValueError):
    """A draft that misses a required field; `step` is the form step that asks for it."""

    def __init__(self, step: str) -> None:
        super().__init__(step)
        self.step = step


@dataclass(frozen=True)
class DraftInfo:
    user_id: int
    group_id: int | None
    activity_id: int | None  # the proposal this draft revises, after "ask for changes"
    step: str
    data: dict[str, Any]
    created_at: datetime
    updated_at: datetime


def _info(draft: ActivityDraft) -> DraftInfo:
    return DraftInfo(
        user_id=draft.user_id,
        group_id=draft.group_id,
        activity_id=draft.activity_id,
        step=draft.step,
        data=dict(draft.data or {}),
        created_at=draft.created_at,
        updated_at=draft.updated_at,
    )


async def _row(session: AsyncSession, user_id: int) -> ActivityDraft | None:
    return await session.scalar(select(ActivityDraft).where(ActivityDraft.user_id == user_id))


async def get(session: AsyncSession, user_id: int) -> DraftInfo | None:
    draft = await _row(session, user_id)
    return _info(draft) if draft else None


async def start(
    session: AsyncSession,
    user_id: int,
    *,
    group_id: int,
    step: str,
    now: datetime,
    data: dict[str, Any] | None = None,
    activity_id: int | None = None,
) -> DraftInfo:
    """Open a fresh draft for the user, replacing any draft they had ("start over")."""
    # ON CONFLICT DO NOTHING first: two /propose at once must not fail on the unique user_id.
    values = {"user_id": user_id, "step": step, "data": {}, "created_at": now, "updated_at": now}
    await insert_if_absent(session, ActivityDraft, values, key=["user_id"])
    draft = await _row(session, user_id)
    assert draft is not None
    draft.group_id, draft.activity_id = group_id, activity_id
    draft.step, draft.data = step, dict(data or {})
    draft.created_at = draft.updated_at = now
    await session.flush()
    return _info(draft)


async def save(
    session: AsyncSession, user_id: int, *, step: str, data: dict[str, Any], now: datetime
) -> DraftInfo:
    """Store the form's progress: the step now waiting for input and everything entered so far."""
    draft = await _row(session, user_id)
    if draft is None:
        raise LookupError(user_id)
    # A new dict object, so the JSON column is seen as changed.
    draft.step, draft.data, draft.updated_at = step, dict(data), now
    await session.flush()
    return _info(draft)


async def discard(session: AsyncSession, user_id: int) -> bool:
    result = await session.execute(delete(ActivityDraft).where(ActivityDraft.user_id == user_id))
    return bool(getattr(result, "rowcount", 0))


async def proposable_groups(session: AsyncSession, user_id: int) -> list[GroupInfo]:
    """The groups the bot is in where the user is a present member (or admin), by title."""
    rows = await session.scalars(
        select(Group.id)
        .join(Membership, Membership.group_id == Group.id)
        .where(
            Membership.user_id == user_id,
            Membership.status.in_([MemberStatus.ACTIVE, MemberStatus.RESTRICTED]),
            Group.bot_is_member.is_(True),
        )
        .order_by(Group.title, Group.id)
    )
    found = [await get_group(session, group_id) for group_id in rows]
    return [group for group in found if group is not None]


def moment(data: dict[str, Any], key: str) -> datetime | None:
    value = data.get(key)
    return datetime.fromisoformat(value) if value else None


def stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def to_proposal(data: dict[str, Any]) -> ProposalData:
    """The proposal a draft describes; DraftIncomplete names the first step still missing."""
    for key, step in REQUIRED:
        if not data.get(key):
            raise DraftIncomplete(step)
    if not (data.get("location") or data.get("online_url")):
        raise DraftIncomplete("place")
    starts_at, ends_at = moment(data, "starts_at"), moment(data, "ends_at")
    assert starts_at is not None and ends_at is not None
    until = moment(data, "repeat_until")
    weeks = int(data.get("repeat_weeks") or 0)
    return ProposalData(
        kind=ActivityKind(data["kind"]),
        title=data["title"],
        description=data["description"],
        starts_at=starts_at,
        ends_at=ends_at,
        location=data.get("location"),
        online_url=data.get("online_url"),
        capacity=data.get("capacity"),
        rsvp_deadline=moment(data, "rsvp_deadline"),
        coordinator=data.get("coordinator"),
        agenda=tuple(AgendaEntry(**item) for item in data.get("agenda") or ()),
        recurrence=Recurrence(weeks, until) if weeks and until else None,
    )


def from_proposal(proposal: ProposalData) -> dict[str, Any]:
    """A draft's data holding everything the proposal says (to revise it)."""
    recurrence = proposal.recurrence
    return {
        "kind": proposal.kind.value,
        "title": proposal.title,
        "description": proposal.description,
        "starts_at": stamp(proposal.starts_at),
        "ends_at": stamp(proposal.ends_at),
        "location": proposal.location,
        "online_url": proposal.online_url,
        "capacity": proposal.capacity,
        "rsvp_deadline": stamp(proposal.rsvp_deadline),
        "coordinator": proposal.coordinator,
        "agenda": [vars(item) for item in proposal.agenda],
        "repeat_weeks": recurrence.interval_weeks if recurrence else 0,
        "repeat_until": stamp(recurrence.until) if recurrence else None,
    }
