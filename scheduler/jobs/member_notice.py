"""`member.notice`: a catalogue text to one member, privately, or by a mention in the group
when the bot cannot write to them privately."""

from __future__ import annotations

from typing import Any

from organizer.config import Settings
from organizer.i18n import Markup, shared_catalogue
from organizer.messenger import RecipientUnreachable
from organizer.services import groups, notify, users
from scheduler.registry import ActionContext, ActionRegistry, PermanentActionError


async def send_member_notice(ctx: ActionContext, payload: dict[str, Any]) -> None:
    default = ctx.settings.default_language if isinstance(ctx.settings, Settings) else "zh"
    catalogue = shared_catalogue(default)
    group = await groups.get(ctx.session, int(payload["group_id"]))
    if group is None or not group.bot_is_member:
        raise PermanentActionError(f"group {payload['group_id']} is gone")
    user_id = int(payload["user_id"])
    user = await users.get(ctx.session, user_id)
    key, args = str(payload["text_key"]), dict(payload.get("args") or {})
    private_lang = user.language_or(default) if user else group.language
    name = user.display_name if user else str(user_id)
    in_group = catalogue.text(group.language, key, **args)
    group_text = catalogue.text(
        group.language,
        "notice-with-mention",
        mention=Markup(notify.mention(user_id, name)),
        text=Markup(in_group),
    )
    try:
        await notify.private_or_mention(
            ctx.session,
            ctx.messenger,
            user_id=user_id,
            text=catalogue.text(private_lang, key, **args),
            group_id=group.id,
            group_text=group_text,
            now=ctx.clock.now(),
        )
    except RecipientUnreachable as error:
        raise PermanentActionError(str(error)) from error


def register(registry: ActionRegistry) -> None:
    registry.register(notify.MEMBER_NOTICE, send_member_notice)
