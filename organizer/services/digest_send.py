"""Sending the admin digest: which groups get one today, since when, and to whom.

Setting `digest_every_days` (default 1): 0 off, 1 daily, 7 weekly on Mondays (the group's local
date), 2–6 every that many days. The time of the previous digest is kept in the group's
settings under `digest_last_at` (ISO 8601), written under the group row's lock so two workers
cannot both send today's. The digest goes to the group's admin log chat when one is set
(organizer.services.admin_log), else privately to each group admin who started the bot.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.i18n import Catalogue
from organizer.messenger import Messenger, OutboundText, Priority, RecipientUnreachable
from organizer.models import Group
from organizer.services import admin_log, digest, group_settings, sweep, users
from organizer.services.digest_render import render
from organizer.services.group_context import group_changed

log = logging.getLogger(__name__)

SETTING = "digest_every_days"
LAST_KEY = "digest_last_at"
WEEKLY = 7
MONDAY = 0


@dataclass
class DigestReport:
    sent: dict[int, list[int]] = field(default_factory=dict)  # group → chats it went to
    skipped: list[int] = field(default_factory=list)  # groups not due today


def last_digest_at(settings: dict[str, Any]) -> datetime | None:
    raw = settings.get(LAST_KEY)
    if not isinstance(raw, str):
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def _local_date(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def is_due(settings: dict[str, Any], timezone: str, now: datetime) -> bool:
    """Whether the group gets a digest today (never twice on one local date)."""
    every = int(group_settings.effective(settings, SETTING))
    if every <= 0:
        return False
    today = _local_date(now, timezone)
    if every == WEEKLY and today.weekday() != MONDAY:
        return False
    last = last_digest_at(settings)
    if last is None:
        return True
    gap = (today - _local_date(last, timezone)).days
    return gap >= (1 if every == WEEKLY else every)


def since_for(settings: dict[str, Any], now: datetime) -> datetime:
    """From the previous digest; the first one looks back one period."""
    last = last_digest_at(settings)
    if last is not None and last < now:
        return last
    every = max(1, int(group_settings.effective(settings, SETTING)))
    return now - timedelta(days=every)


async def _deliver(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    group: Group,
    found: digest.Digest,
    now: datetime,
) -> list[int]:
    log_chat = await admin_log.destination(session, group.id)
    if log_chat is not None:
        text = render(found, catalogue.for_language(group.language), group)
        try:
            await messenger.send_text(OutboundText(log_chat, text, priority=Priority.BULK))
        except RecipientUnreachable:
            log.warning("digest for %s: admin log chat %s unreachable", group.id, log_chat)
            return []
        return [log_chat]
    sent = []
    for admin_id in await sweep.group_admin_ids(session, group.id):
        user = await users.get(session, admin_id)
        if user is None or not user.can_message_privately:
            continue
        texts = catalogue.for_language(user.language_or(group.language))
        try:
            await messenger.send_text(
                OutboundText(admin_id, render(found, texts, group), priority=Priority.BULK)
            )
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, admin_id, now=now)
            continue
        sent.append(admin_id)
    return sent


async def run(
    session: AsyncSession, messenger: Messenger, catalogue: Catalogue, *, now: datetime
) -> DigestReport:
    """Today's digests for every set-up group with the bot whose setting says so."""
    report = DigestReport()
    ids = await session.scalars(
        select(Group.id)
        .where(Group.bot_is_member.is_(True), Group.setup_completed_at.is_not(None))
        .order_by(Group.id)
    )
    for group_id in list(ids):
        group = await lock_one(session, Group, Group.id == group_id)
        if group is None:
            continue
        settings = dict(group.settings or {})
        if not is_due(settings, group.timezone, now):
            report.skipped.append(group_id)
            continue
        found = await digest.build(session, group_id, since=since_for(settings, now), now=now)
        # Marked before sending: a retry of this run after a crash does not send it twice.
        group.settings = {**settings, LAST_KEY: now.isoformat()}
        await session.flush()
        group_changed(session, group_id)
        report.sent[group_id] = await _deliver(session, messenger, catalogue, group, found, now)
    await session.flush()
    return report
