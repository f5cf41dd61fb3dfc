"""Moderation end to end against the emulator: a violation's whole path (taken down → text
returned privately → escalation ladder → admin log card → Undo lifts the mute), a report, and
plain chat that passes untouched."""

from __future__ import annotations

from emulator import TelegramEmulator
from organizer.database import unit_of_work
from organizer.services import groups
from tests.e2e.conftest import Running, Walk
from tests.e2e.test_members import until

AD = "加我微信 abc12345，代开发票"


async def _group(running: Running):
    emu, walk = running.emu, Walk(running)
    admin = emu.create_user("Ada", username="ada", language_code="zh")
    bob = emu.create_user("Bob", username="bob", language_code="zh")
    cai = emu.create_user("Cai", username="cai", language_code="zh")
    group = emu.create_group("项目一组", owner=admin, members=[bob, cai])
    await emu.add_bot_to_group(running.bot, group, by=admin, admin=True)
    await emu.wait_for_message(group, text_contains="感谢把我加入")
    for person in (admin, bob, cai):
        await walk.say(person, person, "/start", "您好")
    async with unit_of_work(running.app.session_factory) as session:
        await groups.complete_setup(session, group.id, now=running.clock.now())
    await walk.settled()
    return walk, admin, bob, cai, group


def _status(emu: TelegramEmulator, group, user) -> str:
    member = emu.resolve_chat(group).member(user.id)
    return member.status if member else "none"


async def test_violation_is_taken_down_returned_escalated_logged_and_undone(
    lively: Running,
) -> None:
    emu = lively.emu
    walk, admin, bob, _cai, group = await _group(lively)
    await emu.send_message(bob, group, "大家好，今天的研讨会几点开始")
    first = await emu.send_message(bob, group, AD)
    returned = await emu.wait_for_message(bob, text_contains="已被删除", timeout=10)
    assert AD in returned.text and "警告" in returned.text
    assert emu.resolve_chat(group).live_message(first.message_id) is None
    assert any(m.text == "大家好，今天的研讨会几点开始" for m in emu.messages(group))
    card = await emu.wait_for_message(admin, text_contains="自动处理", timeout=10)
    assert "Bob" in card.text and "诈骗" in card.text and "↩️ 撤销" in card.buttons

    # The second violation within 30 days: muted for an hour (the ladder's second step).
    await walk.settled()
    await emu.send_message(bob, group, AD + "！")
    await until(emu, group, lambda: _status(emu, group, bob) == "restricted")
    muted = await emu.wait_for_message(bob, text_contains="禁言至", timeout=10)
    assert AD in muted.text
    await emu.wait_for_message(admin, text_contains="禁言至", timeout=10)
    # Undo on the second card lifts the mute.
    await walk.tap(admin, admin, "↩️ 撤销")
    await until(emu, group, lambda: _status(emu, group, bob) == "member")
    await emu.wait_for_message(admin, text_contains="已由 Ada", timeout=10)


async def test_report_reaches_admins_and_delete_removes_the_message(lively: Running) -> None:
    emu = lively.emu
    walk, admin, bob, cai, group = await _group(lively)
    rude = await emu.send_message(bob, group, "这个方案谁做的，真是一塌糊涂")
    command = await emu.send_message(cai, group, "/report 人身攻击", reply_to=rude)
    thanks = await emu.wait_for_message(cai, text_contains="谢谢您的举报", timeout=10)
    assert "Bob" not in thanks.text
    chat = emu.resolve_chat(group)
    await until(emu, group, lambda: chat.live_message(command.message_id) is None)
    card = await emu.wait_for_message(admin, text_contains="举报 #", timeout=10)
    assert "一塌糊涂" in card.text
    await walk.tap(admin, admin, "🗑 删除消息")
    await until(emu, group, lambda: chat.live_message(rude.message_id) is None)
