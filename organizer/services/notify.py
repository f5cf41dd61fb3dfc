"""Reaching a member: privately when possible, otherwise by a mention in the group."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.messenger import Keyboard, Messenger, OutboundText, Priority, RecipientUnreachable
from organizer.services import users


@dataclass(frozen=True)
class Delivery:
    chat_id: int
    message_id: int
    private: bool


def mention(user_id: int, name: str) -> str:
    """An HTML mention that notifies the user even without a @username."""
    return f'<a href="tg://user?id={user_id}">{html.escape(name, quote=False)}</a>'


async def private_or_mention(
    session: AsyncSession,
    messenger: Messenger,
    *,
    user_id: int,
    text: str,
    group_id: int,
    group_text: str,
    now: datetime,
    priority: Priority = Priority.BULK,
) -> Delivery:
    """Send `text` privately; if the user cannot be reached there, post `group_text` in the group.

    `group_text` should contain the mention (see `mention`). A 403 on the private send is
    recorded so the next send goes straight to the group.
    """
    user = await users.get(session, user_id)
    if user is not None and user.can_message_privately:
        try:
            sent = await messenger.send_text(OutboundText(user_id, text, priority=priority))
            return Delivery(sent.chat_id, sent.message_id, private=True)
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, user_id, now=now)
    sent = await messenger.send_text(OutboundText(group_id, group_text, priority=priority))
    return Delivery(sent.chat_id, sent.message_id, private=False)


MEMBER_NOTICE = "member.notice"


async def schedule_member_notice(
    session: AsyncSession,
    *,
    user_id: int,
    group_id: int,
    text_key: str,
    due_at: datetime,
    now: datetime,
    args: dict[str, str | int] | None = None,
    dedupe_key: str | None = None,
) -> int:
    """Schedule a catalogue text for a member, rendered in their language when it is due."""
    from organizer.services import scheduled_actions

    payload = {"user_id": user_id, "group_id": group_id, "text_key": text_key, "args": args or {}}
    return await scheduled_actions.schedule(
        session,
        kind=MEMBER_NOTICE,
        due_at=due_at,
        payload=payload,
        group_id=group_id,
        dedupe_key=dedupe_key,
        now=now,
    )


@dataclass(frozen=True)
class BulkDelivery:
    private: tuple[int, ...]
    mentioned: tuple[int, ...]


async def many_private_or_one_mention(
    session: AsyncSession,
    messenger: Messenger,
    *,
    user_ids: Sequence[int],
    text_for: Callable[[str], str],
    group_id: int,
    group_text: Callable[[str], str],
    group_language: str,
    now: datetime,
    keyboard: Keyboard | None = None,
) -> BulkDelivery:
    """Tell several members: privately each in their language (`text_for(lang)`), and those the
    bot cannot reach in ONE group message (`group_text(mentions)`), not one per member."""
    private: list[int] = []
    missed: list[tuple[int, str]] = []
    for user_id in user_ids:
        user = await users.get(session, user_id)
        name = user.display_name if user else str(user_id)
        if user is not None and user.can_message_privately:
            lang = user.language_or(group_language)
            try:
                await messenger.send_text(
                    OutboundText(user_id, text_for(lang), keyboard=keyboard, priority=Priority.BULK)
                )
                private.append(user_id)
                continue
            except RecipientUnreachable:
                await users.mark_private_unreachable(session, user_id, now=now)
        missed.append((user_id, name))
    if missed:
        mentions = " ".join(mention(user_id, name) for user_id, name in missed)
        await messenger.send_text(
            OutboundText(group_id, group_text(mentions), priority=Priority.BULK)
        )
    return BulkDelivery(tuple(private), tuple(user_id for user_id, _ in missed))
