"""The group settings admins may change with /settings: their registry, parsing and storage.

Settings live in `Group.settings` (a JSON dict); a key that is absent means the default, so
resetting removes the key. A stored value of the wrong type or outside its range (written by
hand) is ignored the same way, so every reader here agrees with what the validation allows.
The per-member-type join deadlines have no default of their own: unset, they follow the general
`join_escalate_hours` / `join_decline_hours`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group
from organizer.services.group_context import group_changed

Value = int | bool
SECTIONS = ("join", "newcomers", "inactive", "activities")
MEMBER_TYPES = ("employee", "partner", "student")
RESET_WORDS = frozenset({"default", "默认"})
BOOL_WORDS = {
    **dict.fromkeys(("on", "true", "yes", "1", "开", "开启", "是"), True),
    **dict.fromkeys(("off", "false", "no", "0", "关", "关闭", "否"), False),
}
_INTEGER = re.compile(r"[+-]?\d+")


class SettingError(ValueError):
    """Bad input for a setting; `key` is a catalogue key, `params` its arguments."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Setting:
    name: str
    section: str
    default: Value | None  # None: follows `inherits`
    minimum: int | None = None  # None for booleans
    maximum: int | None = None
    inherits: str | None = None

    @property
    def is_bool(self) -> bool:
        return self.minimum is None


@dataclass(frozen=True)
class SettingView:
    """One setting as a group has it: `value` is what the bot uses (the default when unset)."""

    name: str
    section: str
    value: Value
    default: Value | None
    is_default: bool
    inherits: str | None = None


def _hours(name: str, default: int) -> list[Setting]:
    general = Setting(name, "join", default, 1, 720)
    per_type = [Setting(f"{name}_{kind}", "join", None, 1, 720, name) for kind in MEMBER_TYPES]
    return [general, *per_type]


_REGISTRY = [
    *_hours("join_escalate_hours", 24),
    *_hours("join_decline_hours", 72),
    Setting("returning_skip_approval", "join", False),
    Setting("require_join_request", "join", False),
    Setting("welcome_timeout_hours", "newcomers", 24, 1, 168),
    Setting("clean_join_messages", "newcomers", True),
    Setting("inactive_days", "inactive", 30, 0, 365),
    Setting("inactive_grace_days", "inactive", 7, 1, 90),
    Setting("inactive_auto_remove", "inactive", False),
    Setting("publish_without_approval", "activities", True),
]
SETTINGS: dict[str, Setting] = {setting.name: setting for setting in _REGISTRY}


def lookup(name: str) -> Setting:
    """The setting called `name` (case and -/_ forgiven); unknown names suggest close ones."""
    key = name.strip().lower().replace("-", "_")
    if key in SETTINGS:
        return SETTINGS[key]
    close = _suggestions(key)
    if close:
        raise SettingError(
            "settings-error-unknown-suggest", name=name, suggestions=", ".join(close)
        )
    raise SettingError("settings-error-unknown", name=name)


def _suggestions(key: str) -> list[str]:
    # Typos by spelling first; then names containing the word typed ("escalate" is too short
    # against "join_escalate_hours" for difflib alone).
    close = difflib.get_close_matches(key, SETTINGS, n=3, cutoff=0.6)
    if len(key) >= 3:
        close += [name for name in SETTINGS if key in name and name not in close]
    return close[:3]


def _valid(setting: Setting, raw: Any) -> bool:
    if setting.is_bool:
        return isinstance(raw, bool)
    assert setting.minimum is not None and setting.maximum is not None
    is_int = isinstance(raw, int) and not isinstance(raw, bool)
    return is_int and setting.minimum <= raw <= setting.maximum


def _stored(settings: dict[str, Any], setting: Setting) -> Value | None:
    raw = settings.get(setting.name)
    return raw if _valid(setting, raw) else None


def effective(settings: dict[str, Any], name: str) -> Value:
    """The value the bot uses: the stored one if valid, else the inherited or default one."""
    setting = SETTINGS[name]
    stored = _stored(settings, setting)
    if stored is not None:
        return stored
    if setting.inherits is not None:
        return effective(settings, setting.inherits)
    assert setting.default is not None
    return setting.default


def describe(settings: dict[str, Any]) -> list[SettingView]:
    """Every setting, in registry order (grouped by section)."""
    return [view(settings, setting.name) for setting in _REGISTRY]


def view(settings: dict[str, Any], name: str) -> SettingView:
    setting = SETTINGS[name]
    is_default = _stored(settings, setting) is None
    current = effective(settings, name)
    return SettingView(
        name, setting.section, current, setting.default, is_default, setting.inherits
    )


def parse(name: str, text: str) -> Value | None:
    """The value typed for setting `name`; None means reset to the default."""
    setting = lookup(name)
    word = text.strip().lower()
    if word in RESET_WORDS:
        return None
    if setting.is_bool:
        if word not in BOOL_WORDS:
            raise _invalid(setting, text.strip())
        return BOOL_WORDS[word]
    if not _INTEGER.fullmatch(word):
        raise SettingError("settings-error-not-int", **_limits(setting, text))
    number = int(word)
    if not _valid(setting, number):
        raise SettingError("settings-error-range", **_limits(setting, text))
    return number


def _limits(setting: Setting, text: str) -> dict[str, Any]:
    return {"name": setting.name, "value": text.strip(), "min": setting.minimum,
            "max": setting.maximum}  # fmt: skip


def _invalid(setting: Setting, raw: Any) -> SettingError:
    if setting.is_bool:
        return SettingError("settings-error-not-bool", name=setting.name, value=str(raw))
    return SettingError("settings-error-range", **_limits(setting, str(raw)))


async def set_value(
    session: AsyncSession, group_id: int, name: str, value: Value | None, *, now: datetime
) -> SettingView:
    """Store `value` (None removes the key: back to the default) and return the setting as it is
    now. The group row is locked first: other settings writers (the sweep's review, /invite)
    rewrite the whole dict, and a read-modify-write without the lock would lose one of them."""
    setting = lookup(name)
    if value is not None and not _valid(setting, value):
        raise _invalid(setting, value)
    group = await lock_one(session, Group, Group.id == group_id)
    if group is None:
        raise LookupError(group_id)
    updated = {key: item for key, item in (group.settings or {}).items() if key != setting.name}
    if value is not None:
        updated[setting.name] = value
    # A new dict, not an in-place change: the JSON column only notices reassignment.
    group.settings = updated
    group.updated_at = now
    await session.flush()
    group_changed(session, group_id)
    return view(updated, setting.name)


async def reset(session: AsyncSession, group_id: int, name: str, *, now: datetime) -> SettingView:
    return await set_value(session, group_id, name, None, now=now)


def join_deadline_hours(settings: dict[str, Any], member_type: str) -> tuple[int, int]:
    """(escalate, decline) hours for an applicant of `member_type`: the type's own setting when
    set, else the general one, else the default. Decline never comes before escalation."""
    suffix = f"_{member_type}" if member_type in MEMBER_TYPES else ""
    escalate = int(effective(settings, f"join_escalate_hours{suffix}"))
    decline = int(effective(settings, f"join_decline_hours{suffix}"))
    return escalate, max(decline, escalate)
