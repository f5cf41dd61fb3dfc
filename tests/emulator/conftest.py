"""Fixtures: a running emulator, a small world (bot, two users, a group) and a real aiogram Bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiogram import Bot

from emulator import EmuChat, EmulatorLimits, EmuUser, TelegramEmulator

TOKEN = "123456789:TESTTOKEN_abcdefghijklmnopqrstuv"
# The smallest valid PNG (1x1), for sendPhoto.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class FakeMonotonic:
    """A monotonic clock the test moves by hand (rate-limit windows)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class World:
    emu: TelegramEmulator
    bot_user: EmuUser
    alice: EmuUser  # owner of the group
    bob: EmuUser  # plain member
    group: EmuChat  # the bot is an admin with all rights


@pytest.fixture
async def emu() -> AsyncIterator[TelegramEmulator]:
    emulator = TelegramEmulator(limits=EmulatorLimits(enabled=False))
    await emulator.start()
    yield emulator
    await emulator.stop()
    assert emulator.internal_errors == []


async def make_world(emu: TelegramEmulator, **bot_rights: bool) -> World:
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot", first_name="Organizer")
    alice = emu.create_user("Alice", username="alice", language_code="zh")
    bob = emu.create_user("Bob", username="bob_b")
    group = emu.create_group("项目一组", owner=alice, members=[bob])
    await emu.add_bot_to_group(bot_user, group, by=alice, admin=True, rights=bot_rights or None)
    return World(emu, bot_user, alice, bob, group)


@pytest.fixture
async def world(emu: TelegramEmulator) -> World:
    return await make_world(emu)


@pytest.fixture
async def bot(emu: TelegramEmulator, world: World) -> AsyncIterator[Bot]:
    aiogram_bot = emu.aiogram_bot(world.bot_user)
    yield aiogram_bot
    await aiogram_bot.session.close()
