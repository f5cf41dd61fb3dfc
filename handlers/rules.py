"""/rules: the group's rules in the group's language (the charter's by default), with the
current version (/setrules bumps it)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.services import groups, rules_versions


async def show_rules(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    group = None
    if message.chat.type != "private":
        # Registering here too: /rules may be handled before the bot's own join update.
        group = await deps.register_group(session, message.chat)
    text = groups.rules_text(group, texts)
    if group is not None:
        version = await rules_versions.current_version(session, group.id)
        text = f"{text}\n{texts('rules-version-line', version=version)}"
    await reply(deps, message, text)


def build_router() -> Router:
    router = Router(name="rules")
    router.message.register(show_rules, Command("rules"))
    return router
