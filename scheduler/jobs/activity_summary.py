"""`activity.survey_close`: the survey closes and the summary goes out (charter 七(三)): posted
to the group in its language, and sent to the organizer privately with the chart and the
attendee exports (CSV, XLSX); then the activity is completed.

Once the group post is out nothing may fail the action (a retry would post it twice): an
organizer the bot cannot reach is mentioned instead, and /attendance sends the files later.
"""

from __future__ import annotations

import logging
from typing import Any

from organizer.i18n import Markup
from organizer.messenger import MessengerError, RecipientUnreachable
from organizer.models import ActivityStatus
from organizer.services import notify, summaries, users
from organizer.services.activity_lifecycle import SURVEY_CLOSE
from scheduler.jobs.activity_common import catalogue, group_texts, load_current, send_group
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


async def close_survey(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await load_current(ctx, payload)
    if current is None:
        return
    activity, group = current.activity, current.group
    if activity.status != ActivityStatus.PUBLISHED or activity.summary_posted_at is not None:
        return
    report = await summaries.build(ctx.session, activity, group)
    organizer = await users.get(ctx.session, activity.proposer_id)
    files = None
    if organizer is not None and organizer.can_message_privately:
        language = organizer.language_or(group.language)
        files = summaries.organizer_files(report, catalogue(ctx), language=language)
    await send_group(ctx, group, summaries.summary_text(report, catalogue(ctx), group.language))
    if files is None or not await _send_to_organizer(ctx, activity.proposer_id, files):
        name = organizer.display_name if organizer else str(activity.proposer_id)
        text = group_texts(ctx, group)(
            "flow-summary-organizer-unreachable",
            mention=Markup(notify.mention(activity.proposer_id, name)),
            title=activity.title,
        )
        await send_group(ctx, group, text)
    await summaries.complete(ctx.session, activity.id, now=ctx.clock.now())


async def _send_to_organizer(
    ctx: ActionContext, organizer_id: int, files: summaries.SummaryFiles
) -> bool:
    try:
        await summaries.send_files(ctx.messenger, organizer_id, files)
    except RecipientUnreachable:
        await users.mark_private_unreachable(ctx.session, organizer_id, now=ctx.clock.now())
        return False
    except MessengerError as error:
        log.warning("summary to organizer %s: %s", organizer_id, error)
        return False
    return True


def register(registry: ActionRegistry) -> None:
    registry.register(SURVEY_CLOSE, close_survey)
