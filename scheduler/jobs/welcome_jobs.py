"""`welcome.expire`: remove a newcomer who never accepted the rules, and tell them why.
`rules.reminder`: post the group's key rules, then schedule the next reminder."""

from __future__ import annotations

import logging
from typing import Any

from organizer import moderation_port
from organizer.config import Settings
from organizer.i18n import Catalogue, Markup, shared_catalogue
from organizer.messenger import MessengerError, OutboundText, Priority, RecipientUnreachable
from organizer.moderation_port import ModerationFailed
from organizer.services import groups, rules_versions, users, welcome
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


def _catalogue(ctx: ActionContext) -> Catalogue:
    default = ctx.settings.default_language if isinstance(ctx.settings, Settings) else "zh"
    return shared_catalogue(default)


async def _delete(ctx: ActionContext, chat_id: int, message_id: int | None) -> None:
    if not message_id:
        return
    try:
        await ctx.messenger.delete(chat_id, message_id)
    except MessengerError as error:
        log.info("cannot delete %s in %s: %s", message_id, chat_id, error)


async def expire_welcome(ctx: ActionContext, payload: dict[str, Any]) -> None:
    group_id, user_id = int(payload["group_id"]), int(payload["user_id"])
    now = ctx.clock.now()
    expired = await welcome.expire(ctx.session, group_id, user_id, payload, now=now)
    if expired is None:
        return  # accepted, left or gone meanwhile
    try:
        await moderation_port.moderator().kick(group_id, user_id)
    except ModerationFailed as error:
        log.warning("cannot remove a newcomer who did not accept: %s", error)
    await _delete(ctx, group_id, expired.welcome_message_id)
    if expired.clean_join_messages:
        await _delete(ctx, group_id, expired.join_message_id)
    group = await groups.get(ctx.session, group_id)
    user = await users.get(ctx.session, user_id)
    if group is None or user is None or not user.can_message_privately:
        return
    text = _catalogue(ctx).text(
        user.language_or(group.language),
        "welcome-expired-private",
        title=group.title,
        hours=welcome.timeout_hours(group.settings),
    )
    try:
        await ctx.messenger.send_text(OutboundText(user_id, text, priority=Priority.BULK))
    except RecipientUnreachable:
        await users.mark_private_unreachable(ctx.session, user_id, now=now)


async def remind_rules(ctx: ActionContext, payload: dict[str, Any]) -> None:
    group_id = int(payload["group_id"])
    group = await groups.get(ctx.session, group_id)
    if group is None or not group.bot_is_member:
        return  # no next reminder: the bot is no longer there
    reminder = rules_versions.reminder_settings(group.settings)
    if reminder.mode == "off":
        return
    catalogue = _catalogue(ctx)
    texts = catalogue.for_language(group.language)
    rules = rules_versions.short_rules(group.rules_text, texts("welcome-rules-short"), limit=1500)
    body = "\n\n".join(
        (texts("rules-reminder-title"), str(Markup(rules)), texts("welcome-rules-more"))
    )
    try:
        await ctx.messenger.send_text(OutboundText(group_id, body, priority=Priority.BULK))
    finally:
        # Whatever happened to this post, next week's reminder is scheduled.
        await rules_versions.ensure_rules_reminder(ctx.session, group_id, ctx.clock.now())


def register(registry: ActionRegistry) -> None:
    registry.register(welcome.WELCOME_EXPIRE, expire_welcome)
    registry.register(rules_versions.RULES_REMINDER, remind_rules)
