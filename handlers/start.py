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
    for page in help_pages(texts, is_admin=is_admin, is_org=deps.is_org_admin(user_id)):
        await reply(deps, message, page)


HELP_PAGE_LIMIT = 3800  # Telegram's 4096, with room for the HTML of the headings


def help_pages(texts: Texts, *, is_admin: bool, is_org: bool) -> list[str]:
    """The sections this person may use, packed into as few messages as Telegram allows."""
    keys = ["help-title", "help-member", "help-members", "help-content", "modcmd-help-member"]
    keys.append("assessment-help")
    if is_admin or is_org:
        keys += ["help-admin", "help-content-admin", "modcmd-help-admin", "modset-help-admin"]
        keys += ["notices-help-admin", "assessment-help-admin"]
    if is_org:
        keys.append("help-org-admin")
    keys.append("help-footer")
    pages: list[str] = []
    for part in (texts(key) for key in keys):
        if pages and len(pages[-1]) + 2 + len(part) <= HELP_PAGE_LIMIT:
            pages[-1] += "\n\n" + part
        else:
            pages.append(part)
    return pages


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart(), F.chat.type == "private", F.from_user)
    router.message.register(help_, Command("help"), F.from_user)
    return router
