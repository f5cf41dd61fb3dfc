"""A group's moderation policy: defaults by group kind, overrides from the group's settings.

Defaults by kind (charter 一(二); DESIGN.md: private-data protection is strictest in
student-service groups):

- every kind: all banned-content categories, flooding (5 messages / 10 s, the same text 3 times
  in 60 s), advertising, media notices (files 20 MB, videos 50 MB, voice 60 s), news quota 3 a
  day, ladder warn → mute 1 h → mute 24 h → kick with warnings counted over 30 days, admins
  exempt. Channel forwards count as advertising (DESIGN.md 四(三)); a group that shares news
  that way turns `allow_channel_forwards` on.
- private data: in student-service groups all four kinds (mobile, ID number, bank card, e-mail):
  students' details must never sit in a group. In project and industry-exchange groups (and a
  group not yet set up) only ID and bank-card numbers: colleagues and industry contacts
  exchange phone numbers and e-mail addresses as a matter of course, an ID or card number never.

Overrides: `Group.settings["moderation"]`, a JSON object; every key is optional and a value of
the wrong type or out of range is ignored (the default stays), as with the other group settings:

    enabled                 bool        false switches moderation off in the group
    categories              [str]       banned-content categories checked (lexicon.CATEGORIES)
    flood                   bool | {max_messages, per_seconds, repeat_limit, repeat_window}
    ads                     bool        advertising checks
    allow_channel_forwards  bool
    allowed_domains         [str]       added to the default allowed domains (subdomains too)
    private_data            bool | [str]  true: all kinds, false: none, or a list of kinds
    max_file_mb, max_video_mb, max_voice_s   number >= 0 (0: no notice)
    news_quota_per_day      int >= 0
    ladder                  [str]       "warn", "mute:<duration>", "kick", "ban", "ban:<duration>"
                                        (durations as /mute takes them: 30m, 2h, 1d, 1小时)
    ladder_window_days      int >= 1
    exempt_admins           bool
    exempt_user_ids         [int]       allow-listed members
    advertisers             [int]       members allowed to advertise

A group's own banned terms are not settings: they are block-word rows
(organizer/services/blockwords.py), handed in with `policy.with_lexicon(added, removed)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from organizer.moderation.flood import FloodLimits
from organizer.moderation.lexicon import CATEGORIES, Frozen, freeze
from organizer.moderation.media import MediaLimits
from organizer.moderation.private_data import BANK_CARD, ID_NUMBER, KINDS
from organizer.timeparse.durations import read_duration
from organizer.timeparse.normalize import normalize

# organizer.models.group.GroupKind values (kept as strings: this package has no database).
PROJECT, STUDENT_SERVICE, INDUSTRY_EXCHANGE = "project", "student_service", "industry_exchange"
DEFAULT_LADDER = ("warn", "mute:1h", "mute:24h", "kick")
DEFAULT_ALLOWED_DOMAINS = frozenset(
    {
        "gov.cn",  # policy and regulation sources (charter 三(一)2)
        "edu.cn",
        "docs.qq.com",
        "mp.weixin.qq.com",  # official-account articles: the usual way industry news is shared
        "meeting.tencent.com",
        "feishu.cn",
        "larksuite.com",
        "dingtalk.com",
        "zoom.us",
    }
)
IDENTITY_AND_CARD = frozenset({ID_NUMBER, BANK_CARD})
# The same rules as organizer.services.violations.parse_step, which applies the ladder: a mute
# needs a duration, a ban may have one, a warning and a kick cannot; 1 minute to 366 days.
_STEP_DURATION = {"warn": "never", "kick": "never", "mute": "always", "ban": "optional"}
_MIN_DURATION, _MAX_DURATION = timedelta(minutes=1), timedelta(days=366)


def is_valid_ladder_step(step: str) -> bool:
    action, _, duration = step.strip().lower().partition(":")
    takes = _STEP_DURATION.get(action)
    if takes is None or (takes == "always" and not duration) or (takes == "never" and duration):
        return False
    if not duration:
        return True
    delta = read_duration(normalize(duration))
    return delta is not None and _MIN_DURATION <= delta <= _MAX_DURATION


@dataclass(frozen=True)
class ModerationPolicy:
    enabled: bool = True
    categories: frozenset[str] = frozenset(CATEGORIES)
    flood: FloodLimits | None = field(default_factory=FloodLimits)  # None: not checked
    check_ads: bool = True
    allow_channel_forwards: bool = False
    allowed_domains: frozenset[str] = DEFAULT_ALLOWED_DOMAINS
    private_data: frozenset[str] = IDENTITY_AND_CARD  # empty: not checked
    media: MediaLimits = field(default_factory=MediaLimits)
    news_quota_per_day: int = 3
    ladder: tuple[str, ...] = DEFAULT_LADDER
    ladder_window_days: int = 30
    exempt_admins: bool = True
    exempt_user_ids: frozenset[int] = frozenset()
    advertisers: frozenset[int] = frozenset()
    # The group's block words (lexicon.freeze form): hashable, so compiled lexicons are cached.
    lexicon_add: Frozen = ()
    lexicon_remove: Frozen = ()

    def with_lexicon(
        self, added: Mapping[str, Iterable[str]], removed: Mapping[str, Iterable[str]]
    ) -> ModerationPolicy:
        """This policy with the group's block words (category → terms, as
        `blockwords.extras()` returns them); unknown categories are ignored."""
        return replace(self, lexicon_add=freeze(added), lexicon_remove=freeze(removed))

    @classmethod
    def for_kind(cls, kind: str | None) -> ModerationPolicy:
        """The defaults for a group kind (None: a group not set up yet)."""
        if kind == STUDENT_SERVICE:
            return cls(private_data=KINDS)
        return cls()

    @classmethod
    def from_settings(
        cls, kind: str | None, settings: Mapping[str, Any] | None
    ) -> ModerationPolicy:
        """The kind's defaults with the overrides in `settings["moderation"]` applied."""
        policy = cls.for_kind(kind)
        raw = (settings or {}).get("moderation")
        if not isinstance(raw, Mapping):
            return policy
        for key, value in raw.items():
            reader = _READERS.get(key)
            changes = reader(value, policy) if reader else None
            if changes is not None:  # applied one by one: the media limits build on each other
                policy = replace(policy, **changes)
        return policy


