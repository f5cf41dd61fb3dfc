"""The announcement's buttons (going / maybe / can't, add to calendar) and the lists:
/events in a group, /myevents in private, /calendar for the group's feed (and, in private,
the subscription links: handlers/calendar_feed.py)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import calendar_feed
from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer import callbacks
from organizer.i18n import Markup, Texts
from organizer.messenger import RecipientUnreachable
from organizer.models import RsvpStatus
from organizer.services import (
    activities,
    activity_calendar,
    activity_lifecycle,
    groups,
    notify,
    rsvp,
    users,
)
from organizer.services.activities import ActivityError, ActivityInfo
from organizer.services.announcements import when_text
from organizer.telegram.chat_info import profile


class RsvpCallback(CallbackData, prefix=callbacks.RSVP_PREFIX):
    activity_id: int
    choice: str


class CalendarCallback(CallbackData, prefix=callbacks.CALENDAR_PREFIX):
    activity_id: int


async def answer_rsvp(
    query: CallbackQuery,
    callback_data: RsvpCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    now = deps.clock.now()
    activity = await activities.get(session, callback_data.activity_id)
    if activity is None or callback_data.choice not in {c.value for c in rsvp.CHOICES}:
        await query.answer(texts("rsvp-invalid"), show_alert=True)
        return
    await users.remember(session, profile(query.from_user), now=now)
    try:
        outcome = await rsvp.answer(
            session, activity.id, query.from_user.id, RsvpStatus(callback_data.choice), now=now
        )
    except ActivityError as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    await activity_lifecycle.request_refresh(session, activity.id, now=now)
    key = f"rsvp-answer-{outcome.status.value}"
    await query.answer(texts(key, title=activity.title, place=outcome.waitlist_place or 0))
    await tell_promoted(session, deps, activity, outcome.promoted)


async def tell_promoted(
    session: AsyncSession, deps: HandlerDeps, activity: ActivityInfo, promoted: tuple[int, ...]
) -> None:
    group = await groups.get(session, activity.group_id)
    assert group is not None
    for user_id in promoted:
        user = await users.get(session, user_id)
        lang = user.language_or(group.language) if user else group.language
        name = user.display_name if user else str(user_id)
        private = deps.catalogue.text(
            lang, "rsvp-promoted", title=activity.title, when=when_text(activity, group)
        )
        in_group = deps.catalogue.text(
            group.language,
            "rsvp-promoted-group",
            mention=Markup(notify.mention(user_id, name)),
            title=activity.title,
        )
        await notify.private_or_mention(
            session, deps.messenger, user_id=user_id, text=private, group_id=group.id,
            group_text=in_group, now=deps.clock.now(),
        )  # fmt: skip


async def send_calendar_file(
    query: CallbackQuery,
    callback_data: CalendarCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    activity = await activities.get(session, callback_data.activity_id)
    if activity is None:
        await query.answer(texts("activity-not-found"), show_alert=True)
        return
    document = await activity_calendar.activity_file(session, activity)
    try:
        await deps.messenger.send_document(query.from_user.id, document)
    except RecipientUnreachable:
        await users.mark_private_unreachable(session, query.from_user.id, now=deps.clock.now())
        await query.answer(texts("calendar-start-first"), show_alert=True)
        return
    await query.answer(texts("calendar-sent"))


async def list_group_events(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    group = await groups.get(session, message.chat.id)
    items = await activities.upcoming(session, message.chat.id, now=deps.clock.now())
    if group is None or not items:
        await reply(deps, message, texts("events-none"))
        return
    lines = [texts("events-title")]
    for item in items:
        counts = await rsvp.counts(session, item.id)
        link = announcement_link(group.id, item.announcement_message_id)
        lines.append(
            texts(
                "events-item", title=item.title, when=when_text(item, group),
                going=counts.going, link=Markup(link),
            )
        )  # fmt: skip
    await reply(deps, message, "\n".join(lines))


def announcement_link(chat_id: int, message_id: int | None) -> str:
    """A t.me link to the announcement (supergroups only: their ids are -100…)."""
    internal = str(chat_id).removeprefix("-100")
    if message_id is None or internal == str(chat_id):
        return ""
    return f'<a href="https://t.me/c/{internal}/{message_id}">↗</a>'


async def list_my_events(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    now = deps.clock.now()
    answers = await rsvp.my_answers(session, message.from_user.id)
    lines = [texts("myevents-title")]
    for activity_id, status in answers.items():
        item = await activities.get(session, activity_id)
        if item is None or item.ends_at <= now:
            continue
        group = await groups.get(session, item.group_id)
        assert group is not None
        lines.append(
            texts(
                "myevents-item", title=item.title, group=group.title,
                when=when_text(item, group), answer=texts(f"myevents-answer-{status.value}"),
            )
        )  # fmt: skip
    await reply(deps, message, "\n".join(lines) if len(lines) > 1 else texts("myevents-none"))


async def send_group_calendar(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    group = await groups.get(session, message.chat.id)
    if group is None:
        await reply(deps, message, texts("error-group-unknown"))
        return
    feed = await activity_calendar.group_feed(session, group, now=deps.clock.now())
    base = deps.settings.feed_base_url()
    caption = texts("calendar-feed-caption")
    if base is not None:  # a subscription stays in sync, unlike the imported file
        caption = "\n".join([caption, texts("calendar-feed-subscribe-hint")])
    await deps.messenger.send_document(
        message.chat.id, type(feed)(feed.filename, feed.data, caption)
    )
    if base is not None and message.from_user is not None:
        await calendar_feed.send_group_link(session, deps, message, group, base)


def build_router() -> Router:
    router = Router(name="activities")
    in_group = F.chat.type.in_({"group", "supergroup"})
    router.callback_query.register(answer_rsvp, RsvpCallback.filter())
    router.callback_query.register(send_calendar_file, CalendarCallback.filter())
    router.message.register(list_group_events, Command("events"), in_group)
    router.message.register(
        list_my_events, Command("myevents"), F.chat.type == "private", F.from_user
    )
    router.message.register(send_group_calendar, Command("calendar"), in_group)
    router.message.register(
        calendar_feed.show_links, Command("calendar"), F.chat.type == "private", F.from_user
    )
    router.callback_query.register(
        calendar_feed.renew_link, calendar_feed.FeedRenewCallback.filter()
    )
    return router
