"""The order of the form's steps, and where Back, Skip and Keep lead (no Telegram here).

A draft's `step` is the step now waiting for input. After the preview's "change one thing"
the draft carries `jump`: the step (or the pair start→end, repeat→until) returns to the preview
instead of walking on through the rest of the form.
"""

from __future__ import annotations

from datetime import datetime

from organizer.services.drafts import DraftData, moment

ORDER = (
    "kind",
    "title",
    "description",
    "start",
    "end",
    "place",
    "capacity",
    "deadline",
    "agenda",
    "coordinator",
    "repeat",
    "until",
    "preview",
)
TOTAL = 11  # numbered steps shown to the user ("until" belongs to "repeat")
OPTIONAL = frozenset({"capacity", "deadline", "agenda", "coordinator", "repeat"})
# What "change one thing" on the preview offers; each is where that change starts.
EDITABLE = (
    "kind",
    "title",
    "description",
    "start",
    "place",
    "capacity",
    "deadline",
    "agenda",
    "coordinator",
    "repeat",
)
# Steps that lead on to a step of their own even when jumping from the preview.
_LEADS_ON = {"start": "end", "repeat": "until"}
# Which data keys hold each step's answer (for "keep" and for clearing on "skip").
KEYS: dict[str, tuple[str, ...]] = {
    "kind": ("kind",),
    "title": ("title",),
    "description": ("description",),
    "start": ("starts_at",),
    "end": ("ends_at",),
    "place": ("location", "online_url"),
    "capacity": ("capacity",),
    "deadline": ("rsvp_deadline",),
    "agenda": ("agenda",),
    "coordinator": ("coordinator",),
    "repeat": ("repeat_weeks",),
    "until": ("repeat_until",),
}
_EMPTY: DraftData = {"agenda": [], "repeat_weeks": 0}


def number(step: str) -> int:
    return min(ORDER.index(step) + 1, TOTAL)


def next_step(step: str, data: DraftData) -> str:
    if step == "repeat" and not data.get("repeat_weeks"):
        return "preview"
    if data.get("jump") and step not in _LEADS_ON:
        return "preview"
    return ORDER[ORDER.index(step) + 1]


def previous_step(step: str, data: DraftData) -> str | None:
    if step == "preview":
        return "until" if data.get("repeat_weeks") else "repeat"
    if data.get("jump"):
        return "preview"
    index = ORDER.index(step)
    return ORDER[index - 1] if index else None


def skipped(step: str, data: DraftData) -> DraftData:
    """The data with an optional step's answer cleared."""
    cleared = {key: _EMPTY.get(key) for key in KEYS[step]}
    if step == "repeat":
        cleared["repeat_until"] = None
    return {**data, **cleared}


def has_value(step: str, data: DraftData, now: datetime) -> bool:
    """Whether the step already holds a usable answer ("keep" is offered then)."""
    if step not in KEYS or step == "agenda":
        return False
    if not any(data.get(key) for key in KEYS[step]):
        return False
    starts_at = moment(data, "starts_at")
    if step == "start":
        return starts_at is not None and starts_at > now
    if step == "end":
        ends_at = moment(data, "ends_at")
        return starts_at is not None and ends_at is not None and ends_at > starts_at
    if step == "deadline":
        deadline = moment(data, "rsvp_deadline")
        return starts_at is not None and deadline is not None and now < deadline < starts_at
    return True


def leave_jump(data: DraftData) -> DraftData:
    return {key: value for key, value in data.items() if key != "jump"}
