"""The handler harness with the assessment router included before the others (it is not yet
registered in handlers/__init__.py)."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage

from handlers import setup_dispatcher
from handlers.deps import HandlerDeps
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
    deps = HandlerDeps(settings, catalogue, clock, messenger)
    dispatcher = Dispatcher(storage=MemoryStorage())
    setup_dispatcher(dispatcher, deps, session_factory)
    yield Harness(dispatcher, bot, scripted, messenger, catalogue, itertools.count(1))
