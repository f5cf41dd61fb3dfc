"""/lang: in private a user picks their language; in a group its admins pick the group's."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.callbacks import LanguageCallback
from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import SUPPORTED, Texts
from organizer.messenger import Button, keyboard
from organizer.services import admins, groups, users
from organizer.telegram.chat_info import profile


def language_keyboard(deps: HandlerDeps) -> tuple[tuple[Button, ...], ...]:
    return keyboard(
        [
            Button(deps.catalogue.text(code, "language-name"), LanguageCallback(code=code).pack())
            for code in SUPPORTED
        ]
    )


async def choose_language(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    if message.chat.type != "private" and not await admins.is_group_admin(
        session, message.chat.id, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return
    await reply(deps, message, texts("lang-choose"), keyboard=language_keyboard(deps))


async def set_language(
    query: CallbackQuery,
    callback_data: LanguageCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    code = callback_data.code
    if code not in SUPPORTED or query.message is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    chat = query.message.chat
    now = deps.clock.now()
    chosen = deps.catalogue.for_language(code)
    if chat.type == "private":
        await users.remember(session, profile(query.from_user), now=now)
        await users.set_language(session, query.from_user.id, code, now=now)
        confirmation = chosen("lang-set-private")
    else:
        if not await admins.is_group_admin(
            session, chat.id, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
        ):
            await query.answer(texts("error-admins-only"), show_alert=True)
            return
        if await groups.get(session, chat.id) is None:
            await query.answer(texts("error-group-unknown"), show_alert=True)
            return
        await groups.configure(session, chat.id, language=code, now=now)
        confirmation = chosen("lang-set-group")
    await query.answer()
    await deps.messenger.edit_text(chat.id, query.message.message_id, confirmation)


def build_router() -> Router:
    router = Router(name="language")
    router.message.register(choose_language, Command("lang"), F.from_user)
    router.callback_query.register(set_language, LanguageCallback.filter())
    return router
