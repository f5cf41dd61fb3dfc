"""The check-in window and the announcement:

- `activity.checkin_open`: the announcement gets its Check in button, and for an in-person
  activity the organizer gets the code to read out (privately: posted in the group it would be
  worthless);
- `activity.checkin_close`: the button goes;
- `activity.refresh`: the coalesced re-render after RSVP presses and changes.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from organizer.i18n import Markup
from organizer.messenger import PermissionMissing, RecipientUnreachable
from organizer.models import ActivityStatus
from organizer.services import activities, announcements, notify, users
from organizer.services.activity_lifecycle import CHECKIN_CLOSE, CHECKIN_OPEN, REFRESH, Timing
from scheduler.jobs.activity_common import Current, catalogue, group_texts, load_current
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


async def open_checkin(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await load_current(ctx, payload)
    if current is None or current.activity.status != ActivityStatus.PUBLISHED:
        return
    await announcements.refresh(
        ctx.session, ctx.messenger, current.activity.id, now=ctx.clock.now()
    )
    if current.activity.in_person and current.activity.checkin_code:
        await _send_code_to_organizer(ctx, current)


async def _send_code_to_organizer(ctx: ActionContext, current: Current) -> None:
    activity, group = current.activity, current.group
    organizer = await users.get(ctx.session, activity.proposer_id)
    language = organizer.language_or(group.language) if organizer else group.language
    closes = activity.starts_at + timedelta(
        minutes=Timing.from_settings(group.settings).checkin_close_minutes
    )
    closes_local = closes.astimezone(group.tz).strftime("%H:%M")
    private = catalogue(ctx).text(
        language,
        "flow-checkin-code-private",
        title=activity.title,
        code=activity.checkin_code,
        closes=closes_local,
    )
    name = organizer.display_name if organizer else str(activity.proposer_id)
    in_group = group_texts(ctx, group)(
        "flow-checkin-code-unreachable",
        mention=Markup(notify.mention(activity.proposer_id, name)),
        title=activity.title,
    )
    try:
        await notify.private_or_mention(
            ctx.session,
            ctx.messenger,
            user_id=activity.proposer_id,
            text=private,
            group_id=group.id,
            group_text=in_group,
            now=ctx.clock.now(),
        )
    except (RecipientUnreachable, PermissionMissing) as error:
        # Neither privately nor in the group: /attendance shows the code all the same.
        log.warning("check-in code of activity %s not delivered: %s", activity.id, error)


async def close_checkin(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await load_current(ctx, payload)
    if current is None or current.activity.status != ActivityStatus.PUBLISHED:
        return
    await announcements.refresh(
        ctx.session, ctx.messenger, current.activity.id, now=ctx.clock.now()
    )


async def refresh_announcement(ctx: ActionContext, payload: dict[str, Any]) -> None:
    """Unlike the timed steps, a refresh also runs for a cancelled activity: that is how its
    announcement comes to say so. It carries no sequence (it is about now, not a time)."""
    if await activities.get(ctx.session, int(payload["activity_id"])) is None:
        return
    await announcements.refresh(
        ctx.session, ctx.messenger, int(payload["activity_id"]), now=ctx.clock.now()
    )


def register(registry: ActionRegistry) -> None:
    registry.register(CHECKIN_OPEN, open_checkin)
    registry.register(CHECKIN_CLOSE, close_checkin)
    registry.register(REFRESH, refresh_announcement)
