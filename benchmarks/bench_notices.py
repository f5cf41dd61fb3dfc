"""A notice to 300 groups with acknowledgement required, then the reminder to the 3,000 members
who did not acknowledge, delivered by the scheduler through the Telegram messenger against the
emulator's real Telegram limits (30 messages/s per bot, 1/s per private chat, 20/min per group).

Prints the achieved rate against the allowed 30/s and their ratio (target >= 0.90), the 429s the
emulator answered (each is waited out by the messenger), and duplicates and losses (target 0).
SQLite in a temporary file; about two minutes. Run: make bench
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import line
from emulator import EmulatorLimits, TelegramEmulator
from organizer.clock import FakeClock
from organizer.config import Settings
from organizer.database import Base, create_engine, create_session_factory, unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups, notices, users
from organizer.services.admins import AdminEntry
from organizer.services.users import TelegramProfile
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner

TOKEN = "999000222:BENCHTOKEN_abcdefghijklmnopqrstuv"
GROUPS, PER_GROUP = 300, 10
ALLOWED_RATE = 30.0


def profile(user: object) -> TelegramProfile:
    return TelegramProfile(id=user.id, first_name=user.first_name, language_code="zh")  # type: ignore[attr-defined]


async def build_world(emu: TelegramEmulator, factory, clock: FakeClock):  # type: ignore[no-untyped-def]
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    owner = emu.create_user("Owner")
    members = [emu.create_user(f"M{i}") for i in range(GROUPS * PER_GROUP)]
    await emu.send_message(owner, bot_user, "/start")  # the author gets the delivery report
    for member in members:  # they started the bot: private reminders can reach them
        await emu.send_message(member, bot_user, "/start")
    chats = []
    for g in range(GROUPS):
        own = members[g * PER_GROUP : (g + 1) * PER_GROUP]
        chat = emu.create_group(f"G{g}", owner=owner, members=own)
        await emu.add_bot_to_group(bot_user, chat, by=owner, admin=True)
        chats.append((chat, own))
    now = clock.now()
    async with unit_of_work(factory) as session:
        await users.mark_started(session, profile(owner), now=now)
        for chat, own in chats:
            await groups.register(
                session, chat_id=chat.id, title=chat.title or "", default_timezone="Asia/Shanghai",
                default_language="zh", now=now,
            )  # fmt: skip
            await groups.complete_setup(session, chat.id, now=now)
            await admins.sync_group_admins(session, chat.id, [AdminEntry(profile(owner))], now=now)
            for member in own:
                await users.mark_started(session, profile(member), now=now)
                await admins.record_member_status(
                    session, chat.id, profile(member), status=MemberStatus.ACTIVE,
                    role=MemberRole.MEMBER, now=now,
                )  # fmt: skip
    return bot_user, owner, chats, members


async def main() -> int:
    emu = TelegramEmulator(limits=EmulatorLimits())
    await emu.start(host="127.0.0.1", port=0)
    clock = FakeClock(datetime(2026, 12, 1, 1, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}")
        async with engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        factory = create_session_factory(engine)
        bot_user, owner, chats, members = await build_world(emu, factory, clock)
        async with unit_of_work(factory) as session:
            draft = notices.NoticeDraft(
                author_id=owner.id,
                text="📢 本周五下午三点全员培训，请按时参加。",
                target_kind="all",
                ack_required=True,
                ack_remind_hours=24,
            )
            await notices.create(session, draft, org_admin_ids=(), now=clock.now())
        bot = emu.aiogram_bot(bot_user)
        messenger = TelegramMessenger(bot, InMemoryRateLimiter(RateLimits()))
        runner = ActionRunner(
            factory, register_jobs(ActionRegistry()), messenger, clock, worker_id="bench",
            settings=Settings(bot_token=TOKEN),
        )  # fmt: skip
        started = time.monotonic()
        await runner.run_until_idle(max_ticks=1000)
        clock.advance(hours=24, minutes=1)
        await runner.run_until_idle(max_ticks=1000)
        elapsed = time.monotonic() - started
        await bot.session.close()
        await engine.dispose()
    group_sent = Counter(chat.id for chat, _ in chats for _m in emu.bot_messages(chat))
    private_sent = Counter(m.id for m in members for _m in emu.bot_messages(m))
    total = sum(group_sent.values()) + sum(private_sent.values()) + len(emu.bot_messages(owner))
    duplicates = sum(n - 1 for n in (*group_sent.values(), *private_sent.values()) if n > 1)
    losses = sum(1 for chat, _ in chats if group_sent[chat.id] == 0)
    losses += sum(1 for m in members if private_sent[m.id] == 0)
    too_many = sum(1 for call in emu.calls if call.error_code == 429)
    await emu.stop()
    rate = total / elapsed
    print(line("notice_messages_sent", total, "messages", ">=", GROUPS + len(members)))
    print(line("notice_delivery_rate", rate, "msg/s", ">=", 0.9 * ALLOWED_RATE))
    print(line("notice_rate_vs_allowed", rate / ALLOWED_RATE, "ratio", ">=", 0.90))
    print(line("notice_429_seen", too_many, "responses", "<=", too_many))
    print(line("notice_duplicates", duplicates, "messages", "<=", 0))
    print(line("notice_losses", losses, "chats", "<=", 0))
    ok = rate / ALLOWED_RATE >= 0.90 and duplicates == 0 and losses == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
