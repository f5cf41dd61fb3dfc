"""Who spoke when, kept in memory on the hot path and written to the database in batches.

`seen` is called for every group message and touches no database; `flush` (every 30 s and at
shutdown) writes every pending (group, member) → last_active_at in ONE executemany statement,
which also clears the inactivity reminder (speaking again ends the sweep for that member).

The same flush adds the messages counted since the last one to `member_daily_activity` (one
UPSERT per flush: messages = messages + excluded.messages) for the assessment. On the hot path
a message only bumps a counter keyed by (group, user, quarter-hour slot in UTC): every
timezone's offset is a whole number of quarter hours, so a slot never straddles a local
midnight, and the flush turns slots into the group's local calendar day with the groups'
timezones read once per flush (no timezone work per message).

Name imitation is checked in the same flush, and only for members whose display name changed
since the tracker last saw them: a member whose normalised name equals or nearly equals one of
the group's admins' names is reported once per (group, user, name).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, case, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.models import Group, MemberRole, Membership, MemberStatus, User
from organizer.models.assessment import MemberDailyActivity

# Names at least this similar (difflib ratio, after normalising) count as an imitation.
SIMILARITY = 0.85

Key = tuple[int, int]
# (group, user, quarter-hour slot since the epoch) → [messages, replies, first_at, last_at]
SlotKey = tuple[int, int, int]
SLOT_SECONDS = 900
DayKey = tuple[int, int, date]


def normalize_name(name: str) -> str:
    """Case, spaces and full-width forms do not make a name different."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] != "C")


def names_close(a: str, b: str) -> bool:
    a, b = normalize_name(a), normalize_name(b)
    if not a or not b:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILARITY


@dataclass(frozen=True)
class ImitationSuspect:
    group_id: int
    user_id: int
    name: str
    admin_id: int
    admin_name: str


@dataclass(frozen=True)
class FlushResult:
    written: int
    suspects: tuple[ImitationSuspect, ...] = ()


