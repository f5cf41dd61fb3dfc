"""The group settings admins may change with /settings: their registry, parsing and storage.

Settings live in `Group.settings` (a JSON dict); a key that is absent means the default, so
resetting removes the key. A stored value of the wrong type or outside its range (written by
hand) is ignored the same way, so every reader here agrees with what the validation allows.
The per-member-type join deadlines have no default of their own: unset, they follow the general
`join_escalate_hours` / `join_decline_hours`.

The moderation settings are stored nested, under `settings["moderation"][<policy key>]`, where
organizer.moderation.policy reads them; their ranges are within what its readers accept, so
/settings and the pipeline agree on every value allowed here. `private_data_check` has no
default: unset, the policy decides by the group's kind.
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
SECTIONS = (
    "join", "newcomers", "inactive", "activities", "content", "moderation", "supervision"
)  # fmt: skip
MODERATION = "moderation"  # the nested dict the moderation settings live in
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
    # Where the value is stored: () for settings[name]; else the keys down the nested dicts.
    path: tuple[str, ...] = ()

    @property
    def is_bool(self) -> bool:
        return self.minimum is None

    @property
    def by_kind(self) -> bool:
        """No default and nothing to inherit: unset, the group's kind decides."""
        return self.default is None and self.inherits is None

    @property
    def where(self) -> tuple[str, ...]:
        return self.path or (self.name,)


@dataclass(frozen=True)
class SettingView:
    """One setting as a group has it: `value` is what the bot uses (the default when unset;
    None for a `by_kind` setting left unset)."""

    name: str
    section: str
    value: Value | None
    default: Value | None
    is_default: bool
    inherits: str | None = None


def _hours(name: str, default: int) -> list[Setting]:
    general = Setting(name, "join", default, 1, 720)
    per_type = [Setting(f"{name}_{kind}", "join", None, 1, 720, name) for kind in MEMBER_TYPES]
    return [general, *per_type]


def _moderation() -> list[Setting]:
    def nested(
        name: str, key: str, default: Value | None, low: int | None = None, high: int | None = None
    ) -> Setting:
        return Setting(name, MODERATION, default, low, high, path=(MODERATION, key))

    # (name, policy key, default, minimum, maximum): the defaults are ModerationPolicy's.
    return [
        nested("moderation", "enabled", True),
        nested("ad_check", "ads", True),
        nested("channel_forwards_allowed", "allow_channel_forwards", False),
        nested("private_data_check", "private_data", None),
        nested("news_quota", "news_quota_per_day", 3, 0, 50),
        nested("max_file_mb", "max_file_mb", 20, 0, 2000),
        nested("max_video_mb", "max_video_mb", 50, 0, 2000),
        nested("max_voice_s", "max_voice_s", 60, 0, 3600),
        nested("warning_days", "ladder_window_days", 30, 1, 365),
        nested("admins_exempt", "exempt_admins", True),
    ]


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
    Setting("question_raise_hours", "content", 4, 1, 168),
    *_moderation(),
    # The admin digest (organizer.services.digest_send): 0 off, 1 daily, 7 weekly on Mondays,
    # 2–6 every that many days.
    Setting("digest_every_days", "supervision", 1, 0, 7),
    Setting("leaderboard_public", "supervision", True),
    Setting("commendations", "supervision", True),
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
    node: Any = settings
    for key in setting.where:
        node = node.get(key) if isinstance(node, dict) else None
    return node if _valid(setting, node) else None


def _with(settings: dict[str, Any], path: tuple[str, ...], value: Value | None) -> dict[str, Any]:
    """A copy of `settings` with `value` at `path` (None: removed). Copies all the way down:
    the JSON column only notices a new dict, and the caller's dict must stay as it was."""
    head, rest = path[0], path[1:]
    updated = {key: item for key, item in settings.items() if key != head}
    if rest:
        child = settings.get(head)
        updated[head] = _with(child if isinstance(child, dict) else {}, rest, value)
    elif value is not None:
        updated[head] = value
    return updated


def _current(settings: dict[str, Any], setting: Setting) -> Value | None:
    stored = _stored(settings, setting)
    if stored is not None:
        return stored
    if setting.inherits is not None:
        return _current(settings, SETTINGS[setting.inherits])
    return setting.default


def effective(settings: dict[str, Any], name: str) -> Value:
    """The value the bot uses: the stored one if valid, else the inherited or default one.
    Not for a `by_kind` setting: unset, only the policy knows its value."""
    value = _current(settings, SETTINGS[name])
    if value is None:
        raise LookupError(f"{name} depends on the group kind")
    return value


def describe(settings: dict[str, Any]) -> list[SettingView]:
    """Every setting, in registry order (grouped by section)."""
    return [view(settings, setting.name) for setting in _REGISTRY]


def view(settings: dict[str, Any], name: str) -> SettingView:
    setting = SETTINGS[name]
    is_default = _stored(settings, setting) is None
    current = _current(settings, setting)
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
    # Removing a nested setting may leave settings["moderation"] empty: the policy reads an
    # empty dict as no overrides, so there is nothing to tidy.
    updated = _with(group.settings or {}, setting.where, value)
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


def question_raise_hours(settings: dict[str, Any]) -> int:
    """Hours an unanswered question waits before it is raised to the admins and experts."""
    return int(effective(settings, "question_raise_hours"))
