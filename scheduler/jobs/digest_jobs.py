"""The admin digest (`digest.run`): daily at 01:00 UTC (09:00 in Asia/Shanghai), rescheduling
itself; each group's `digest_every_days` setting decides whether today is its digest day."""

from __future__ import annotations

import logging
from typing import Any

from organizer.config import Settings
from organizer.i18n import Catalogue, shared_catalogue
from organizer.services import digest, digest_send
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


def _catalogue(settings: object | None) -> Catalogue:
    return shared_catalogue(settings.default_language if isinstance(settings, Settings) else "zh")


async def run_digest(ctx: ActionContext, payload: dict[str, Any]) -> None:
    now = ctx.clock.now()
    report = await digest_send.run(ctx.session, ctx.messenger, _catalogue(ctx.settings), now=now)
    log.info("admin digest: %s", report)
    await digest.ensure_scheduled(ctx.session, now=now)


def register(registry: ActionRegistry) -> None:
    registry.register(digest.DIGEST_KIND, run_digest)
