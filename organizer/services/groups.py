"""Groups the bot is in: registration, /setup choices and the rules they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.i18n import SUPPORTED, Texts
from organizer.models import Group, GroupKind
from organizer.services.group_context import group_changed

# Offered as buttons by /setup; any other IANA name can be typed.
COMMON_TIMEZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "UTC",
)


class InvalidChoice(ValueError):
    """A /setup value that is not one of the allowed ones (a forged button or a typo)."""


@dataclass(frozen=True)
class GroupInfo:
    id: int
    title: str
    kind: GroupKind | None
    timezone: str
    language: str
    settings: dict[str, Any]
    rules_text: str | None
    bot_is_member: bool
    setup_completed_at: datetime | None

    @property
    def is_set_up(self) -> bool:
        return self.setup_completed_at is not None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _info(group: Group) -> GroupInfo:
    return GroupInfo(
        id=group.id,
        title=group.title,
        kind=GroupKind(group.kind) if group.kind else None,
        timezone=group.timezone,
        language=group.language,
        settings=dict(group.settings or {}),
        rules_text=group.rules_text,
        bot_is_member=group.bot_is_member,
        setup_completed_at=group.setup_completed_at,
    )


async def register(
    session: AsyncSession,
    *,
    chat_id: int,
    title: str,
    default_timezone: str,
    default_language: str,
    now: datetime,
) -> GroupInfo:
    """The bot is in this group (added, or seen again): create it or mark it present."""
    await insert_if_absent(
        session,
        Group,
        {
            "id": chat_id,
            "title": title[:255],
            "timezone": default_timezone,
            "language": default_language,
            "settings": {},
            "bot_is_member": True,
            "created_at": now,
            "updated_at": now,
        },
        key=["id"],
    )
    group = await session.get(Group, chat_id)
    assert group is not None
    group.title = title[:255]
    group.bot_is_member = True
    group.updated_at = now
    await session.flush()
    return _info(group)


async def get(session: AsyncSession, chat_id: int) -> GroupInfo | None:
    group = await session.get(Group, chat_id)
    return _info(group) if group else None


async def list_active(session: AsyncSession) -> list[GroupInfo]:
    rows = await session.scalars(select(Group).where(Group.bot_is_member.is_(True)))
    return [_info(group) for group in rows]


async def mark_bot_removed(session: AsyncSession, chat_id: int, *, now: datetime) -> None:
    group = await session.get(Group, chat_id)
    if group is not None:
        group.bot_is_member = False
        group.updated_at = now
    group_changed(session, chat_id)


def validate_timezone(name: str) -> str:
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidChoice(name) from None
    return name


async def configure(
    session: AsyncSession,
    chat_id: int,
    *,
    now: datetime,
    kind: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
) -> GroupInfo:
    """Save one or more /setup choices; every value is validated, whatever sent it."""
    group = await session.get(Group, chat_id)
    if group is None:
        raise LookupError(chat_id)
    if kind is not None:
        if kind not in {k.value for k in GroupKind}:
            raise InvalidChoice(kind)
        group.kind = kind
    if timezone is not None:
        group.timezone = validate_timezone(timezone)
    if language is not None:
        if language not in SUPPORTED:
            raise InvalidChoice(language)
        group.language = language
    group.updated_at = now
    await session.flush()
    group_changed(session, chat_id)
    return _info(group)


async def complete_setup(session: AsyncSession, chat_id: int, *, now: datetime) -> GroupInfo:
    group = await session.get(Group, chat_id)
    if group is None:
        raise LookupError(chat_id)
    if group.setup_completed_at is None:
        group.setup_completed_at = now
    group.updated_at = now
    await session.flush()
    group_changed(session, chat_id)
    return _info(group)


def rules_text(group: GroupInfo | None, texts: Texts) -> str:
    """The rules as shown by /rules: the group's own text if admins set one, else the charter's."""
    if group is None:
        return "\n\n".join((texts("rules-title-default"), texts("rules-default")))
    body = group.rules_text if group.rules_text else texts("rules-default")
    return "\n\n".join((texts("rules-title", title=group.title), body, texts("rules-footer")))
