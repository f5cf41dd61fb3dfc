"""`activity.reminder` (payload minutes): before the start, a reminder in the group and privately
to each member going; those the bot cannot write to are mentioned in the group reminder.

One action per reminder: the private messages go first and never fail the action, the group
message last. Each recipient reached is recorded as it goes (scheduler.receipts), so a retry
(the group send failing) or a reclaim after a crash sends nobody a second copy, and a finished
reminder is never sent again, across restarts too (its row is done).
"""

from __future__ import annotations

import logging
from typing import Any

from organizer.i18n import Texts
from organizer.models import ActivityStatus
from organizer.services import attendance
from organizer.services.activities import ActivityInfo
from organizer.services.activity_lifecycle import REMINDER
from organizer.services.groups import GroupInfo
from scheduler.jobs.activity_common import (
    PrivateMessage,
    group_texts,
    load_current,
    reach_privately,
    send_group,
    when_in,
)
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)
MINUTES_PER_DAY = 24 * 60


def lead_text(texts: Texts, minutes: int) -> str:
    """ "in 1 day", "in 2 hours", "in 1 hour 30 minutes", "in 15 minutes"."""
    if minutes >= MINUTES_PER_DAY and minutes % MINUTES_PER_DAY == 0:
        return texts("flow-lead-days", days=minutes // MINUTES_PER_DAY)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return texts("flow-lead-hours-minutes", hours=hours, minutes=rest)
    if hours:
        return texts("flow-lead-hours", hours=hours)
    return texts("flow-lead-minutes", minutes=max(rest, 1))


def reminder_text(
    texts: Texts, activity: ActivityInfo, group: GroupInfo, minutes: int, *, private: bool
) -> str:
    key = "flow-reminder-private" if private else "flow-reminder-group"
    lines = [
        texts(key, title=activity.title, group=group.title, lead=lead_text(texts, minutes)),
        texts("flow-reminder-when", when=when_in(activity, group, texts.lang)),
    ]
    if activity.location:
        lines.append(texts("flow-reminder-place", place=activity.location))
    if activity.online_url:
        lines.append(texts("flow-reminder-link", url=activity.online_url))
    return "\n".join(lines)


async def send_reminder(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await load_current(ctx, payload)
    if current is None or current.activity.status != ActivityStatus.PUBLISHED:
        return
    activity, group = current.activity, current.group
    now = ctx.clock.now()
    if now >= activity.starts_at:
        log.info("reminder for activity %s came after the start; skipped", activity.id)
        return
    # The time actually left, not the nominal lead: a reminder delayed by downtime says so.
    minutes = round((activity.starts_at - now).total_seconds() / 60)

    async def private_reminder(user_id: int, texts: Texts) -> PrivateMessage:
        return PrivateMessage(reminder_text(texts, activity, group, minutes, private=True))

    going = await attendance.going_members(ctx.session, activity.id)
    reach = await reach_privately(ctx, going, private_reminder, group=group)
    texts = group_texts(ctx, group)
    text = reminder_text(texts, activity, group, minutes, private=False)
    if reach.missed:
        text += "\n\n" + texts("flow-reminder-mentions", mentions=reach.mentions())
    await send_group(ctx, group, text)


def register(registry: ActionRegistry) -> None:
    registry.register(REMINDER, send_reminder)
