"""The composition root's choices: FSM storage in memory by default, Redis when configured."""

from __future__ import annotations

import os

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from organizer.app import build_bot, build_storage
from organizer.config import Settings

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()


def test_memory_storage_by_default() -> None:
    assert isinstance(build_storage(Settings(bot_token=TOKEN)), MemoryStorage)


@pytest.mark.skipif(not TEST_REDIS_URL, reason="TEST_REDIS_URL not set")
async def test_redis_storage_keeps_state_between_instances() -> None:
    settings = Settings(bot_token=TOKEN, redis_url=TEST_REDIS_URL)
    key = StorageKey(bot_id=4242, chat_id=-100, user_id=7)
    first, second = build_storage(settings), build_storage(settings)
    try:
        await first.set_state(key, "SetupStates:typing_timezone")
        await first.set_data(key, {"wizard_message_id": 5})
        assert await second.get_state(key) == "SetupStates:typing_timezone"
        assert await second.get_data(key) == {"wizard_message_id": 5}
    finally:
        await first.set_state(key, None)
        await first.set_data(key, {})
        await first.close()
        await second.close()


async def test_bot_uses_the_configured_api_server() -> None:
    bot = build_bot(Settings(bot_token=TOKEN, telegram_api_url="http://127.0.0.1:9/"))
    try:
        assert bot.session.api.api_url(TOKEN, "getMe") == f"http://127.0.0.1:9/bot{TOKEN}/getMe"
    finally:
        await bot.session.close()
