"""Fault injection (emulator/faults.py): gateway errors that skip the call, and lost responses
for calls that were performed; seeded, and never touching the /_emu/ test API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram.exceptions import TelegramNetworkError, TelegramServerError

from emulator import EmulatorLimits, TelegramEmulator
from emulator.faults import FaultConfig, Faults, install

from .conftest import World, make_world


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    emu = TelegramEmulator(limits=EmulatorLimits(enabled=False))
    await emu.start()
    try:
        yield emu
    finally:
        await emu.stop()


def bot_texts(world: World) -> list[str]:
    return [m.text or "" for m in world.group.messages if m.from_id == world.bot_user.id]


def test_same_seed_same_choices() -> None:
    config = FaultConfig(rate=0.3, seed=11)
    first, second = Faults(config), Faults(config)
    choices = [first.decide("sendmessage") for _ in range(200)]
    assert choices == [second.decide("sendmessage") for _ in range(200)]
    hit = sum(choice is not None for choice in choices)
    assert 30 <= hit <= 90  # about 30 % of 200
    assert {c.kind for c in choices if c} == {"error", "lost"}


def test_exempt_methods_and_zero_rate_never_fail() -> None:
    assert Faults(FaultConfig(rate=1.0)).decide("getupdates") is None
    assert Faults(FaultConfig(rate=0.0)).decide("sendmessage") is None


async def test_error_is_answered_without_performing_the_call(emulator: TelegramEmulator) -> None:
    world = await make_world(emulator)
    install(emulator, FaultConfig(rate=1.0, lost_share=0.0))
    bot = emulator.aiogram_bot(world.bot_user)
    try:
        with pytest.raises(TelegramServerError):
            await bot.send_message(world.group.id, "not delivered")
        assert await bot.get_updates(timeout=0)  # polling is exempt
    finally:
        await bot.session.close()
    assert "not delivered" not in bot_texts(world)


async def test_timeout_waits_then_answers_504_without_performing_the_call(
    emulator: TelegramEmulator,
) -> None:
    world = await make_world(emulator)
    faults = install(
        emulator, FaultConfig(rate=1.0, lost_share=0.0, timeout_share=1.0, timeout_delay=0.01)
    )
    bot = emulator.aiogram_bot(world.bot_user)
    try:
        with pytest.raises(TelegramServerError, match="Gateway Timeout"):
            await bot.send_message(world.group.id, "timed out")
    finally:
        await bot.session.close()
    assert "timed out" not in bot_texts(world)
    assert faults.injected == {"timeout:sendmessage": 1}


def test_shares_must_add_up() -> None:
    with pytest.raises(ValueError, match="must not exceed 1"):
        FaultConfig(rate=0.1, lost_share=0.6, timeout_share=0.6)
    kinds = {
        fault.kind
        for fault in map(
            Faults(FaultConfig(rate=1.0, seed=3, lost_share=0.0, timeout_share=0.5)).decide,
            ["sendmessage"] * 100,
        )
        if fault
    }
    assert kinds == {"error", "timeout"}


async def test_lost_response_is_performed_but_the_client_sees_a_failure(
    emulator: TelegramEmulator,
) -> None:
    world = await make_world(emulator)
    faults = install(emulator, FaultConfig(rate=1.0, lost_share=1.0))
    bot = emulator.aiogram_bot(world.bot_user)
    try:
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(world.group.id, "delivered anyway")
    finally:
        await bot.session.close()
    assert bot_texts(world).count("delivered anyway") == 1  # the nasty case: it went out
    assert faults.report()["injected"] == {"lost:sendmessage": 1}


async def test_faults_are_configured_over_http_and_spare_the_test_api(
    emulator: TelegramEmulator,
) -> None:
    async with aiohttp.ClientSession() as http:
        body = {"rate": 1.0, "seed": 3, "exempt": ["getMe"]}
        async with http.post(f"{emulator.base_url}/_emu/faults", json=body) as response:
            assert response.status == 200
            assert (await response.json())["config"]["exempt"] == ["getme"]
        async with http.get(f"{emulator.base_url}/_emu/state") as response:
            assert response.status == 200  # the test API is never failed
        async with http.post(f"{emulator.base_url}/_emu/faults", json={"rate": 2}) as response:
            assert response.status == 400
