"""Content commands in a group (charter 三, 四(二)): /materials, /questions, /experts, /best,
/feature and /unfeature; and reactions to shares.

Categorising posts, cataloguing files, tracking questions and the news quota happen per
message, through `organizer.content.intake.process`, which the message pipeline calls."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command

from handlers.content.best import on_best
from handlers.content.experts import on_experts
from handlers.content.feature import on_feature, on_reaction, on_unfeature
from handlers.content.lists import on_materials, on_questions


def build_router() -> Router:
    router = Router(name="content")
    router.message.register(on_materials, Command("materials"), F.from_user)
    router.message.register(on_questions, Command("questions"), F.from_user)
    router.message.register(on_experts, Command("experts"), F.from_user)
    router.message.register(on_best, Command("best"), F.from_user)
    router.message.register(on_feature, Command("feature"), F.from_user)
    router.message.register(on_unfeature, Command("unfeature"), F.from_user)
    router.message_reaction.register(on_reaction)
    return router
