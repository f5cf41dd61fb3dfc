"""Callback data of the commendation preview's buttons ("v1cm:skip:<group_id>:<yyyymm>").

Kept apart from the service so a handler can parse a press without loading the scoring code.
"""

from __future__ import annotations

from dataclasses import dataclass

CALLBACK_PREFIX = "v1cm"
SKIP = "skip"


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
    if len(yyyymm) != 6 or not yyyymm.isdigit() or not 1 <= int(yyyymm[4:]) <= 12:
        return None
    return CommendationCallback(action, group_id, yyyymm)
