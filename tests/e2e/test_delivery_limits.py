"""The Telegram messenger against the emulator's limits: a burst to one group all arrives,
each message once, and a 429 never surfaces as an error.

The group limit is scaled from 20/min to 40/s so the burst takes seconds; the messenger and the
emulator use the same shape of limits, only faster."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import pytest

from emulator import EmulatorLimits, TelegramEmulator
from organizer.messenger import OutboundText, Priority
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits

TOKEN = "555000111:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
BURST = 200
EMULATOR_LIMITS = EmulatorLimits(global_rate=(60, 1.0), private_rate=(1, 1.0), group_rate=(40, 1.0))


@pytest.fixture
async def emu() -> AsyncIterator[TelegramEmulator]:
    emu = TelegramEmulator(limits=EMULATOR_LIMITS)
    await emu.start(host="127.0.0.1", port=0)
    yield emu
    await emu.stop()


async def _burst(emu: TelegramEmulator, limits: RateLimits) -> tuple[list[str], int]:
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    owner = emu.create_user("Owner")
    group = emu.create_group("Burst", owner=owner)
    await emu.add_bot_to_group(bot_user, group, by=owner, admin=True)
    bot = emu.aiogram_bot(bot_user)
    messenger = TelegramMessenger(bot, InMemoryRateLimiter(limits))
    try:
        await asyncio.gather(
            *(
                messenger.send_text(OutboundText(group.id, f"notice {i}", priority=Priority.BULK))
                for i in range(BURST)
            )
        )
    finally:
        await bot.session.close()
    texts = [m.text for m in emu.bot_messages(group) if m.text.startswith("notice ")]
    return texts, emu.stats.responses_429


async def test_burst_within_the_limits_arrives_whole_once(emu) -> None:
    """Whether a 429 occurs at all depends on the machine's jitter, so it is not asserted here
    (benchmarks/bench_delivery.py measures it); what must hold is delivery, each message once."""
    limits = RateLimits(global_=(60, 1.0), private_chat=(1, 1.0), group=(40, 1.0))
    texts, _too_many = await _burst(emu, limits)
    assert Counter(texts) == Counter(f"notice {i}" for i in range(BURST))


async def test_429s_from_a_stricter_server_are_waited_out_not_raised(emu) -> None:
    """The limiter believes the group allows 1000/s; the server says otherwise with 429s."""
    optimistic = RateLimits(global_=(1000, 1.0), private_chat=(1, 1.0), group=(1000, 1.0))
    texts, too_many = await _burst(emu, optimistic)
    assert too_many > 0
    assert Counter(texts) == Counter(f"notice {i}" for i in range(BURST))  # all, each once
