"""Who spoke when, kept in memory on the hot path and written to the database in batches.

`seen` is called for every group message and touches no database; `flush` (every 30 s and at
shutdown) writes every pending (group, member) → last_active_at in ONE executemany statement,
which also clears the inactivity reminder (speaking again ends the sweep for that member).

Name imitation is checked in the same flush, and only for members whose display name changed
since the tracker last saw them: a member whose normalised name equals or nearly equals one of
the group's admins' names is reported once per (group, user, name).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.models import MemberRole, Membership, MemberStatus, User

# Names at least this similar (difflib ratio, after normalising) count as an imitation.
SIMILARITY = 0.85

Key = tuple[int, int]


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

    def seen(self, group_id: int, user_id: int, name: str, at: datetime) -> None:
        """A member spoke in a group: memory only, no I/O."""
        key = (group_id, user_id)
        previous = self._pending.get(key)
        if previous is None or at > previous:
            self._pending[key] = at
        if self._names.get(key) != name:
            self._names[key] = name
            self._name_checks[key] = name

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def flush(self, session_factory: async_sessionmaker[AsyncSession]) -> FlushResult:
        """Write what was seen since the last flush; returns new imitation suspects."""
        if not self._pending and not self._name_checks:
            return FlushResult(0)
        pending, self._pending = self._pending, {}
        checks, self._name_checks = self._name_checks, {}
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
                suspects = await self._check_names(session, checks) if checks else []
                await session.commit()
        except BaseException:
            # Keep what was not written for the next flush (newer sightings win).
            for key, at in pending.items():
                if key not in self._pending or self._pending[key] < at:
                    self._pending[key] = at
            for key, name in checks.items():
                self._name_checks.setdefault(key, name)
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