Changes = dict[str, Any] | None


def _is_int(value: Any, minimum: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _is_number(value: Any, minimum: float = 0) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= minimum


def _bool(name: str) -> Callable[[Any, ModerationPolicy], Changes]:
    return lambda value, _: {name: value} if isinstance(value, bool) else None


def _int_list(name: str) -> Callable[[Any, ModerationPolicy], Changes]:
    def read(value: Any, _: ModerationPolicy) -> Changes:
        if not isinstance(value, list) or not all(_is_int(item, 1) for item in value):
            return None
        return {name: frozenset(value)}

    return read


def _media_limit(name: str) -> Callable[[Any, ModerationPolicy], Changes]:
    def read(value: Any, policy: ModerationPolicy) -> Changes:
        return {"media": replace(policy.media, **{name: value})} if _is_number(value) else None

    return read


def _read_categories(value: Any, _: ModerationPolicy) -> Changes:
    if not isinstance(value, list) or not all(item in CATEGORIES for item in value):
        return None
    return {"categories": frozenset(value)}


def _read_flood(value: Any, policy: ModerationPolicy) -> Changes:
    if isinstance(value, bool):
        return {"flood": (policy.flood or FloodLimits()) if value else None}
    if not isinstance(value, Mapping):
        return None
    limits = policy.flood or FloodLimits()
    counts = {k: v for k, v in value.items() if k in ("max_messages", "repeat_limit")}
    windows = {k: v for k, v in value.items() if k in ("per_seconds", "repeat_window")}
    valid = {k: v for k, v in counts.items() if _is_int(v, 1)}
    valid |= {k: float(v) for k, v in windows.items() if _is_number(v) and v > 0}
    return {"flood": replace(limits, **valid)}


def _read_domains(value: Any, policy: ModerationPolicy) -> Changes:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    domains = {clean_domain(item) for item in value} - {""}
    return {"allowed_domains": policy.allowed_domains | domains}


def clean_domain(value: str) -> str:
    """Reduce "https://www.Example.com/x" to "example.com": admins usually paste a URL."""
    value = value.strip().lower().split("://", 1)[-1]
    host = re.split(r"[/?#:]", value, maxsplit=1)[0]
    return host.removeprefix("www.").strip(".")


def _read_private_data(value: Any, _: ModerationPolicy) -> Changes:
    if isinstance(value, bool):
        return {"private_data": KINDS if value else frozenset()}
    if isinstance(value, list) and all(item in KINDS for item in value):
        return {"private_data": frozenset(value)}
    return None


def _read_news_quota(value: Any, _: ModerationPolicy) -> Changes:
    return {"news_quota_per_day": value} if _is_int(value) else None


def _read_ladder(value: Any, _: ModerationPolicy) -> Changes:
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(step, str) and is_valid_ladder_step(step) for step in value):
        return None
    return {"ladder": tuple(step.strip().lower() for step in value)}


def _read_ladder_window(value: Any, _: ModerationPolicy) -> Changes:
    return {"ladder_window_days": value} if _is_int(value, 1) else None


_READERS: dict[str, Callable[[Any, ModerationPolicy], Changes]] = {
    "enabled": _bool("enabled"),
    "categories": _read_categories,
    "flood": _read_flood,
    "ads": _bool("check_ads"),
    "allow_channel_forwards": _bool("allow_channel_forwards"),
    "allowed_domains": _read_domains,
    "private_data": _read_private_data,
    "max_file_mb": _media_limit("max_file_mb"),
    "max_video_mb": _media_limit("max_video_mb"),
    "max_voice_s": _media_limit("max_voice_s"),
    "news_quota_per_day": _read_news_quota,
    "ladder": _read_ladder,
    "ladder_window_days": _read_ladder_window,
    "exempt_admins": _bool("exempt_admins"),
    "exempt_user_ids": _int_list("exempt_user_ids"),
    "advertisers": _int_list("advertisers"),
}
