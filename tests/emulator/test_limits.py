"""Flood limits (429 with retry_after) and injected gateway failures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError

from emulator import EmulatorLimits, TelegramEmulator
from emulator.errors import ApiError
from emulator.limits import RateLimiter

from .conftest import FakeMonotonic, make_world


@pytest.fixture
def monotonic_clock() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
async def limited_emu(monotonic_clock: FakeMonotonic) -> AsyncIterator[TelegramEmulator]:
    limits = EmulatorLimits(global_rate=(5, 1.0), private_rate=(1, 1.0), group_rate=(2, 60.0))
    emulator = TelegramEmulator(limits=limits, monotonic=monotonic_clock)
    await emulator.start()
    yield emulator
    await emulator.stop()


async def test_group_limit_gives_retry_after_until_a_slot_frees(
    limited_emu: TelegramEmulator, monotonic_clock: FakeMonotonic
) -> None:
    world = await make_world(limited_emu)
    bot = limited_emu.aiogram_bot(world.bot_user)
    try:
        await bot.send_message(world.group.id, "one")
        monotonic_clock.now += 10
        await bot.send_message(world.group.id, "two")
        with pytest.raises(TelegramRetryAfter) as refused:
            await bot.send_message(world.group.id, "three")
        assert refused.value.retry_after == 50  # the first slot frees 60 s after "one"
        monotonic_clock.now += 49.5
        with pytest.raises(TelegramRetryAfter) as refused_again:
            await bot.send_message(world.group.id, "three")
        assert refused_again.value.retry_after == 1  # 0.5 s left, rounded up
        monotonic_clock.now += 0.5
        await bot.send_message(world.group.id, "three")
    finally:
        await bot.session.close()
    assert [m.text for m in limited_emu.bot_messages(world.group)] == ["one", "two", "three"]
    assert limited_emu.stats.responses_429 == 2
    assert limited_emu.stats.responses_by_code[429] == 2
    rejected = [c for c in limited_emu.calls if c.error_code == 429]
    assert rejected[0].description == "Too Many Requests: retry after 50"


async def test_edits_count_toward_the_chat_limit(
    limited_emu: TelegramEmulator, monotonic_clock: FakeMonotonic
) -> None:
    world = await make_world(limited_emu)
    await limited_emu.send_message(world.alice, world.bot_user, "/start")
    bot = limited_emu.aiogram_bot(world.bot_user)
    try:
        sent = await bot.send_message(world.alice.id, "v1")
        with pytest.raises(TelegramRetryAfter) as refused:
            await bot.edit_message_text("v2", chat_id=world.alice.id, message_id=sent.message_id)
        assert refused.value.retry_after == 1
        monotonic_clock.now += 1
        await bot.edit_message_text("v2", chat_id=world.alice.id, message_id=sent.message_id)
    finally:
        await bot.session.close()


def test_global_window_applies_across_chats() -> None:
    monotonic_clock = FakeMonotonic()
    limiter = RateLimiter(
        EmulatorLimits(global_rate=(3, 1.0), private_rate=(10, 1.0)), monotonic_clock
    )
    for chat_id in (1, 2, 3):
        limiter.acquire(bot_id=7, chat_id=chat_id, is_private=True)
    with pytest.raises(ApiError) as refused:
        limiter.acquire(bot_id=7, chat_id=4, is_private=True)
    assert (refused.value.code, refused.value.retry_after) == (429, 1)
    limiter.acquire(bot_id=8, chat_id=4, is_private=True)  # another bot has its own budget
    monotonic_clock.now += 1.0
    limiter.acquire(bot_id=7, chat_id=4, is_private=True)


def test_disabled_limits_never_refuse() -> None:
    limiter = RateLimiter(EmulatorLimits(enabled=False), FakeMonotonic())
    for _ in range(100):
        limiter.acquire(bot_id=7, chat_id=1, is_private=True)


async def test_injected_failures_raise_server_errors() -> None:
    emulator = TelegramEmulator(limits=EmulatorLimits(enabled=False, failure_rate=1.0))
    await emulator.start()
    try:
        world = await make_world(emulator)
        bot = emulator.aiogram_bot(world.bot_user)
        try:
            with pytest.raises(TelegramServerError, match="Bad Gateway|Internal Server Error"):
                await bot.send_message(world.group.id, "hello")
            assert await bot.get_updates(timeout=0)  # polling is exempt
        finally:
            await bot.session.close()
    finally:
        await emulator.stop()
    assert emulator.stats.injected_failures == 1
    assert emulator.bot_messages(world.group) == []
