"""Admin commands in a group, by reply (or naming the member): /warn, /unwarn, /mute, /unmute,
/kick, /ban, /unban, /del (charter 五).

Every command message is removed first, whoever sent it, to keep the group clean. The sender's
admin rights are read from the database each time; admins cannot be targeted. The group sees
one confirmation; the member is told privately (if the bot may write to them); the action is
audited and carded in the admin log.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin import actions
from handlers.moderation_admin.actions import Scene
from handlers.moderation_admin.common import (
    delete_quietly,
    failure_text,
    is_admin,
    sent_as_group,
)
from handlers.moderation_admin.targets import Refusal, Target, find_target, replied
from organizer.i18n import Texts
from organizer.messenger import OutboundText
from organizer.moderation_port import ModerationFailed
from organizer.services import violations
from organizer.services.violations import DurationError

COMMANDS = ("warn", "unwarn", "mute", "unmute", "kick", "ban", "unban", "del")
DEFAULT_MUTE = timedelta(hours=1)
MAX_REASON = 200


def _reason(args: list[str]) -> str | None:
    return " ".join(args)[:MAX_REASON] or None


def mute_arguments(args: list[str]) -> tuple[timedelta, str | None]:
    """`[duration] [reason]`. A first word that starts with a digit is meant as a duration, so
    a bad one is an error (DurationError) rather than silently becoming the reason."""
    if not args:
        return DEFAULT_MUTE, None
    try:
        return violations.parse_duration(args[0]), _reason(args[1:])
    except DurationError:
        if args[0][:1].isdigit():
            raise
        return DEFAULT_MUTE, _reason(args)


def _message_text(target: Target) -> str | None:
    message = target.message
    return (message.text or message.caption) if message is not None else None


# Each command: do it, and return what was done, or (a str) what to tell the group instead.
# They raise ModerationFailed (Telegram refused) and DurationError (a bad /mute duration).
Outcome = actions.Done | str


async def _warn(scene: Scene, target: Target, args: list[str]) -> Outcome:
    reply = target.message
    return await actions.warn(
        scene, target.user_id, _reason(args), text=_message_text(target),
        message_id=reply.message_id if reply else None,
    )  # fmt: skip


async def _unwarn(scene: Scene, target: Target, args: list[str]) -> Outcome:
    done = await actions.unwarn(scene, target.user_id)
    return done or scene.texts("modcmd-no-warnings", target=target.name)


async def _mute(scene: Scene, target: Target, args: list[str]) -> Outcome:
    duration, reason = mute_arguments(args)
    return await actions.sanction(scene, "mute", target.user_id, duration=duration, reason=reason)


async def _delete(scene: Scene, target: Target, args: list[str]) -> Outcome:
    if target.message is None:
        return scene.texts("modcmd-del-needs-reply")
    message_id, text = target.message.message_id, _message_text(target)
    done = await actions.delete(scene, message_id, text, _reason(args))
    return done or scene.texts("modcmd-del-gone")


def _plain(action: str) -> Callable[[Scene, Target, list[str]], Awaitable[Outcome]]:
    async def run(scene: Scene, target: Target, args: list[str]) -> Outcome:
        return await actions.sanction(scene, action, target.user_id, reason=_reason(args))

    return run


_RUN = {
    "warn": _warn, "unwarn": _unwarn, "mute": _mute, "del": _delete,
    **{action: _plain(action) for action in ("unmute", "kick", "ban", "unban")},
}  # fmt: skip


async def _run(scene: Scene, command: str, target: Target, args: list[str]) -> str:
    """Do the command; returns what to tell the group."""
    outcome = await _RUN[command](scene, target, args)
    if isinstance(outcome, str):
        return outcome
    return await actions.finish(scene, target.user_id, target.name, outcome)


async def on_command(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    group = await deps.register_group(session, message.chat)
    await delete_quietly(bot, group.id, message.message_id)
    if sent_as_group(message):
        await _say(deps, group.id, texts("modcmd-anonymous-admin"))
        return
    if not await is_admin(session, deps, group.id, message.from_user.id):
        await _say(deps, group.id, texts("error-admins-only"))
        return
    name = command.command.lower()
    if name == "del" and replied(message) is None:  # a message, not a member, is the target
        await _say(deps, group.id, texts("modcmd-del-needs-reply"))
        return
    found, args = await find_target(session, deps.clock, message, (command.args or "").split())
    if isinstance(found, Refusal):
        await _say(deps, group.id, texts(found.key, who=found.who, command=name))
        return
    if await is_admin(session, deps, group.id, found.user_id):
        await _say(deps, group.id, texts("modcmd-target-admin"))
        return
    scene = Scene(session, deps, bot, group, message.from_user.id)
    try:
        answer = await _run(scene, name, found, args)
    except ModerationFailed as error:
        # Nothing half-done stays recorded (a warning whose mute failed): the admin fixes the
        # bot's rights and sends the command again.
        await session.rollback()
        answer = failure_text(texts, error, deleting=name == "del")
    except DurationError as error:
        answer = texts(error.key, **error.params)
    await _say(deps, group.id, answer)


async def _say(deps: HandlerDeps, chat_id: int, text: str) -> None:
    # Not a reply: the command it would answer has just been removed.
    await deps.messenger.send_text(OutboundText(chat_id, text))


async def in_private(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    await deps.messenger.send_text(OutboundText(message.chat.id, texts("error-group-only")))


def build_router() -> Router:
    router = Router(name="moderation_admin.sanctions")
    group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(on_command, Command(*COMMANDS), group, F.from_user)
    router.message.register(in_private, Command(*COMMANDS), F.chat.type == "private")
    return router
