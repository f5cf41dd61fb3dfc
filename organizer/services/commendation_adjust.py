"""Admins adjust the month's commendation list before it is posted: leave a member out (the
next-ranked member moves up) or put everyone back.

Kept in Group.settings["commendation_excluded"] = {"yyyymm": [user_id, ...]}, a few months
only, beside the month's skip mark; `commendations.preview` reads it, so the advance copy, its
refreshed version after a press and the post itself all name the same members.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group

EXCLUDED_KEY = "commendation_excluded"
MONTHS_KEPT = 3


def excluded(settings: dict[str, Any] | None, yyyymm: str) -> frozenset[int]:
    """The members left out of `yyyymm`'s list (malformed entries are ignored)."""
    months = (settings or {}).get(EXCLUDED_KEY)
    if not isinstance(months, dict):
        return frozenset()
    users = months.get(yyyymm)
    if not isinstance(users, list):
        return frozenset()
    return frozenset(u for u in users if isinstance(u, int) and not isinstance(u, bool))


async def exclude(session: AsyncSession, group_id: int, yyyymm: str, user_id: int) -> bool:
    """Leave `user_id` out of the month's list; False: no such group. The caller checks that
    the presser is one of the group's admins."""
    return await _update(session, group_id, yyyymm, lambda users: users | {user_id})


async def restore(session: AsyncSession, group_id: int, yyyymm: str) -> bool:
    """Everyone left out of the month's list is back in; False: no such group."""
    return await _update(session, group_id, yyyymm, lambda users: frozenset())


async def _update(session: AsyncSession, group_id: int, yyyymm: str, change: Any) -> bool:
    group = await lock_one(session, Group, Group.id == group_id)
    if group is None:
        return False
    settings = dict(group.settings or {})
    current = settings.get(EXCLUDED_KEY)
    months = {k: v for k, v in current.items() if isinstance(v, list)} if isinstance(
        current, dict
    ) else {}  # fmt: skip
    users = change(excluded(settings, yyyymm))
    if users:
        months[yyyymm] = sorted(users)
    else:
        months.pop(yyyymm, None)
    settings[EXCLUDED_KEY] = {k: months[k] for k in sorted(months)[-MONTHS_KEPT:]}
    group.settings = settings
    await session.flush()
    return True
