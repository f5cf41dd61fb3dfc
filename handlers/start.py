"""/start and /help: what the bot does and the commands this user may use, in their language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.services import admins, users
from organizer.telegram.chat_info import profile


async def start(message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts) -> None:
    assert message.from_user is not None
    user = await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    body = "\n\n".join((texts("start-welcome", name=user.display_name), texts("start-next-steps")))
    await reply(deps, message, body)


async def help_(message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts) -> None:
    assert message.from_user is not None
    user_id = message.from_user.id
    if message.chat.type == "private":
        await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
        is_admin = bool(await admins.administered_group_ids(session, user_id))
    else:
        is_admin = await admins.is_group_admin(session, message.chat.id, user_id)
    await reply(
        deps, message, help_text(texts, is_admin=is_admin, is_org=deps.is_org_admin(user_id))
    )


def help_text(texts: Texts, *, is_admin: bool, is_org: bool) -> str:
    parts = [texts("help-title"), texts("help-member"), texts("help-members")]
    if is_admin or is_org:
        parts.append(texts("help-admin"))
    if is_org:
        parts.append(texts("help-org-admin"))
    parts.append(texts("help-footer"))
    return "\n\n".join(parts)


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart(), F.chat.type == "private", F.from_user)
    router.message.register(help_, Command("help"), F.from_user)
    return router
