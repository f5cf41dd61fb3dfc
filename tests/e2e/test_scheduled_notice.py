"""The running bot's own scheduler delivers a due action when the injected clock reaches it:
privately to a member who started the bot, by a mention in the group to one who never did."""

from __future__ import annotations

from datetime import timedelta

from organizer.database import unit_of_work
from organizer.services import notify, users
from organizer.services.users import TelegramProfile
from tests.e2e.conftest import Running


async def test_due_notice_is_sent_by_the_in_process_scheduler(running: Running) -> None:
    emu, bot, app, clock = running.emu, running.bot, running.app, running.clock
    alice = emu.create_user(first_name="Alice", language_code="en")
    bob = emu.create_user(first_name="Bob", language_code="zh")
    group = emu.create_group(title="Ops", owner=alice, members=[bob])
    await emu.add_bot_to_group(bot, group, by=alice, admin=True)
    await emu.wait_for_message(group, text_contains="感谢把我加入")
    await emu.send_message(alice, bot, "/start")
    await emu.wait_for_message(alice, text_contains="Hello, Alice")

    async with unit_of_work(app.session_factory) as session:
        await users.remember(session, TelegramProfile(id=bob.id, first_name="Bob"), now=clock.now())
        for member in (alice, bob):
            await notify.schedule_member_notice(
                session, user_id=member.id, group_id=group.id, text_key="group-needs-setup",
                due_at=clock.now() + timedelta(hours=1), now=clock.now(),
            )  # fmt: skip

    assert (await app.runner.tick()).claimed == 0  # not due yet
    clock.advance(hours=1)
    private = await emu.wait_for_message(alice, text_contains="not set up yet", timeout=10)
    mention = await emu.wait_for_message(group, text_contains="本群尚未完成设置", timeout=10)
    assert private.chat_id == alice.id
    assert mention.text.startswith("Bob：")
    mentioned = [e["user"]["id"] for e in mention.entities if e["type"] == "text_mention"]
    assert mentioned == [bob.id]
    assert not [m for m in emu.messages(bob) if "尚未" in (m.text or "")]
