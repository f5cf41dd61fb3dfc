"""A Telegram Bot API emulator: an aiohttp server an unchanged aiogram bot can talk to.

emu = TelegramEmulator(limits=EmulatorLimits(enabled=False))
await emu.start()
bot = emu.create_bot(token="123:SECRET", username="organizer_bot")
alice = emu.create_user("Alice", username="alice")
group = emu.create_group("Team", owner=alice)
await emu.add_bot_to_group(bot, group, by=alice)
await emu.send_message(alice, group, "/setup@organizer_bot")
reply = await emu.wait_for_message(group, text_contains="Done")
"""

from .actions import PressedButton
from .emulator import TelegramEmulator
from .errors import ApiError, EmulatorUsageError
from .limits import EmulatorLimits
from .state import (
    ADMIN_RIGHTS,
    CHAT_PERMISSIONS,
    ApiCall,
    CallbackAnswer,
    EmuChat,
    EmuFile,
    EmuInviteLink,
    EmuJoinRequest,
    EmulatorStats,
    EmuMember,
    EmuMessage,
    EmuPoll,
    EmuUser,
)

__all__ = [
    "ADMIN_RIGHTS",
    "CHAT_PERMISSIONS",
    "ApiCall",
    "ApiError",
    "CallbackAnswer",
    "EmuChat",
    "EmuFile",
    "EmuInviteLink",
    "EmuJoinRequest",
    "EmuMember",
    "EmuMessage",
    "EmuPoll",
    "EmuUser",
    "EmulatorLimits",
    "EmulatorStats",
    "EmulatorUsageError",
    "PressedButton",
    "TelegramEmulator",
]
