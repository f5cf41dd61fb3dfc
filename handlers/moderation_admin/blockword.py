"""/blockword add|remove|list [category] [term]: a group's own banned terms (charter 四(三)).

The answer goes to the admin privately when possible and the command is removed: a list of
banned terms posted in the group would teach members what to avoid writing (and show them the
words). Categories may be written in English or Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.common import (
    delete_quietly,
    is_admin,
    sent_as_group,
    tell_member,
)
from organizer.i18n import Texts
from organizer.messenger import OutboundText
from organizer.moderation.lexicon import Lexicon
from organizer.services import audit, blockwords
from organizer.services.blockwords import BlockWordError
from organizer.services.group_context import group_changed
from organizer.services.groups import GroupInfo

ZH_CATEGORIES = {
    "色情": "porn", "暴力": "violence", "赌博": "gambling",
    "诈骗": "fraud", "颠覆": "subversion", "辱骂": "abuse",
}  # fmt: skip


def category_of(word: str) -> str | None:
    word = word.strip().lower()
    found = ZH_CATEGORIES.get(word, word)
    return found if found in blockwords.CATEGORIES else None


def is_default(category: str, term: str) -> bool:
    """Whether the shipped lexicon has the term (compared folded, as the matcher sees it)."""
    folded = Lexicon({category: [term]}).terms.get(category, frozenset())
    shipped = Lexicon.default().terms.get(category, frozenset())
    return any(entry in shipped or f"{entry}*" in shipped for entry in folded)


def render_list(texts: Texts, group: GroupInfo, changes: dict[str, dict[str, list[str]]]) -> str:
    if not changes:
        return texts("modcmd-blockword-list-empty", group=group.title)
    lines = [texts("modcmd-blockword-list-title", group=group.title)]
    for category, change in changes.items():
        added, removed = "、".join(change["added"]) or "—", "、".join(change["removed"]) or "—"
        name = texts(f"modcmd-category-{category}")
        lines.append(
            texts("modcmd-blockword-list-line", category=name, added=added, removed=removed)
        )
    return "\n".join(lines)


Render = Callable[[Texts], str]


def _text(key: str, **params: str) -> Render:
    return lambda texts: texts(key, **params)


def _done(key: str, category: str, term: str) -> Render:
    # The category is named in the reader's language.
    return lambda texts: texts(key, category=texts(f"modcmd-category-{category}"), term=term)


async def _change(
    session: AsyncSession, deps: HandlerDeps, group: GroupInfo, user_id: int, args: list[str]
) -> Render:
    """Apply add/remove and say what happened. Raises BlockWordError."""
    verb, now = args[0], deps.clock.now()
    category, term = category_of(args[1]), " ".join(args[2:])
    if category is None:
        return _text("modcmd-blockword-bad-category", category=args[1][:32])
    if verb == "add":
        change = await blockwords.add(session, group.id, category, term, user_id, now)
    else:
        default = is_default(category, term)
        change = await blockwords.remove(
            session, group.id, category, term, user_id, now, is_default=default
        )
    if not change.changed:
        return _done(f"modcmd-blockword-{verb}-unchanged", category, change.term)
    group_changed(session, group.id)  # the moderation cache reloads the group's lexicon
    await audit.log(session, group_id=group.id, actor_id=user_id, action=f"blockword.{verb}",
                    details={"category": category, "term": change.term}, now=now)  # fmt: skip
    return _done(f"modcmd-blockword-{verb}-done", category, change.term)


async def _answer(
    session: AsyncSession, deps: HandlerDeps, group: GroupInfo, user_id: int, args: list[str]
) -> Render:
    verb = args[0] if args else ""
    if verb == "list":
        changes = await blockwords.list_for(session, group.id)
        return lambda texts: render_list(texts, group, changes)
    if verb not in ("add", "remove") or len(args) < 3:
        return _text("modcmd-blockword-usage")
    try:
        return await _change(session, deps, group, user_id, args)
    except BlockWordError as error:
        return _text(error.key, **error.params)


async def on_blockword(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    user_id = message.from_user.id
    group = await deps.register_group(session, message.chat)
    await delete_quietly(bot, group.id, message.message_id)
    args = (command.args or "").split()
    if args:
        args[0] = args[0].lower()
    anonymous = sent_as_group(message)
    render = _text("modcmd-anonymous-admin" if anonymous else "error-admins-only")
    if not anonymous and await is_admin(session, deps, group.id, user_id):
        render = await _answer(session, deps, group, user_id, args)
    await tell_member(session, deps, user_id=user_id, group_id=group.id, group_texts=texts,
                      render=render)  # fmt: skip


async def in_private(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    await deps.messenger.send_text(OutboundText(message.chat.id, texts("error-group-only")))


def build_router() -> Router:
    router = Router(name="moderation_admin.blockword")
    group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(on_blockword, Command("blockword"), group, F.from_user)
    router.message.register(in_private, Command("blockword"), F.chat.type == "private")
    return router
