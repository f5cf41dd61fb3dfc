"""/calendar subscription links: in private, the member's links (my activities, each group)
with a "revoke and renew" button per link; in a group, the group link sent privately.

Registered by handlers/activities.py, which owns /calendar in groups (the .ics file).
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, RecipientUnreachable
from organizer.services import calendar_feeds, users
from organizer.services.calendar_feeds import FeedKind, FeedLink, NotAMember
from organizer.services.groups import GroupInfo
from organizer.telegram.chat_info import profile


class FeedRenewCallback(CallbackData, prefix="v1cfr"):
    link_id: int  # the token row's id, never the token: callback data is not secret


def _entry(base: str, link: FeedLink, texts: Texts, group: GroupInfo | None) -> str:
    urls = {
        "url": calendar_feeds.feed_url(base, link.token),
        "webcal": calendar_feeds.webcal_url(base, link.token),
    }
    if group is None:
        return texts("calendar-feed-mine", **urls)
    return texts("calendar-feed-group", group=group.title, **urls)


def _button(link: FeedLink, texts: Texts, group: GroupInfo | None) -> list[Button]:
    label = (
        texts("calendar-feed-renew-mine")
        if group is None
        else texts("calendar-feed-renew-group", group=group.title)
    )
    return [Button(label, FeedRenewCallback(link_id=link.id).pack())]


async def links_message(
    session: AsyncSession, deps: HandlerDeps, user_id: int, texts: Texts, *, base: str
) -> tuple[str, Keyboard]:
    """Every link of the member, issuing those they do not have yet."""
    now = deps.clock.now()
    mine = await calendar_feeds.link_for(session, user_id=user_id, kind=FeedKind.MEMBER, now=now)
    parts = [texts("calendar-feed-list-title"), _entry(base, mine, texts, None)]
    rows = [_button(mine, texts, None)]
    for group in await calendar_feeds.member_groups(session, user_id):
        link = await calendar_feeds.link_for(
            session, user_id=user_id, kind=FeedKind.GROUP, group_id=group.id, now=now
        )
        parts.append(_entry(base, link, texts, group))
        rows.append(_button(link, texts, group))
    return "\n\n".join(parts), tuple(tuple(row) for row in rows)


async def show_links(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    base = deps.settings.feed_base_url()
    if base is None:
        await reply(deps, message, texts("calendar-feed-not-configured"))
        return
    await users.remember(session, profile(message.from_user), now=deps.clock.now())
    text, keyboard = await links_message(session, deps, message.from_user.id, texts, base=base)
    await reply(deps, message, text, keyboard=keyboard)


async def send_group_link(
    session: AsyncSession, deps: HandlerDeps, message: Message, group: GroupInfo, base: str
) -> None:
    """The sender's link for this group, in private; quietly nothing if they cannot be reached
    (the group caption already says how to get it)."""
    assert message.from_user is not None
    now = deps.clock.now()
    user = await users.remember(session, profile(message.from_user), now=now)
    texts = deps.catalogue.for_language(user.language_or(group.language))
    try:
        link = await calendar_feeds.link_for(
            session, user_id=user.id, kind=FeedKind.GROUP, group_id=group.id, now=now
        )
    except NotAMember:  # not recorded as a member (yet): the file in the group still works
        return
    text = _entry(base, link, texts, group)
    try:
        await send(deps, user.id, text, keyboard=(tuple(_button(link, texts, group)),))
    except RecipientUnreachable:
        await users.mark_private_unreachable(session, user.id, now=now)


async def renew_link(
    query: CallbackQuery,
    callback_data: FeedRenewCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    base = deps.settings.feed_base_url()
    try:
        # renew() checks the presser owns the link: a forwarded or forged button does nothing.
        await calendar_feeds.renew(
            session, link_id=callback_data.link_id, user_id=query.from_user.id,
            now=deps.clock.now(),
        )  # fmt: skip
    except (LookupError, NotAMember):
        await query.answer(texts("calendar-feed-stale"), show_alert=True)
        return
    if base is not None and query.message is not None:
        text, keyboard = await links_message(session, deps, query.from_user.id, texts, base=base)
        await deps.messenger.edit_text(
            query.message.chat.id, query.message.message_id, text, keyboard=keyboard
        )
    await query.answer(texts("calendar-feed-renewed"), show_alert=True)
