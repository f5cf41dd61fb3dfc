"""The list-valued parts of a group's moderation policy, changed with /modlist: the group's own
allowed domains, allow-listed members (exempt from moderation), advertisers (may advertise) and
the escalation ladder. The scalar parts are /settings' "moderation" section (group_settings).

They are stored under `Group.settings["moderation"]` with the keys
organizer.moderation.policy reads, and read back through the policy's own readers: what
/modlist shows is what the pipeline applies (a hand-written list the policy ignores shows as
empty here too, and is replaced by the first change).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.models import Group
from organizer.moderation.policy import (
    DEFAULT_ALLOWED_DOMAINS,
    DEFAULT_LADDER,
    ModerationPolicy,
    clean_domain,
    is_valid_ladder_step,
)
from organizer.services import approvers, users
from organizer.services.approvers import ApproverError
from organizer.services.group_context import group_changed
from organizer.services.group_settings import MODERATION
from organizer.services.users import UserInfo

DOMAINS, LADDER = "allowed_domains", "ladder"
MEMBER_LISTS = {"exempt": "exempt_user_ids", "advertisers": "advertisers"}
MAX_LADDER_STEPS = 10  # a longer ladder is a typo, not a policy
# Labels of letters, digits and hyphens (any script: 例子.中国 is a domain), not starting or
# ending with a hyphen; a top-level label that is not all digits, so an IP address is refused.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+(?!\d+$){_LABEL}")
# With "@" any username shape is looked up (short ones exist); a bare word only when it looks
# like one, so a typo such as "-100" is answered as "not a user" rather than "unknown".
_USERNAME = re.compile(r"@\w{1,32}|[A-Za-z][A-Za-z0-9_]{3,31}")
_Moderation = dict[str, Any]


class ModListError(ValueError):
    """A refused /modlist request; `key` is a catalogue key, `params` its arguments."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ModLists:
    default_domains: tuple[str, ...]
    domains: tuple[str, ...]  # the group's own, added to the defaults
    exempt: tuple[int, ...]
    advertisers: tuple[int, ...]
    ladder: tuple[str, ...]
    ladder_is_default: bool
    window_days: int  # warnings count over this many days (/settings warning_days)


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str


def read(settings: dict[str, Any]) -> ModLists:
    policy = ModerationPolicy.from_settings(None, settings)
    moderation = _moderation(settings)
    return ModLists(
        default_domains=tuple(sorted(DEFAULT_ALLOWED_DOMAINS)),
        domains=tuple(_own_domains(moderation)),
        exempt=tuple(sorted(policy.exempt_user_ids)),
        advertisers=tuple(sorted(policy.advertisers)),
        ladder=policy.ladder,
        ladder_is_default=policy.ladder == DEFAULT_LADDER,
        window_days=policy.ladder_window_days,
    )


def _moderation(settings: dict[str, Any]) -> _Moderation:
    raw = (settings or {}).get(MODERATION)
    return dict(raw) if isinstance(raw, dict) else {}


def _own_domains(moderation: _Moderation) -> list[str]:
    # As the policy reads them: a list of strings, each cleaned; anything else counts as none.
    raw = moderation.get(DOMAINS)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        return []
    return list(dict.fromkeys(d for d in map(clean_domain, raw) if d))


def _ids(moderation: _Moderation, key: str) -> list[int]:
    policy = ModerationPolicy.from_settings(None, {MODERATION: {key: moderation.get(key)}})
    return sorted(getattr(policy, key))


def _covering(domain: str, domains: Iterable[str]) -> str | None:
    """The listed domain that already allows `domain` (itself or a parent: subdomains count)."""
    return next((d for d in domains if domain == d or domain.endswith(f".{d}")), None)


def valid_domain(text: str) -> str:
    domain = clean_domain(text)
    if not _DOMAIN.fullmatch(domain) or len(domain) > 253:
        raise ModListError("modset-bad-domain", value=text.strip()[:100])
    return domain


async def _change(
    session: AsyncSession, group_id: int, change: Callable[[_Moderation], None], *, now: datetime
) -> dict[str, Any]:
    """Apply `change` to a copy of the group's moderation dict under the group's row lock (other
    writers rewrite the whole settings dict); `change` raises to refuse, before any write."""
    group = await lock_one(session, Group, Group.id == group_id)
    if group is None:
        raise LookupError(group_id)
    settings = dict(group.settings or {})
    moderation = _moderation(settings)
    change(moderation)
    settings[MODERATION] = moderation
    # A new dict, not an in-place change: the JSON column only notices reassignment.
    group.settings = settings
    group.updated_at = now
    await session.flush()
    group_changed(session, group_id)
    return settings


