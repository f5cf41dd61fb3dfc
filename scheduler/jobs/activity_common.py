"""What the activity jobs share: loading the activity (and ignoring stale steps), the texts, and
reaching members privately with one group message for those the bot cannot write to."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from organizer.i18n import Catalogue, Markup, Texts, shared_catalogue
from organizer.messenger import (
    Keyboard,
    MessengerError,
    OutboundText,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
)
from organizer.models import ActivityStatus
from organizer.services import activities, groups, notify, users
from organizer.services.activities import ActivityInfo
from organizer.services.announcements import when_text
from organizer.services.groups import GroupInfo
from scheduler.registry import ActionContext, PermanentActionError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Current:
    activity: ActivityInfo
    group: GroupInfo


async def load_current(ctx: ActionContext, payload: dict[str, Any]) -> Current | None:
    """The activity this step is for, or None when the step has nothing left to do: the
    activity is gone or cancelled, or its time changed since (another sequence's steps run)."""
    activity = await activities.get(ctx.session, int(payload["activity_id"]))
    if activity is None or activity.status == ActivityStatus.CANCELLED:
        return None
    if "sequence" in payload and int(payload["sequence"]) != activity.sequence:
        log.info("%s for activity %s: stale sequence %s", ctx.kind, activity.id, payload)
        return None
    group = await groups.get(ctx.session, activity.group_id)
    if group is None:
        raise PermanentActionError(f"group {activity.group_id} of activity {activity.id} is gone")
    return Current(activity, group)


def default_language(ctx: ActionContext) -> str:
    return str(getattr(ctx.settings, "default_language", None) or "zh")


def bot_username(ctx: ActionContext) -> str | None:
    """The bot's @username for t.me deep links, when the settings carry it."""
    name = getattr(ctx.settings, "bot_username", None)
    return str(name).lstrip("@") if name else None


def catalogue(ctx: ActionContext) -> Catalogue:
    return shared_catalogue(default_language(ctx))


def group_texts(ctx: ActionContext, group: GroupInfo) -> Texts:
    return catalogue(ctx).for_language(group.language)


def when_in(activity: ActivityInfo, group: GroupInfo, language: str) -> str:
    """The activity's time in the group's timezone, worded in `language`."""
    return when_text(activity, replace(group, language=language))


async def send_group(ctx: ActionContext, group: GroupInfo, text: str) -> bool:
    """Post in the group; a group the bot can no longer write to is logged, not retried (the
    private messages of the same step have gone out and must not be sent twice)."""
    if not group.bot_is_member:
        return False
    if ctx.receipts is not None and await ctx.receipts.already(group.id):
        return True  # posted on an earlier attempt that crashed before it was marked done
    try:
        await ctx.messenger.send_text(OutboundText(group.id, text, priority=Priority.BULK))
    except (RecipientUnreachable, PermissionMissing) as error:
        log.warning("%s: cannot post in group %s: %s", ctx.kind, group.id, error)
        return False
    await _receipt(ctx, group.id)
    return True


async def _receipt(ctx: ActionContext, recipient_id: int) -> None:
    if ctx.receipts is not None:
        await ctx.receipts.record(recipient_id, now=ctx.clock.now())


@dataclass(frozen=True)
class PrivateMessage:
    text: str
    keyboard: Keyboard | None = None


MessageFor = Callable[[int, Texts], Awaitable[PrivateMessage]]


@dataclass(frozen=True)
class Reach:
    private: tuple[int, ...]
    missed: tuple[tuple[int, str], ...]  # (user id, display name)

    def mentions(self) -> Markup:
        return Markup(" ".join(notify.mention(user_id, name) for user_id, name in self.missed))


async def reach_privately(
    ctx: ActionContext, user_ids: Sequence[int], message_for: MessageFor, *, group: GroupInfo
) -> Reach:
    """Send each member their message in their language. Never raises for one member: those
    not reached are returned, for the caller's single group message with their mentions."""
    private: list[int] = []
    missed: list[tuple[int, str]] = []
    for user_id in user_ids:
        if ctx.receipts is not None and await ctx.receipts.already(user_id):
            private.append(user_id)  # reached on an earlier attempt: no second copy
            continue
        user = await users.get(ctx.session, user_id)
        name = user.display_name if user else str(user_id)
        if user is not None and user.can_message_privately:
            texts = catalogue(ctx).for_language(user.language_or(group.language))
            message = await message_for(user_id, texts)
            outbound = OutboundText(
                user_id, message.text, keyboard=message.keyboard, priority=Priority.BULK
            )
            try:
                await ctx.messenger.send_text(outbound)
                await _receipt(ctx, user_id)
                private.append(user_id)
                continue
            except RecipientUnreachable:
                await users.mark_private_unreachable(ctx.session, user_id, now=ctx.clock.now())
            except MessengerError as error:
                log.warning("%s: private message to %s failed: %s", ctx.kind, user_id, error)
        missed.append((user_id, name))
    return Reach(tuple(private), tuple(missed))


def deep_link(ctx: ActionContext, payload: str) -> str | None:
    username = bot_username(ctx)
    return f"https://t.me/{username}?start={payload}" if username else None
