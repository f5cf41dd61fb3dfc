"""The feedback survey's timed steps:

- `activity.survey_send` (at the end): to every member who checked in, privately, the first
  question with its buttons; those the bot cannot write to get one group message with their
  mentions and a deep link (t.me/<bot>?start=survey_<id>) that opens it privately;
- `activity.survey_remind` (by default 24 h later): once, to those who have not completed it,
  with the question they are at; members marked present since the survey went out get it now.

Deliveries are recorded on the attendance rows (survey_sent_at, survey_private,
survey_reminded_at) in the action's transaction, so a done step never repeats.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from organizer.i18n import Texts
from organizer.models import ActivityStatus
from organizer.services import survey_questions, surveys
from organizer.services.activity_lifecycle import SURVEY_REMIND, SURVEY_SEND
from organizer.timeparse import format_local
from scheduler.jobs.activity_common import (
    Current,
    PrivateMessage,
    Reach,
    deep_link,
    group_texts,
    load_current,
    reach_privately,
    send_group,
)
from scheduler.registry import ActionContext, ActionRegistry


async def _open_survey(ctx: ActionContext, payload: dict[str, Any]) -> Current | None:
    current = await load_current(ctx, payload)
    if current is None or current.activity.status != ActivityStatus.PUBLISHED:
        return None
    if ctx.clock.now() >= await surveys.closes_at(ctx.session, current.activity):
        return None
    return current


async def _deliver(
    ctx: ActionContext, current: Current, user_ids: Sequence[int], *, intro_key: str
) -> Reach:
    activity, group = current.activity, current.group
    closing = await surveys.closes_at(ctx.session, activity)
    custom = survey_questions.custom_questions(group.settings)

    async def survey_message(user_id: int, texts: Texts) -> PrivateMessage:
        progress = await surveys.peek(ctx.session, activity, user_id, closing=closing)
        closes = format_local(closing, group.timezone, texts.lang)
        intro = texts(intro_key, title=activity.title, closes=closes)
        text, keyboard = survey_questions.question_message(texts, progress, custom, intro=intro)
        return PrivateMessage(text, keyboard)

    return await reach_privately(ctx, user_ids, survey_message, group=group)


async def _record(
    ctx: ActionContext, current: Current, reach: Reach, *, sent: bool, reminded: bool
) -> None:
    now = ctx.clock.now()
    delivered = [(user_id, True) for user_id in reach.private]
    delivered += [(user_id, False) for user_id, _ in reach.missed]
    for user_id, private in delivered:
        if sent:
            await surveys.record_delivery(
                ctx.session, current.activity.id, user_id, private=private, now=now
            )
        if reminded:
            await surveys.record_delivery(
                ctx.session, current.activity.id, user_id, private=private, now=now, reminder=True
            )


async def _mention_in_group(ctx: ActionContext, current: Current, reach: Reach, key: str) -> None:
    if not reach.missed:
        return
    activity, group = current.activity, current.group
    texts = group_texts(ctx, group)
    link = deep_link(ctx, f"survey_{activity.id}")
    closing = await surveys.closes_at(ctx.session, activity)
    text = texts(
        key,
        mentions=reach.mentions(),
        title=activity.title,
        closes=format_local(closing, group.timezone, group.language),
    )
    how = (
        texts("flow-survey-group-link", link=link)
        if link
        else texts("flow-survey-group-no-link", id=activity.id)
    )
    await send_group(ctx, group, f"{text}\n{how}")


async def send_surveys(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await _open_survey(ctx, payload)
    if current is None:
        return
    attendees = await surveys.attendees_to_survey(ctx.session, current.activity.id)
    reach = await _deliver(ctx, current, attendees, intro_key="flow-survey-intro")
    await _record(ctx, current, reach, sent=True, reminded=False)
    await _mention_in_group(ctx, current, reach, "flow-survey-group")


async def remind_surveys(ctx: ActionContext, payload: dict[str, Any]) -> None:
    current = await _open_survey(ctx, payload)
    if current is None:
        return
    activity_id = current.activity.id
    # Found before anything is recorded: the late ones must not also count as "to remind".
    late = await surveys.attendees_to_survey(ctx.session, activity_id)
    pending = await surveys.to_remind(ctx.session, activity_id)
    first = await _deliver(ctx, current, late, intro_key="flow-survey-intro")
    again = await _deliver(ctx, current, pending, intro_key="flow-survey-reminder")
    await _record(ctx, current, first, sent=True, reminded=True)
    await _record(ctx, current, again, sent=False, reminded=True)
    everyone = Reach(first.private + again.private, first.missed + again.missed)
    await _mention_in_group(ctx, current, everyone, "flow-survey-group-reminder")


def register(registry: ActionRegistry) -> None:
    registry.register(SURVEY_SEND, send_surveys)
    registry.register(SURVEY_REMIND, remind_surveys)
