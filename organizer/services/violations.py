"""Violations and the escalation ladder (charter 四(三), 五).

Every hit — automatic or an admin's /warn — is a `Violation` row. The sanction follows the
group's ladder (default warning → mute 1 h → mute 24 h → removal): the n-th violation a member
has in the window (default 30 days, undone ones not counted) gets step n, and the last step
repeats beyond the ladder. Undoing marks a violation undone (the record stays) and says which
Telegram restriction the handler should lift; this module never talks to Telegram.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group
from organizer.models.moderation import Violation
from organizer.services import membership_rows
from organizer.timeparse.durations import read_duration
from organizer.timeparse.normalize import normalize

DEFAULT_LADDER = ("warn", "mute:1h", "mute:24h", "kick")
DEFAULT_WINDOW_DAYS = 30
SANCTIONS = ("warn", "mute", "kick", "ban", "none")
# Telegram treats a restriction shorter than 30 s or longer than 366 days as "forever".
MIN_DURATION, MAX_DURATION = timedelta(minutes=1), timedelta(days=366)
MAX_TEXT, MAX_EVIDENCE = 4096, 255
# Whether a ladder step takes a duration: a mute must end, a ban may, the others cannot.
_STEP_DURATION = {"warn": "never", "kick": "never", "mute": "always", "ban": "optional"}


class DurationError(ValueError):
    """A duration or ladder step that cannot be used; `key` is a catalogue key
    (moderation_admin.ftl), `params` its arguments: `texts(error.key, **error.params)`."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


@dataclass(frozen=True)
class LadderStep:
    sanction: str  # warn | mute | kick | ban
    duration: timedelta | None  # mutes always; a ban optionally ("ban:7d")


@dataclass(frozen=True)
class ViolationOutcome:
    violation_id: int
    count_in_window: int  # including this one
    sanction: str  # warn | mute | kick | ban | none (empty ladder)
    sanction_until: datetime | None


@dataclass(frozen=True)
class UndoOutcome:
    group_id: int
    user_id: int
    lift: str | None  # "unmute" | "unban" | None: what the handler should lift in Telegram
    already_undone_by: int | None  # set when someone undid it before: nothing was changed


@dataclass(frozen=True)
class ViolationInfo:
    id: int
    group_id: int
    user_id: int
    rule: str
    category: str
    charter_ref: str | None
    evidence: str | None
    message_text: str | None
    message_id: int | None
    by_user_id: int | None
    sanction: str
    sanction_until: datetime | None
    created_at: datetime
    undone_at: datetime | None
    undone_by: int | None


def parse_duration(text: str) -> timedelta:
    """ "30m", "2h", "1d", "1h30m", "30分钟", "1天" (zh and en units; a bare number is minutes),
    between 1 minute and 366 days. Raises DurationError."""
    delta = read_duration(normalize(text))
    if delta is None:
        raise DurationError("moderation-admin-duration-invalid", value=text.strip())
    if not MIN_DURATION <= delta <= MAX_DURATION:
        raise DurationError("moderation-admin-duration-range", value=text.strip())
    return delta


def parse_step(text: str) -> LadderStep:
    """ "warn", "mute:1h", "kick", "ban" or "ban:7d". Raises DurationError."""
    sanction, _, duration = text.strip().lower().partition(":")
    takes = _STEP_DURATION.get(sanction)
    if takes is None or (takes == "always" and not duration) or (takes == "never" and duration):
        raise DurationError("moderation-admin-ladder-invalid", step=text.strip())
    return LadderStep(sanction, parse_duration(duration) if duration else None)


def parse_ladder(steps: Sequence[str]) -> tuple[LadderStep, ...]:
    return tuple(parse_step(step) for step in steps)


def _info(row: Violation) -> ViolationInfo:
    return ViolationInfo(
        row.id, row.group_id, row.user_id, row.rule, row.category, row.charter_ref,
        row.evidence, row.message_text, row.message_id, row.by_user_id, row.sanction,
        row.sanction_until, row.created_at, row.undone_at, row.undone_by,
    )  # fmt: skip


async def _lock_member(session: AsyncSession, group_id: int, user_id: int) -> None:
    """Serialise one member's violations, so two hits at once do not both count as the first.
    A sender the bot has no membership row for (its first message broke a rule) locks the
    group row instead: violations are rare, so a group-wide lock costs nothing noticeable."""
    if await membership_rows.lock(session, group_id, user_id) is None:
        await lock_one(session, Group, Group.id == group_id)


def _active(group_id: int, user_id: int, since: datetime) -> tuple[Any, ...]:
    return (
        Violation.group_id == group_id,
        Violation.user_id == user_id,
        Violation.undone_at.is_(None),
        # Strictly after: a violation exactly `window_days` old has expired.
        Violation.created_at > since,
    )