@dataclass
class ActivityTracker:
    _pending: dict[Key, datetime] = field(default_factory=dict)
    _names: dict[Key, str] = field(default_factory=dict)
    _name_checks: dict[Key, str] = field(default_factory=dict)
    _flagged: set[tuple[int, int, str]] = field(default_factory=set)
    _counts: dict[SlotKey, list[Any]] = field(default_factory=dict)
    # The current slot's bounds: messages arrive in time order, so the slot is computed once
    # per quarter hour, not once per message (a comparison costs a fraction of a timestamp()).
    _slot: int = field(default=0, init=False)
    _slot_start: datetime = field(default=datetime.max.replace(tzinfo=UTC), init=False)
    _slot_end: datetime = field(default=datetime.min.replace(tzinfo=UTC), init=False)

    def seen(
        self, group_id: int, user_id: int, name: str, at: datetime, *, reply: bool = False,
        counted: bool = True,
    ) -> None:  # fmt: skip
        """A member spoke in a group (`reply`: the message replied to another): memory only,
        no I/O. `counted` False (a command to the bot): the member is seen, but the message
        is not counted toward their participation."""
        key = (group_id, user_id)
        previous = self._pending.get(key)
        if previous is None or at > previous:
            self._pending[key] = at
        if self._names.get(key) != name:
            self._names[key] = name
            self._name_checks[key] = name
        if not counted:
            return
        if not self._slot_start <= at < self._slot_end:
            number = int(at.timestamp()) // SLOT_SECONDS
            self._slot = number
            self._slot_start = datetime.fromtimestamp(number * SLOT_SECONDS, UTC)
            self._slot_end = datetime.fromtimestamp((number + 1) * SLOT_SECONDS, UTC)
        slot = (group_id, user_id, self._slot)
        counts = self._counts.get(slot)
        if counts is None:
            self._counts[slot] = [1, 1 if reply else 0, at, at]
        else:
            counts[0] += 1
            if reply:
                counts[1] += 1
            if at > counts[3]:
                counts[3] = at
            elif at < counts[2]:
                counts[2] = at

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def flush(self, session_factory: async_sessionmaker[AsyncSession]) -> FlushResult:
        """Write what was seen since the last flush; returns new imitation suspects."""
        if not self._pending and not self._name_checks and not self._counts:
            return FlushResult(0)
        pending, self._pending = self._pending, {}
        checks, self._name_checks = self._name_checks, {}
        counts, self._counts = self._counts, {}
        try:
            async with session_factory() as session:
                if pending:
                    await session.execute(
                        update(Membership.__table__)  # type: ignore[arg-type]
                        .where(
                            Membership.__table__.c.group_id == bindparam("g"),
                            Membership.__table__.c.user_id == bindparam("u"),
                        )
                        .values(last_active_at=bindparam("at"), inactivity_reminded_at=None),
                        [{"g": g, "u": u, "at": at} for (g, u), at in pending.items()],
                    )
                if counts:
                    await _add_daily_counts(session, counts)
                suspects = await self._check_names(session, checks) if checks else []
                await session.commit()
        except BaseException:
            # Keep what was not written for the next flush (newer sightings win).
            for key, at in pending.items():
                if key not in self._pending or self._pending[key] < at:
                    self._pending[key] = at
            for key, name in checks.items():
                self._name_checks.setdefault(key, name)
            for slot, (messages, replies, first, last) in counts.items():
                current = self._counts.get(slot)
                if current is None:
                    self._counts[slot] = [messages, replies, first, last]
                else:
                    current[0] += messages
                    current[1] += replies
                    current[2], current[3] = min(current[2], first), max(current[3], last)
            raise
        return FlushResult(len(pending), tuple(suspects))

    async def _check_names(
        self, session: AsyncSession, checks: dict[Key, str]
    ) -> list[ImitationSuspect]:
        group_ids = {group_id for group_id, _ in checks}
        rows = await session.execute(
            select(Membership.group_id, User.id, User.first_name, User.last_name)
            .join(User, User.id == Membership.user_id)
            .where(
                Membership.group_id.in_(group_ids),
                Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
                Membership.status == MemberStatus.ACTIVE,
            )
        )
        admins: dict[int, list[tuple[int, str]]] = {}
        for group_id, admin_id, first, last in rows:
            name = " ".join(part for part in (first, last) if part)
            admins.setdefault(group_id, []).append((admin_id, name))
        suspects = []
        for (group_id, user_id), name in checks.items():
            group_admins = admins.get(group_id, [])
            if any(admin_id == user_id for admin_id, _ in group_admins):
                continue
            for admin_id, admin_name in group_admins:
                flag = (group_id, user_id, normalize_name(name))
                if names_close(name, admin_name) and flag not in self._flagged:
                    self._flagged.add(flag)
                    suspects.append(ImitationSuspect(group_id, user_id, name, admin_id, admin_name))
                    break
        return suspects


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def daily_rows(counts: dict[SlotKey, list[Any]], timezones: dict[int, str]) -> list[dict[str, Any]]:
    """Quarter-hour slots → one row per (group, user, local day); groups not in `timezones`
    (unknown to the database) are dropped."""
    zones = {group_id: _zone(name) for group_id, name in timezones.items()}
    days: dict[DayKey, list[Any]] = {}
    for (group_id, user_id, slot), (messages, replies, first, last) in counts.items():
        zone = zones.get(group_id)
        if zone is None:
            continue
        day = datetime.fromtimestamp(slot * SLOT_SECONDS, zone).date()
        row = days.get((group_id, user_id, day))
        if row is None:
            days[(group_id, user_id, day)] = [messages, replies, first, last]
        else:
            row[0] += messages
            row[1] += replies
            row[2], row[3] = min(row[2], first), max(row[3], last)
    return [
        {
            "group_id": group_id,
            "user_id": user_id,
            "day": day,
            "messages": messages,
            "replies": replies,
            "first_at": first.astimezone(UTC),
            "last_at": last.astimezone(UTC),
        }
        for (group_id, user_id, day), (messages, replies, first, last) in days.items()
    ]


async def _add_daily_counts(session: AsyncSession, counts: dict[SlotKey, list[Any]]) -> int:
    """One INSERT … ON CONFLICT DO UPDATE (executemany) adding to the day's counters."""
    group_ids = {group_id for group_id, _, _ in counts}
    timezones = {
        int(group_id): str(zone)
        for group_id, zone in await session.execute(
            select(Group.id, Group.timezone).where(Group.id.in_(group_ids))
        )
    }
    rows = daily_rows(counts, timezones)
    if not rows:
        return 0
    stmt: Any
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(MemberDailyActivity)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(MemberDailyActivity)
    table = MemberDailyActivity.__table__.c
    excluded = stmt.excluded
    stmt = stmt.on_conflict_do_update(
        index_elements=["group_id", "user_id", "day"],
        set_={
            "messages": table.messages + excluded.messages,
            "replies": table.replies + excluded.replies,
            "first_at": case(
                (table.first_at.is_(None), excluded.first_at),
                (excluded.first_at < table.first_at, excluded.first_at),
                else_=table.first_at,
            ),
            "last_at": case(
                (table.last_at.is_(None), excluded.last_at),
                (excluded.last_at > table.last_at, excluded.last_at),
                else_=table.last_at,
            ),
        },
    )
    await session.execute(stmt, rows)
    return len(rows)
