"""Members: the daily inactivity sweep (`members.sweep`, self-rescheduling) and the periodic
flush of the in-memory activity tracker (with the name-imitation alerts it finds)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer import moderation_port
from organizer.config import Settings
from organizer.database import is_connection_error, unit_of_work
from organizer.i18n import Catalogue, Markup, shared_catalogue
from organizer.messenger import Messenger, OutboundText, RecipientUnreachable
from organizer.services import groups, notify, sweep, users
from organizer.services.activity_tracker import ActivityTracker, FlushResult, ImitationSuspect
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


def _catalogue(settings: object | None) -> Catalogue:
    return shared_catalogue(settings.default_language if isinstance(settings, Settings) else "zh")


def sweep_handler(moderator: sweep.ChatModerator | None = None) -> Any:
    async def run_sweep(ctx: ActionContext, payload: dict[str, Any]) -> None:
        now = ctx.clock.now()
        chosen = moderator
        if chosen is None:
            try:  # the port the composition root registers (None: admins get the card)
                chosen = moderation_port.moderator()
            except RuntimeError:
                chosen = None
        report = await sweep.run(
            ctx.session, ctx.messenger, _catalogue(ctx.settings), now=now, moderator=chosen
        )
        log.info("inactivity sweep: %s", report)
        await sweep.ensure_scheduled(ctx.session, now=now)

    return run_sweep


async def notify_imitations(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    suspects: tuple[ImitationSuspect, ...],
) -> int:
    """Each suspect to the group's admins privately; returns how many alerts went out."""
    sent = 0
    for suspect in suspects:
        group = await groups.get(session, suspect.group_id)
        if group is None:
            continue
        for admin_id in await sweep.group_admin_ids(session, suspect.group_id):
            user = await users.get(session, admin_id)
            if user is None or not user.can_message_privately:
                continue
            text = catalogue.text(
                user.language_or(group.language),
                "members-imitation-flag",
                group=group.title,
                member=Markup(notify.mention(suspect.user_id, suspect.name)),
                admin=suspect.admin_name,
                user_id=suspect.user_id,
            )
            try:
                await messenger.send_text(OutboundText(admin_id, text))
                sent += 1
            except RecipientUnreachable:
                continue
    return sent


async def flush_activity(
    tracker: ActivityTracker,
    session_factory: async_sessionmaker[AsyncSession],
    messenger: Messenger,
    catalogue: Catalogue,
) -> FlushResult:
    """Every 30 s and at shutdown: one batched write, then alerts for new imitation suspects.
    With the database unreachable the counts stay in memory for the next flush."""
    try:
        result = await tracker.flush(session_factory)
    except Exception as exc:
        if not is_connection_error(exc):
            raise
        log.warning("activity flush postponed: database unavailable (%s)", exc)
        return FlushResult(0)
    if result.suspects:
        async with unit_of_work(session_factory) as session:
            await notify_imitations(session, messenger, catalogue, result.suspects)
    return result


def register(registry: ActionRegistry, moderator: sweep.ChatModerator | None = None) -> None:
    """Register this feature's scheduled-action handlers. Without a moderator, groups with
    `inactive_auto_remove` get the admins' review card instead of automatic removal."""
    registry.register(sweep.SWEEP_KIND, sweep_handler(moderator))
