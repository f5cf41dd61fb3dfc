"""Bulk delivery through the Telegram messenger against the emulator's real Telegram limits
(30 messages/s per bot, 1/s per private chat, 20/min per group).

300 messages: 10 to each of 20 groups and 1 to each of 100 members privately, all queued at once.
Prints the achieved rate against the allowed 30/s, the 429s the server answered (handled by the
messenger), and duplicates and losses (target 0). Run: make bench

The first 30 sends leave at once (the window starts empty), so the average over a short run can
sit slightly above 30/s without any window being exceeded: the emulator would answer 429.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from benchmarks.common import line
from emulator import EmulatorLimits, TelegramEmulator
from organizer.messenger import OutboundText, Priority
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits

TOKEN = "999000111:BENCHTOKEN_abcdefghijklmnopqrstuv"
GROUPS, PER_GROUP, MEMBERS = 20, 10, 100
ALLOWED_RATE = 30.0


async def main() -> None:
    emu = TelegramEmulator(limits=EmulatorLimits())
    await emu.start(host="127.0.0.1", port=0)
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    owner = emu.create_user("Owner")
    members = [emu.create_user(f"M{i}") for i in range(MEMBERS)]
    for member in members:
        await emu.send_message(member, bot_user, "/start")
    groups = [emu.create_group(f"G{i}", owner=owner) for i in range(GROUPS)]
    for group in groups:
        await emu.add_bot_to_group(bot_user, group, by=owner, admin=True)
    expected = Counter(
        [(g.id, f"notice {i}") for g in groups for i in range(PER_GROUP)]
        + [(m.id, "reminder") for m in members]
    )
    bot = emu.aiogram_bot(bot_user)
    messenger = TelegramMessenger(bot, InMemoryRateLimiter(RateLimits()))
    sends = [OutboundText(chat, text, priority=Priority.BULK) for chat, text in expected.elements()]
    started = time.monotonic()
    results = await asyncio.gather(*(messenger.send_text(s) for s in sends), return_exceptions=True)
    elapsed = time.monotonic() - started
    await bot.session.close()
    errors = [r for r in results if isinstance(r, BaseException)]
    chats = [*(g.id for g in groups), *(m.id for m in members)]
    delivered = Counter(
        (m.chat_id, m.text) for chat in chats for m in emu.bot_messages(chat) if m.text in
        {"reminder", *(f"notice {i}" for i in range(PER_GROUP))}
    )  # fmt: skip
    await emu.stop()
    rate = len(sends) / elapsed
    print(line("delivery_rate", rate, "msg/s", ">=", 0.9 * ALLOWED_RATE))
    print(line("delivery_rate_vs_allowed", rate / ALLOWED_RATE, "ratio", ">=", 0.90))
    print(line("delivery_429_handled", emu.stats.responses_429, "responses", "<=", 0))
    print(line("delivery_errors", len(errors), "sends", "<=", 0))
    print(line("delivery_duplicates", sum((delivered - expected).values()), "msgs", "<=", 0))
    print(line("delivery_losses", sum((expected - delivered).values()), "msgs", "<=", 0))


if __name__ == "__main__":
    asyncio.run(main())