async def add_domain(session: AsyncSession, group_id: int, text: str, *, now: datetime) -> str:
    domain = valid_domain(text)

    def change(moderation: _Moderation) -> None:
        own = _own_domains(moderation)
        if parent := _covering(domain, DEFAULT_ALLOWED_DOMAINS):
            raise ModListError("modset-domain-default", domain=domain, parent=parent)
        if parent := _covering(domain, own):
            raise ModListError("modset-domain-already", domain=domain, parent=parent)
        moderation[DOMAINS] = [*own, domain]

    await _change(session, group_id, change, now=now)
    return domain


async def remove_domain(session: AsyncSession, group_id: int, text: str, *, now: datetime) -> str:
    domain = valid_domain(text)

    def change(moderation: _Moderation) -> None:
        own = _own_domains(moderation)
        if domain in own:
            moderation[DOMAINS] = [d for d in own if d != domain]
        elif parent := _covering(domain, DEFAULT_ALLOWED_DOMAINS):
            raise ModListError("modset-domain-is-default", domain=domain, parent=parent)
        else:
            raise ModListError("modset-domain-not-listed", domain=domain)

    await _change(session, group_id, change, now=now)
    return domain


async def set_member(
    session: AsyncSession, group_id: int, which: str, user_id: int, listed: bool, *, now: datetime
) -> bool:
    """Put `user_id` on (listed) or off the `which` list ("exempt" or "advertisers"); False
    when it already was that way."""
    key = MEMBER_LISTS[which]
    changed = False

    def change(moderation: _Moderation) -> None:
        nonlocal changed
        ids = _ids(moderation, key)
        changed = (user_id in ids) != listed
        if changed:
            moderation[key] = sorted({*ids, user_id} if listed else set(ids) - {user_id})

    # The lock is taken either way: the answer must describe the list as it is after it.
    await _change(session, group_id, change, now=now)
    return changed


def parse_ladder(steps: list[str]) -> tuple[str, ...]:
    """The steps as the policy stores them; the first invalid one is named in the error."""
    if not steps:
        raise ModListError("modset-ladder-empty")
    if len(steps) > MAX_LADDER_STEPS:
        raise ModListError("modset-ladder-too-long", count=len(steps), max=MAX_LADDER_STEPS)
    for step in steps:
        if not is_valid_ladder_step(step):
            raise ModListError("modset-ladder-bad-step", step=step[:64])
    return tuple(step.strip().lower() for step in steps)


async def set_ladder(
    session: AsyncSession, group_id: int, steps: list[str] | None, *, now: datetime
) -> tuple[str, ...]:
    """Store the ladder (None: back to the default) and return the one now in force."""
    ladder = parse_ladder(steps) if steps is not None else None

    def change(moderation: _Moderation) -> None:
        moderation.pop(LADDER, None)
        if ladder is not None:
            moderation[LADDER] = list(ladder)

    settings = await _change(session, group_id, change, now=now)
    return read(settings).ladder


async def resolve_member(session: AsyncSession, text: str) -> Member:
    """A member named by @username (looked up among the users the bot has seen) or user id."""
    word = text.strip()
    if word.isdigit() and 0 < int(word) < 2**63:
        user = await users.get(session, int(word))
        return Member(int(word), label(user) if user else word)
    if not _USERNAME.fullmatch(word):
        raise ModListError("modset-bad-user", value=word[:64])
    try:
        user = await approvers.find_by_username(session, word)
    except ApproverError:
        raise ModListError("modset-unknown-username", username=f"@{word.lstrip('@')}") from None
    return Member(user.id, label(user))


def label(user: UserInfo) -> str:
    return f"{user.display_name} (@{user.username})" if user.username else user.display_name


async def names(session: AsyncSession, user_ids: Iterable[int]) -> dict[int, str]:
    """Display names for a listing; members the bot never saw show as their id."""
    found: dict[int, str] = {}
    for user_id in user_ids:
        user = await users.get(session, user_id)
        found[user_id] = label(user) if user else str(user_id)
    return found
