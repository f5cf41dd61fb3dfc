"""A notice delivered by the real Telegram messenger to the Bot API emulator over HTTP: a
document by file_id with content protection, pinned, with the "Received" button; a member
presses it; a group that removed the bot is reported, not retried."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulator import TelegramEmulator
from organizer.database import unit_of_work
from organizer.services import notices, scheduled_actions, users
from organizer.services.users import TelegramProfile
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from scheduler.jobs import register_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.organizer.notices.fixtures import SETTINGS, add_group

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
FAST = RateLimits(global_=(1000, 1.0), private_chat=(1000, 1.0), group=(1000, 1.0))


@pytest.fixture
async def emu() -> AsyncIterator[TelegramEmulator]:
    emu = TelegramEmulator()
    await emu.start(host="127.0.0.1", port=0)
    try:
        yield emu
    finally:
        await emu.stop()


def _profile(user) -> TelegramProfile:
    return TelegramProfile(id=user.id, first_name=user.first_name, language_code="zh")


async def test_notice_through_the_emulator(emu, session_factory, clock) -> None:
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    owner, member = emu.create_user("Owner"), emu.create_user("Member")
    chats = [emu.create_group(f"组 {n}", owner=owner, members=[member]) for n in range(3)]
    for chat in chats:
        await emu.add_bot_to_group(bot_user, chat, by=owner, admin=True)
    upload = await emu.send_document(owner, bot_user, "plan.pdf", b"%PDF-1.4 plan")
    assert upload.document is not None
    async with unit_of_work(session_factory) as session:
        for chat in chats:
            await add_group(session, chat.id, chat.title or "", "project", _profile(owner),
                            (_profile(member),), clock.now())  # fmt: skip
        await users.mark_started(session, _profile(owner), now=clock.now())
        notice = await notices.create(
            session,
            notices.NoticeDraft(
                author_id=owner.id, text="<b>季度计划</b>，请查收。", media_kind="document",
                media_file_id=upload.document.file_id, target_kind="all", pin=True,
                confidential=True, ack_required=True,
            ),
            org_admin_ids=(), now=clock.now(),
        )  # fmt: skip
    await emu.remove_bot_from_group(bot_user, chats[2], by=owner)
    bot = emu.aiogram_bot(bot_user)
    try:
        messenger = TelegramMessenger(bot, InMemoryRateLimiter(FAST))
        runner = ActionRunner(session_factory, register_jobs(ActionRegistry()), messenger,
                              clock, worker_id="emu", settings=SETTINGS)  # fmt: skip
        await runner.run_until_idle()
    finally:
        await bot.session.close()
    for chat in chats[:2]:
        [sent] = [m for m in emu.bot_messages(chat) if m.document is not None]
        assert sent.caption == "季度计划，请查收。" and sent.protect_content and sent.pinned
        assert sent.buttons == ["✅ 已收到"]
    assert not [m for m in emu.bot_messages(chats[2]) if m.document is not None]
    [report] = [m.text for m in emu.bot_messages(owner) if m.text and "发送报告" in m.text]
    assert "已送达 2/3 个群，失败 1 个" in report and "📌 组 0（已置顶）" in report
    async with session_factory() as session:
        actions = await scheduled_actions.pending(session, kind=notices.DELIVER_KIND)
        rows = (await notices.delivery_report(session, notice.id)).rows
    assert actions == []  # nothing left to retry
    assert [(r.title, r.status) for r in rows] == [
        ("组 0", "delivered"), ("组 1", "delivered"), ("组 2", "failed"),
    ]  # fmt: skip
    async with unit_of_work(session_factory) as session:
        outcome = await notices.acknowledge(session, notice.id, member.id, chats[0].id, clock.now())
    assert outcome.first


async def test_restart_mid_delivery_through_the_emulator(emu, session_factory, clock) -> None:
    """Thirty groups; the first worker delivers ten and stops, a second claims five and dies
    before sending, a third (after the lease) finishes: every group has the notice exactly once
    in Telegram, and the author one report."""
    bot_user = emu.create_bot(token=TOKEN, username="organizer_bot")
    owner, member = emu.create_user("Owner"), emu.create_user("Member")
    await emu.send_message(owner, bot_user, "/start")
    chats = [emu.create_group(f"组 {n}", owner=owner, members=[member]) for n in range(30)]
    async with unit_of_work(session_factory) as session:
        for chat in chats:
            await emu.add_bot_to_group(bot_user, chat, by=owner, admin=True)
            await add_group(session, chat.id, chat.title or "", "project", _profile(owner),
                            (_profile(member),), clock.now())  # fmt: skip
        await users.mark_started(session, _profile(owner), now=clock.now())
        await notices.create(
            session,
            notices.NoticeDraft(author_id=owner.id, text="周五全员培训", target_kind="all"),
            org_admin_ids=(), now=clock.now(),
        )  # fmt: skip
    bot = emu.aiogram_bot(bot_user)
    registry = register_jobs(ActionRegistry())

    def worker(name: str, **options: int) -> ActionRunner:
        messenger = TelegramMessenger(bot, InMemoryRateLimiter(FAST))
        return ActionRunner(session_factory, registry, messenger, clock, worker_id=name,
                            settings=SETTINGS, **options)  # fmt: skip

    try:
        await worker("a", batch_size=10).tick()  # ten delivered, then the process stops
        await worker("b", batch_size=5)._claim_due()  # claims five, dies before sending
        clock.advance(minutes=10)  # past the lease
        result = await worker("c").run_until_idle()
    finally:
        await bot.session.close()
    assert result.reclaimed == 5
    for chat in chats:
        assert [m.text for m in emu.bot_messages(chat) if m.text == "周五全员培训"] == [
            "周五全员培训"
        ]
    assert len([m for m in emu.bot_messages(owner) if m.text and "发送报告" in m.text]) == 1
