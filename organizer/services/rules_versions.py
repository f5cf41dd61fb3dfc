"""Versioned group rules: /setrules, acknowledgements, and the periodic rules reminder.

`ensure_rules_reminder` (re)schedules the one pending `rules.reminder` action of a group from its
settings; call it when /setup completes and whenever the reminder settings change. The action
posts the rules and calls it again for the next week.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.models import Group, Membership, MemberStatus
from organizer.services import admins, scheduled_actions, users
from organizer.services.users import TelegramProfile

RULES_REMINDER = "rules.reminder"
MAX_RULES_CHARS = 3000
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class InvalidReminder(ValueError):
    """A /rulesreminder value out of range."""


@dataclass(frozen=True)
class ReminderSettings:
    mode: str  # "weekly" | "off"
    weekday: int  # 0 = Monday
    at: time

    @property
    def at_text(self) -> str:
        return self.at.strftime("%H:%M")


@dataclass(frozen=True)
class Compliance:
    accepted: int
    members: int


async def _group(session: AsyncSession, group_id: int) -> Group:
    group = await session.get(Group, group_id)
    if group is None:
        raise LookupError(group_id)
    return group


async def current_version(session: AsyncSession, group_id: int) -> int:
    return (await _group(session, group_id)).rules_version


async def set_rules(session: AsyncSession, group_id: int, text: str, *, now: datetime) -> int:
    """Store new rules (HTML-escaped: they are shown as plain text) and bump the version."""
    text = text.strip()
    if not text:
        raise ValueError("empty rules")
    if len(text) > MAX_RULES_CHARS:
        raise ValueError("rules too long")
    group = await _group(session, group_id)
    group.rules_text = html.escape(text, quote=False)
    group.rules_version += 1
    group.updated_at = now
    await session.flush()
    return group.rules_version


async def acknowledge(
    session: AsyncSession, group_id: int, profile: TelegramProfile, *, now: datetime
) -> bool:
    """Record that the member acknowledged the current rules; False if they already had."""
    group = await _group(session, group_id)
    await users.remember(session, profile, now=now)
    row = await admins.ensure_membership(session, group_id, profile.id, now=now)
    if row.rules_version_accepted >= group.rules_version:
        return False
    row.rules_version_accepted = group.rules_version
    row.rules_accepted_at = now
    row.updated_at = now
    await session.flush()
    return True


async def compliance(session: AsyncSession, group_id: int) -> Compliance:
    """How many present members acknowledged the current version."""
    group = await _group(session, group_id)
    present = (Membership.group_id == group_id) & Membership.status.in_(
        [MemberStatus.ACTIVE, MemberStatus.RESTRICTED]
    )
    members = await session.scalar(select(func.count()).where(present))
    accepted = await session.scalar(
        select(func.count()).where(
            present, Membership.rules_version_accepted >= group.rules_version
        )
    )
    return Compliance(int(accepted or 0), int(members or 0))


def reminder_settings(settings: dict[str, Any]) -> ReminderSettings:
    mode = settings.get("rules_reminder", "weekly")
    weekday = settings.get("rules_reminder_weekday", 0)
    match = _TIME.match(str(settings.get("rules_reminder_time", "09:00")))
    at = time(int(match.group(1)), int(match.group(2))) if match else time(9, 0)
    if not isinstance(weekday, int) or not 0 <= weekday <= 6:
        weekday = 0
    return ReminderSettings("off" if mode == "off" else "weekly", weekday, at)


def parse_reminder(mode: str, weekday: str | None = None, at: str | None = None) -> dict[str, Any]:
    """Validate /rulesreminder arguments into group settings."""
    if mode == "off":
        return {"rules_reminder": "off"}
    if mode != "weekly" or weekday is None or at is None:
        raise InvalidReminder(mode)
    if not weekday.isdigit() or not 0 <= int(weekday) <= 6 or not _TIME.match(at):
        raise InvalidReminder(f"{weekday} {at}")
    hours, minutes = at.split(":")
    return {
        "rules_reminder": "weekly",
        "rules_reminder_weekday": int(weekday),
        "rules_reminder_time": f"{int(hours):02d}:{minutes}",
    }


def next_reminder_at(reminder: ReminderSettings, tz: ZoneInfo, now: datetime) -> datetime:
    """The first reminder time strictly after `now` (in UTC)."""
    local = now.astimezone(tz)
    days = (reminder.weekday - local.weekday()) % 7
    for extra in (0, 7, 14):
        day = local.date() + timedelta(days=days + extra)
        candidate = datetime.combine(day, reminder.at, tzinfo=tz)
        if candidate > now:
            return candidate.astimezone(now.tzinfo)
    raise AssertionError("unreachable")


def _key_prefix(group_id: int) -> str:
    return f"{RULES_REMINDER}:{group_id}:"


async def ensure_rules_reminder(
    session: AsyncSession, group_id: int, now: datetime
) -> datetime | None:
    """Schedule the group's next rules reminder from its settings (cancelling any other pending
    one); returns when it falls due, or None when reminders are off."""
    group = await _group(session, group_id)
    await scheduled_actions.cancel(session, dedupe_prefix=_key_prefix(group_id))
    reminder = reminder_settings(dict(group.settings or {}))
    if reminder.mode == "off" or not group.bot_is_member:
        return None
    tz = ZoneInfo(group.timezone)
    due = next_reminder_at(reminder, tz, now)
    await scheduled_actions.schedule(
        session,
        kind=RULES_REMINDER,
        due_at=due,
        payload={"group_id": group_id},
        group_id=group_id,
        dedupe_key=f"{_key_prefix(group_id)}{due.astimezone(tz).date().isoformat()}",
        now=now,
    )
    return due


async def configure_reminder(
    session: AsyncSession, group_id: int, values: dict[str, Any], *, now: datetime
) -> tuple[ReminderSettings, datetime | None]:
    """Save /rulesreminder settings and reschedule."""
    group = await _group(session, group_id)
    group.settings = {**(group.settings or {}), **values}
    group.updated_at = now
    await session.flush()
    due = await ensure_rules_reminder(session, group_id, now)
    return reminder_settings(group.settings), due


def short_rules(rules_text: str | None, default_short: str, *, limit: int = 600) -> str:
    """The rules for a welcome: the group's own (whole lines, cut near `limit`) or the default."""
    if not rules_text:
        return default_short
    kept: list[str] = []
    total = 0
    for line in rules_text.splitlines():
        if kept and total + len(line) > limit:
            kept.append("…")
            break
        kept.append(line)
        total += len(line) + 1
    return "\n".join(kept)
