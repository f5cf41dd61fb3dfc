"""The handler harness, but on an installation with a public URL (so feeds are served)."""

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

BASE = "https://bot.example.com"


@pytest.fixture
async def public_harness(session_factory, clock) -> AsyncIterator[Harness]:
    scripted = ScriptedSession()
    bot = Bot(TOKEN, session=scripted)
    settings = Settings(
        bot_token=TOKEN, org_admin_ids=(ORG_ADMIN,), database_url="sqlite+aiosqlite://",
        public_url=BASE,
    )  # fmt: skip
    catalogue = Catalogue()
    messenger = RecordingMessenger()
    deps = HandlerDeps(settings, catalogue, clock, messenger)
    dispatcher = setup_dispatcher(Dispatcher(storage=MemoryStorage()), deps, session_factory)
    yield Harness(dispatcher, bot, scripted, messenger, catalogue, itertools.count(1))
