"""After Submit: publish at once, or send the approval cards; and telling the proposer.

Used by the form (Submit) and by the cards (Approve / Reject / Ask for changes).
"""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import AiogramError
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.propose import preview
from handlers.propose.callbacks import form
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, Keyboard, OutboundText, Priority, RecipientUnreachable
from organizer.models import ActivityStatus
from organizer.services import activities, activity_lifecycle, admins, announcements, users
from organizer.services.activities import ActivityInfo
from organizer.services.activity_lifecycle import Timing
from organizer.services.groups import GroupInfo
from organizer.services.notify import mention
from organizer.telegram.chat_info import fetch_admins

log = logging.getLogger(__name__)


async def refresh_admins(bot: Bot, session: AsyncSession, group_id: int, now: datetime) -> None:
    """Who reviews is who is admin now; if Telegram cannot be asked, the stored list serves."""
    try:
        await admins.sync_group_admins(
            session, group_id, await fetch_admins(bot, group_id), now=now
        )
    except AiogramError:  # Telegram refused, or its answer could not be read
        log.warning("could not read the admins of %s; using the stored list", group_id)


async def publish(
    session: AsyncSession,
    deps: HandlerDeps,
    activity_id: int,
    group: GroupInfo,
    *,
    reviewer_id: int | None,
    now: datetime,
) -> list[ActivityInfo]:
    """Approve and post the announcement of every occurrence; the occurrences as posted."""
    proposal = await activities.proposal_of(session, activity_id)
    published = await activity_lifecycle.approve(
        session,
        activity_id,
        reviewer_id=reviewer_id,
        data=proposal,
        timezone=group.timezone,
        timing=Timing.from_settings(group.settings),
        now=now,
    )
    posted = []
    for occurrence in published:
        await announcements.post(session, deps.messenger, occurrence.id, now=now)
        current = await activities.get(session, occurrence.id)
        assert current is not None
        posted.append(current)
    return posted


def announcement_link(group_id: int, message_id: int | None) -> str | None:
    """A t.me link to a message; only supergroups (ids -100…) have them."""
    text = str(group_id)
    if message_id is None or not text.startswith("-100"):
        return None
    return f"https://t.me/c/{text[4:]}/{message_id}"


async def card_text(
    session: AsyncSession,
    deps: HandlerDeps,
    activity: ActivityInfo,
    group: GroupInfo,
    texts: Texts,
    *,
    in_group: bool = False,
) -> str:
    proposal = await activities.proposal_of(session, activity.id)
    proposer = await users.get(session, activity.proposer_id)
    name = proposer.display_name if proposer else str(activity.proposer_id)
    announced = preview.announcement(
        proposal,
        group,
        proposer_id=activity.proposer_id,
        proposer_name=name,
        catalogue=deps.catalogue,
    )
    # A pending proposal with a note is a revision: the card says what it answers.
    pending = activity.status == ActivityStatus.PENDING_APPROVAL
    return preview.card_text(
        proposal,
        group,
        texts,
        announced=announced,
        proposer=name,
        revised_after=activity.review_note if pending else None,
        in_group=in_group,
    )


async def send_cards(
    session: AsyncSession,
    deps: HandlerDeps,
    activity: ActivityInfo,
    group: GroupInfo,
    now: datetime,
) -> bool:
    """An approval card to every admin who can be reached privately; if none can, one card in
    the group itself. True when at least one admin got it privately."""
    delivered = False
    for admin_id in await activities.reviewer_ids(session, group.id):
        admin = await users.get(session, admin_id)
        if admin_id == activity.proposer_id or admin is None or not admin.can_message_privately:
            continue
        texts = deps.catalogue.for_language(admin.language_or(group.language))
        text = await card_text(session, deps, activity, group, texts)
        keyboard = preview.card_keyboard(activity.id, texts)
        try:
            await deps.messenger.send_text(OutboundText(admin_id, text, keyboard=keyboard))
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, admin_id, now=now)
            continue
        delivered = True
    if not delivered:
        texts = deps.catalogue.for_language(group.language)
        text = await card_text(session, deps, activity, group, texts, in_group=True)
        keyboard = preview.card_keyboard(activity.id, texts)
        await deps.messenger.send_text(OutboundText(group.id, text, keyboard=keyboard))
    return delivered


async def tell_proposer(
    session: AsyncSession,
    deps: HandlerDeps,
    activity: ActivityInfo,
    group: GroupInfo,
    key: str,
    *,
    now: datetime,
    revise: bool = False,
    **args: str,
) -> None:
    """The outcome, privately; if the proposer cannot be reached there, with a mention in the
    group (without the button, which only works in private)."""
    user = await users.get(session, activity.proposer_id)
    language = user.language_or(group.language) if user else group.language
    texts = deps.catalogue.for_language(language)
    text = texts(key, title=activity.title, group=group.title, **args)
    if user is not None and user.can_message_privately:
        keyboard: Keyboard | None = None
        if revise:
            keyboard = ((Button(texts("propose-button-revise"), form("revise", activity.id)),),)
        try:
            await deps.messenger.send_text(
                OutboundText(user.id, text, keyboard=keyboard, priority=Priority.BULK)
            )
            return
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, user.id, now=now)
    group_texts = deps.catalogue.for_language(group.language)
    name = user.display_name if user else str(activity.proposer_id)
    body = group_texts(key, title=activity.title, group=group.title, **args)
    notice = group_texts(
        "notice-with-mention",
        mention=Markup(mention(activity.proposer_id, name)),
        text=Markup(body),
    )
    await deps.messenger.send_text(OutboundText(group.id, notice, priority=Priority.BULK))


async def tell_published(
    session: AsyncSession,
    deps: HandlerDeps,
    published: list[ActivityInfo],
    group: GroupInfo,
    now: datetime,
) -> None:
    first = published[0]
    link = announcement_link(group.id, first.announcement_message_id) or "none"
    await tell_proposer(session, deps, first, group, "propose-outcome-approved", now=now, link=link)
