"""Monthly commendations: `commendation.preview` (the last day, 02:00 UTC: the list to the
admins privately, with "Skip this month") and `commendation.post` (the 1st, 02:00 UTC: the
post in each group); each reschedules itself for the next month."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from organizer.config import Settings
from organizer.i18n import Catalogue, shared_catalogue
from organizer.services import commendations
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


def _catalogue(settings: object | None) -> Catalogue:
    return shared_catalogue(settings.default_language if isinstance(settings, Settings) else "zh")


async def run_preview(ctx: ActionContext, payload: dict[str, Any]) -> None:
    now = ctx.clock.now()
    first_day = commendations.month_of(payload, ctx.due_at.date())
    report = await commendations.send_previews(
        ctx.session, ctx.messenger, _catalogue(ctx.settings), first_day=first_day, now=now
    )
    log.info("commendation preview %s: %s", first_day, report)
    await commendations.schedule_preview(ctx.session, now=max(now, ctx.due_at))


async def run_post(ctx: ActionContext, payload: dict[str, Any]) -> None:
    now = ctx.clock.now()
    fallback = ctx.due_at.date() - timedelta(days=1)
    first_day = commendations.month_of(payload, fallback)
    report = await commendations.post_all(
        ctx.session, ctx.messenger, _catalogue(ctx.settings), first_day=first_day
    )
    log.info("commendation post %s: %s", first_day, report)
    await commendations.schedule_post(ctx.session, now=max(now, ctx.due_at))


def register(registry: ActionRegistry) -> None:
    registry.register(commendations.PREVIEW_KIND, run_preview)
    registry.register(commendations.POST_KIND, run_post)
