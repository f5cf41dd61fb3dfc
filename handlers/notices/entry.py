"""Ways into the composer: /announce in private (group and organisation admins only), the
same in a group (a button to the private chat), its deep link, and /cancel at any step."""

from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices import draft as drafts
from handlers.notices.composer import Composer
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.messenger import Button
from organizer.services import users
from organizer.telegram.chat_info import profile

DEEP_LINK = "announce"


async def announce_in_group(message: Message, bot: Bot, deps: HandlerDeps, texts: Texts) -> None:
    """Composing takes several questions: offer the private chat instead of cluttering here."""
    me = await bot.me()
    url = f"https://t.me/{me.username}?start={DEEP_LINK}"
    button = Button(texts("notices-ui-open-private-button"), url=url)
    await reply(deps, message, texts("notices-ui-open-private"), keyboard=((button,),))


async def announce(
    message: Message, bot: Bot, state: FSMContext, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    """/announce (or its deep link) in private: a fresh draft, whatever was open before."""
    assert message.from_user is not None
    await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    composer = Composer(session, deps, texts, state, message.from_user.id, bot)
    if not await composer.targetable():
        await reply(deps, message, texts("notices-ui-not-admin"))
        return
    await state.set_data({})
    await composer.go("content", drafts.empty())


async def on_cancel_command(
    message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts
) -> None:
    """/cancel is deliberate: no question asked, the draft (or the edit) is dropped."""
    await state.clear()
    await reply(deps, message, texts("notices-ui-cancelled"))
