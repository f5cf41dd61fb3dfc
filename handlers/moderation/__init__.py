"""Automatic moderation and content intake on every group message (see gate.py)."""

from __future__ import annotations

from aiogram import Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.deps import HandlerDeps
from handlers.moderation.gate import MessageGate
from organizer.moderation.pipeline import Pipeline
from organizer.services.group_context import GroupContextCache

CACHE_KEY = "group_context_cache"


def install_gate(
    dispatcher: Dispatcher, deps: HandlerDeps, session_factory: async_sessionmaker[AsyncSession]
) -> GroupContextCache:
    """Outer middlewares on new and edited messages, sharing one cache and one flood guard."""
    cache = GroupContextCache(session_factory)
    pipeline = Pipeline()
    dispatcher[CACHE_KEY] = cache
    dispatcher.message.outer_middleware(
        MessageGate(deps, session_factory, cache, pipeline, edits=False)
    )
    dispatcher.edited_message.outer_middleware(
        MessageGate(deps, session_factory, cache, pipeline, edits=True)
    )
    return cache
