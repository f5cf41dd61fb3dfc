"""Included last: presses that no handler recognised (an old keyboard, forged data)."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery

from organizer.i18n import Texts


async def unknown_button(query: CallbackQuery, texts: Texts) -> None:
    await query.answer(texts("error-stale-button"), show_alert=True)


def build_router() -> Router:
    router = Router(name="fallback")
    router.callback_query.register(unknown_button)
    return router
