"""What the author types (or sends) at the composer's steps.

The draft lives in the FSM data, so these handlers only run while a composer step is the
user's state; a wrong answer shows the same step again with the error, the draft unchanged.
"""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices import draft as drafts
from handlers.notices.composer import Composer
from handlers.notices.draft import Draft, DraftError
from organizer.i18n import Texts
from organizer.services.notices import split_text
from organizer.services.notices_text import CAPTION_LIMIT
from organizer.services.notices_types import MAX_PARTS
from organizer.timeparse import ParseError

# The step each typed answer leads to.
NEXT = {"content": "target", "time": "options", "hours": "options", "until": "options"}


async def on_input(
    message: Message, bot: Bot, state: FSMContext, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    composer = Composer(session, deps, texts, state, message.from_user.id, bot)
    step = await composer.step()
    draft = await composer.draft()
    if step is None:
        return
    try:
        draft = read(step, message, draft, now=deps.clock.now())
    except (DraftError, ParseError) as error:
        await composer.show(step, draft, error=texts(error.code, **error.params))
        return
    await composer.go(NEXT[step], draft)


def read(step: str, message: Message, draft: Draft, *, now: datetime) -> Draft:
    """The draft after `message` answered `step`."""
    if step == "content":
        return content(message, draft)
    typed = message.text
    if typed is None or step not in NEXT:
        raise DraftError("notices-ui-error-use-buttons")
    tz = draft.get("tz") or "UTC"
    if step == "time":
        return drafts.with_time(draft, typed, now=now, tz=tz)
    if step == "hours":
        return drafts.with_hours(draft, typed)
    return drafts.with_until(draft, typed, now=now, tz=tz)


def content(message: Message, draft: Draft) -> Draft:
    """Text (its formatting kept as HTML), or a photo or document with an optional caption."""
    text = message.html_text if (message.text or message.caption) else ""
    if message.photo:
        media: tuple[str | None, str | None] = ("photo", message.photo[-1].file_id)
    elif message.document:
        media = ("document", message.document.file_id)
    elif message.text:
        media = (None, None)
    else:
        raise DraftError("notices-ui-error-content-kind")
    if media[0] is not None and len(split_text(text, CAPTION_LIMIT)) > 1:
        raise DraftError("notices-error-caption-too-long", limit=CAPTION_LIMIT)
    if media[0] is None and len(split_text(text)) > MAX_PARTS:
        raise DraftError("notices-error-too-long", parts=len(split_text(text)), max=MAX_PARTS)
    return drafts.with_content(draft, text, *media)
