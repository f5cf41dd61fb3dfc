"""The content router on a small dispatcher of its own: the real middlewares (session,
language) and `handlers.content.build_router()`, which `setup_dispatcher` does not include yet.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage

from handlers import content
from handlers.deps import HandlerDeps
from handlers.middlewares import DatabaseSessionMiddleware, LanguageMiddleware
from organizer.config import Settings
from organizer.i18n import Catalogue
from tests.fakes import RecordingMessenger
from tests.handlers.conftest import ORG_ADMIN, TOKEN, Harness, ScriptedSession


@pytest.fixture
async def harness(session_factory, clock) -> AsyncIterator[Harness]:
    scripted = ScriptedSession()
    bot = Bot(TOKEN, session=scripted)
    settings = Settings(
        bot_token=TOKEN, org_admin_ids=(ORG_ADMIN,), database_url="sqlite+aiosqlite://"
    )
    catalogue = Catalogue()
    messenger = RecordingMessenger()
    dispatcher = Dispatcher(storage=MemoryStorage())
    dispatcher["deps"] = HandlerDeps(settings, catalogue, clock, messenger)
    dispatcher.message.middleware(DatabaseSessionMiddleware(session_factory))
    dispatcher.message.middleware(LanguageMiddleware(catalogue))
    dispatcher.message_reaction.middleware(DatabaseSessionMiddleware(session_factory))
    dispatcher.include_router(content.build_router())
    yield Harness(dispatcher, bot, scripted, messenger, catalogue, itertools.count(5000))
