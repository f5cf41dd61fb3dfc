"""Callback data of the commendation preview's buttons: "v1cm:skip:<group_id>:<yyyymm>", and
"v1cd:drop|restore:<group_id>:<yyyymm>:<user_id>" to leave one member out of (or put everyone
back into) the month's list.

Kept apart from the service so a handler can parse a press without loading the scoring code.
"""

from __future__ import annotations

from dataclasses import dataclass

CALLBACK_PREFIX = "v1cm"
SKIP = "skip"
ADJUST_PREFIX = "v1cd"
DROP = "drop"
RESTORE = "restore"


@dataclass(frozen=True)
class CommendationCallback:
    action: str
    group_id: int
    yyyymm: str


def skip_callback(group_id: int, yyyymm: str) -> str:
    """The "Skip this month" button's data (well under Telegram's 64 bytes)."""
    return f"{CALLBACK_PREFIX}:{SKIP}:{group_id}:{yyyymm}"


def parse(data: str | None) -> CommendationCallback | None:
    """The press, or None for data that is not a well-formed commendation callback."""
    parts = (data or "").split(":")
    if len(parts) != 4 or parts[0] != CALLBACK_PREFIX or parts[1] != SKIP:
        return None
    _, action, group, yyyymm = parts
    try:
        group_id = int(group)
    except ValueError:
        return None
    if not valid_month(yyyymm):
        return None
    return CommendationCallback(action, group_id, yyyymm)


@dataclass(frozen=True)
class AdjustCallback:
    action: str  # DROP or RESTORE
    group_id: int
    yyyymm: str
    user_id: int  # 0 for RESTORE


def drop_callback(group_id: int, yyyymm: str, user_id: int) -> str:
    """ "Leave <name> out" (at most ~45 bytes: two ids and a month)."""
    return f"{ADJUST_PREFIX}:{DROP}:{group_id}:{yyyymm}:{user_id}"


def restore_callback(group_id: int, yyyymm: str) -> str:
    return f"{ADJUST_PREFIX}:{RESTORE}:{group_id}:{yyyymm}:0"


def parse_adjust(data: str | None) -> AdjustCallback | None:
    parts = (data or "").split(":")
    if len(parts) != 5 or parts[0] != ADJUST_PREFIX or parts[1] not in (DROP, RESTORE):
        return None
    _, action, group, yyyymm, user = parts
    try:
        group_id, user_id = int(group), int(user)
    except ValueError:
        return None
    if not valid_month(yyyymm):
        return None
    return AdjustCallback(action, group_id, yyyymm, user_id)


def valid_month(yyyymm: str) -> bool:
    return len(yyyymm) == 6 and yyyymm.isdigit() and 1 <= int(yyyymm[4:]) <= 12