async def active_count(
    session: AsyncSession,
    group_id: int,
    user_id: int,
    *,
    now: datetime,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> int:
    since = now - timedelta(days=window_days)
    count = await session.scalar(
        select(func.count(Violation.id)).where(*_active(group_id, user_id, since))
    )
    return int(count or 0)


async def record(
    session: AsyncSession,
    *,
    group_id: int,
    user_id: int,
    rule: str,
    category: str,
    charter_ref: str | None,
    evidence: str | None,
    message_text: str | None,
    message_id: int | None,
    by_user_id: int | None,
    now: datetime,
    ladder: Sequence[str] = DEFAULT_LADDER,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> ViolationOutcome:
    """Record a violation and pick its sanction from the ladder (an empty ladder: "none")."""
    steps = parse_ladder(ladder)  # a bad ladder fails before anything is written
    await _lock_member(session, group_id, user_id)
    count = await active_count(session, group_id, user_id, now=now, window_days=window_days) + 1
    step = steps[min(count, len(steps)) - 1] if steps else LadderStep("none", None)
    until = now + step.duration if step.duration else None
    row = Violation(
        group_id=group_id, user_id=user_id, rule=rule, category=category,
        charter_ref=charter_ref, evidence=evidence[:MAX_EVIDENCE] if evidence else None,
        message_text=message_text[:MAX_TEXT] if message_text else None, message_id=message_id,
        by_user_id=by_user_id, sanction=step.sanction, sanction_until=until, created_at=now,
    )  # fmt: skip
    session.add(row)
    await session.flush()
    return ViolationOutcome(row.id, count, step.sanction, until)


async def warn(
    session: AsyncSession,
    *,
    group_id: int,
    user_id: int,
    by_user_id: int,
    reason: str | None,
    now: datetime,
    message_text: str | None = None,
    message_id: int | None = None,
    ladder: Sequence[str] = ("warn",),
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> ViolationOutcome:
    """An admin's /warn (rule "manual.warn"). It always counts towards the member's ladder;
    by default it is just a warning — pass the group's ladder to let /warn escalate too."""
    return await record(
        session, group_id=group_id, user_id=user_id, rule="manual.warn", category="manual",
        charter_ref=None, evidence=reason, message_text=message_text, message_id=message_id,
        by_user_id=by_user_id, now=now, ladder=ladder, window_days=window_days,
    )  # fmt: skip


async def unwarn(
    session: AsyncSession,
    group_id: int,
    user_id: int,
    by: int,
    now: datetime,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> bool:
    """Undo the member's latest active warning; False when there is none."""
    await _lock_member(session, group_id, user_id)
    row = await session.scalar(
        select(Violation)
        .where(*_active(group_id, user_id, now - timedelta(days=window_days)))
        .where(Violation.sanction == "warn")
        .order_by(Violation.created_at.desc(), Violation.id.desc())
        .limit(1)
    )
    if row is None:
        return False
    row.undone_at, row.undone_by = now, by
    await session.flush()
    return True


async def undo(
    session: AsyncSession, violation_id: int, *, by_user_id: int, now: datetime
) -> UndoOutcome:
    """Mark a violation undone (the Undo button). Raises LookupError for an unknown id.

    What to lift, kept simple: a mute still running is lifted ("unmute") and a ban still in
    force ("unban"), unless another active violation of the member carries a mute (resp. ban)
    that is still in force. Restrictions applied outside this table (an admin's /mute that was
    only written to the audit log) are not seen. A kick has nothing to lift: a kicked member
    may come back."""
    row = await lock_one(session, Violation, Violation.id == violation_id)
    if row is None:
        raise LookupError(violation_id)
    if row.undone_at is not None:
        return UndoOutcome(row.group_id, row.user_id, None, row.undone_by)
    row.undone_at, row.undone_by = now, by_user_id
    await session.flush()
    return UndoOutcome(row.group_id, row.user_id, await _lift_for(session, row, now), None)


def _in_force(sanction_until: datetime | None, sanction: str, now: datetime) -> bool:
    # A mute always has an end; a ban without one is permanent.
    if sanction_until is None:
        return sanction == "ban"
    return sanction_until > now


async def _lift_for(session: AsyncSession, row: Violation, now: datetime) -> str | None:
    if row.sanction not in ("mute", "ban") or not _in_force(row.sanction_until, row.sanction, now):
        return None
    others = await session.scalars(
        select(Violation.sanction_until).where(
            Violation.group_id == row.group_id,
            Violation.user_id == row.user_id,
            Violation.sanction == row.sanction,
            Violation.undone_at.is_(None),
            Violation.id != row.id,
        )
    )
    if any(_in_force(until, row.sanction, now) for until in others):
        return None
    return "unmute" if row.sanction == "mute" else "unban"


async def get(session: AsyncSession, violation_id: int) -> ViolationInfo | None:
    row = await session.get(Violation, violation_id)
    return _info(row) if row else None


async def history(
    session: AsyncSession, group_id: int, user_id: int, limit: int = 20
) -> list[ViolationInfo]:
    """The member's violations in the group, newest first, undone ones included (marked)."""
    rows = await session.scalars(
        select(Violation)
        .where(Violation.group_id == group_id, Violation.user_id == user_id)
        .order_by(Violation.created_at.desc(), Violation.id.desc())
        .limit(limit)
    )
    return [_info(row) for row in rows]


async def count_since(session: AsyncSession, group_id: int, since: datetime) -> int:
    """Violations in the group since `since`, undone ones not counted (the admin digest)."""
    count = await session.scalar(
        select(func.count(Violation.id)).where(
            Violation.group_id == group_id,
            Violation.undone_at.is_(None),
            Violation.created_at >= since,
        )
    )
    return int(count or 0)
