"""Buttons of the welcome and of a rules update. Ids only; every press is re-checked."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class WelcomeAccept(CallbackData, prefix="v1wa"):
    user_id: int  # the newcomer the welcome is for; the group is the chat of the press


class RulesAck(CallbackData, prefix="v1ra"):
    version: int
