"""/materials [tag] [words] and /questions in a group: the library and the open questions."""

from __future__ import annotations

from aiogram.filters import CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.content import categories, render
from organizer.i18n import Texts
from organizer.services import library, questions, users

LIST_LIMIT = 10


def parse_query(args: str | None) -> tuple[str | None, list[str]]:
    """(category key or None, words): the first word is a tag when it names a category
    ("资料", "#material", "＃政策"); every other word must appear in the title."""
    words = (args or "").split()
    if words:
        tag = categories.category_of(words[0], prefix=False)
        if tag is not None:
            return tag, words[1:]
    return None, [word.lstrip("#＃") for word in words if word.lstrip("#＃")]


async def on_materials(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return
    group = await deps.register_group(session, message.chat)
    tag, words = parse_query(command.args)
    found = await library.search(session, group.id, tag=tag, words=words, limit=LIST_LIMIT)
    text = render.materials(
        texts, found, group_title=group.title, timezone=group.timezone,
        username=message.chat.username,
    )  # fmt: skip
    await reply(deps, message, text)


async def on_questions(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return
    group = await deps.register_group(session, message.chat)
    found = await questions.open_questions(session, group.id, limit=LIST_LIMIT)
    names: dict[int, str] = {}
    for asker_id in {question.asker_id for question in found}:
        user = await users.get(session, asker_id)
        names[asker_id] = user.display_name if user else str(asker_id)
    text = render.open_questions(
        texts, found, group_title=group.title, name_of=names.__getitem__,
        now=deps.clock.now(), username=message.chat.username,
    )  # fmt: skip
    await reply(deps, message, text)
