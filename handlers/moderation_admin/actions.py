"""What an admin's action does, shared by the commands (/warn, /mute, ...) and the report
buttons: the Telegram sanction, the record, and what follows every action — the audit entry,
the private notice to the member and the admin-log card.

Manual mutes, kicks and bans are audit entries, not violations (organizer.services.violations
only counts rule breaks); /warn is a violation and follows the group's escalation ladder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.common import (
    moderator,
    name_of,
    private_texts,
    render,
    send_private,
    with_reason,
)
from handlers.moderation_admin.log_cards import post_to_admin_log, undo_keyboard
from organizer.i18n import Markup, Texts
from organizer.moderation.policy import ModerationPolicy
from organizer.services import audit, violations
from organizer.services.groups import GroupInfo
from organizer.services.violations import ViolationOutcome

Notes = tuple[tuple[str, Mapping[str, Any]], ...]


@dataclass(frozen=True)
class Scene:
    """Where an action happens and who does it."""

    session: AsyncSession
    deps: HandlerDeps
    bot: Bot
    group: GroupInfo
    actor_id: int

    @property
    def texts(self) -> Texts:
        # Cards and confirmations speak the group's language wherever they are shown.
        return self.deps.catalogue.for_language(self.group.language)


@dataclass(frozen=True)
class Done:
    action: str  # warn | unwarn | mute | unmute | kick | ban | unban | delete: text keys, audit
    params: Mapping[str, Any] = field(default_factory=dict)  # for the texts (timedelta allowed)
    reason: str | None = None
    violation_id: int | None = None
    notes: Notes = ()  # further lines: the sanction the ladder added to a warning
    details: Mapping[str, Any] = field(default_factory=dict)  # for the audit entry only


async def warn(
    scene: Scene, user_id: int, reason: str | None, *, text: str | None, message_id: int | None
) -> Done:
    """Record a warning; the group's ladder may add a mute, kick or ban at this count.
    Raises ModerationFailed when the sanction cannot be applied (the caller rolls back)."""
    policy = ModerationPolicy.from_settings(scene.group.kind, scene.group.settings)
    outcome = await violations.warn(
        scene.session, group_id=scene.group.id, user_id=user_id, by_user_id=scene.actor_id,
        reason=reason, now=scene.deps.clock.now(), message_text=text, message_id=message_id,
        ladder=policy.ladder, window_days=policy.ladder_window_days,
    )  # fmt: skip
    notes = await _apply_step(scene, user_id, outcome)
    until = outcome.sanction_until.isoformat() if outcome.sanction_until else None
    return Done(
        "warn",
        {"count": outcome.count_in_window, "days": policy.ladder_window_days},
        reason,
        outcome.violation_id,
        notes,
        {"sanction": outcome.sanction, "until": until, "count": outcome.count_in_window},
    )


async def _apply_step(scene: Scene, user_id: int, outcome: ViolationOutcome) -> Notes:
    chat, mod = scene.group.id, moderator(scene.bot)
    if outcome.sanction == "mute":
        await mod.restrict(chat, user_id, until=outcome.sanction_until)
        assert outcome.sanction_until is not None  # a ladder mute always ends
        return (
            ("modcmd-ladder-mute", {"duration": outcome.sanction_until - scene.deps.clock.now()}),
        )
    if outcome.sanction == "kick":
        await mod.kick(chat, user_id)
        return (("modcmd-ladder-kick", {}),)
    if outcome.sanction == "ban":
        await mod.ban(chat, user_id, until=outcome.sanction_until)  # "ban:7d" ends; "ban" does not
        return (("modcmd-ladder-ban", {}),)
    return ()


async def unwarn(scene: Scene, user_id: int) -> Done | None:
    """Take back the member's latest warning; None when they have none in the window."""
    policy = ModerationPolicy.from_settings(scene.group.kind, scene.group.settings)
    taken = await violations.unwarn(
        scene.session, scene.group.id, user_id, scene.actor_id, scene.deps.clock.now(),
        window_days=policy.ladder_window_days,
    )  # fmt: skip
    return Done("unwarn") if taken else None


async def sanction(
    scene: Scene,
    action: str,
    user_id: int,
    *,
    duration: timedelta | None = None,
    reason: str | None = None,
) -> Done:
    """mute | unmute | kick | ban | unban in Telegram. Raises ModerationFailed."""
    chat, mod = scene.group.id, moderator(scene.bot)
    if action == "mute":
        assert duration is not None
        await mod.restrict(chat, user_id, until=scene.deps.clock.now() + duration)
    elif action == "unmute":
        await mod.unrestrict(chat, user_id)
    elif action == "kick":
        await mod.kick(chat, user_id)
    elif action == "ban":
        await mod.ban(chat, user_id)
    elif action == "unban":
        await mod.unban(chat, user_id)
    else:
        raise ValueError(f"unknown sanction {action!r}")
    params = {"duration": duration} if duration else {}
    details = {"minutes": int(duration.total_seconds() // 60)} if duration else {}
    return Done(action, params, reason, details=details)


async def delete(
    scene: Scene, message_id: int, text: str | None, reason: str | None
) -> Done | None:
    """Delete a member's message; None when it was gone already. Raises ModerationFailed."""
    if not await moderator(scene.bot).delete_message(scene.group.id, message_id):
        return None
    details = {"message_id": message_id, "text": (text or "")[:500]}
    return Done("delete", {}, reason, details=details)


def describe(texts: Texts, done: Done, target_name: str) -> str:
    """The group's confirmation: what was done to whom, the ladder's addition, the reason."""
    lines = [render(texts, f"modcmd-done-{done.action}", {"target": target_name, **done.params})]
    lines += [render(texts, key, params) for key, params in done.notes]
    return with_reason(texts, "\n".join(lines), done.reason)


async def finish(scene: Scene, user_id: int, target_name: str, done: Done) -> str:
    """Audit, tell the member, post the card; returns the group's confirmation text."""
    await audit.log(
        scene.session, group_id=scene.group.id, actor_id=scene.actor_id, action=done.action,
        target_user_id=user_id, violation_id=done.violation_id,
        details={"reason": done.reason, **done.details}, now=scene.deps.clock.now(),
    )  # fmt: skip
    await notify_member(scene, user_id, done)
    confirmation = describe(scene.texts, done, target_name)
    await post_card(scene, confirmation, done.violation_id)
    return confirmation


async def post_card(scene: Scene, what: str, violation_id: int | None) -> list[tuple[int, int]]:
    texts = scene.texts
    card = texts(
        "modcmd-card", group=scene.group.title, admin=await name_of(scene.session, scene.actor_id),
        what=Markup(what),
    )  # fmt: skip
    buttons = undo_keyboard(texts, violation_id) if violation_id is not None else None
    return await post_to_admin_log(scene.session, scene.deps, scene.group.id, card, buttons)


async def notify_member(scene: Scene, user_id: int, done: Done) -> None:
    """Tell the member privately, in their language, what was done and why. A member who
    never started the bot is not told at all: no public notice beyond the confirmation."""
    texts = await private_texts(scene.session, scene.deps, user_id, scene.group.language)
    if texts is None:
        return
    params = {"group": scene.group.title, **done.params}
    lines = [render(texts, f"modcmd-notice-{done.action}", params)]
    lines += [render(texts, key, values) for key, values in done.notes]
    await send_private(
        scene.session, scene.deps, user_id, with_reason(texts, "\n".join(lines), done.reason)
    )
