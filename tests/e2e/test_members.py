"""Members end to end against the emulator with an injected clock: a newcomer who never accepts
the rules is removed on time. (The join-request walk and the inactivity sweep are in
test_members_walk.py.)"""

from __future__ import annotations

from emulator import TelegramEmulator
from organizer.database import unit_of_work
from organizer.services import groups, joining
from tests.e2e.conftest import Running, Walk


async def _group(running: Running):
    emu, walk = running.emu, Walk(running)
    admin = emu.create_user("Ada", username="ada", language_code="zh")
    hugo = emu.create_user("Hugo", username="hugo", language_code="zh")
    group = emu.create_group("项目一组", owner=admin, members=[hugo])
    await emu.add_bot_to_group(running.bot, group, by=admin, admin=True)
    await emu.wait_for_message(group, text_contains="感谢把我加入")
    for person in (admin, hugo):
        await walk.say(person, person, "/start", "您好")
    async with unit_of_work(running.app.session_factory) as session:
        await groups.complete_setup(session, group.id, now=running.clock.now())
    return walk, admin, hugo, group


async def until(emu: TelegramEmulator, chat, condition, timeout: float = 10) -> None:  # noqa: ASYNC109
    """Wait until `condition()` holds, re-checking on every change the emulator sees in `chat`
    (messages, edits, deletions, service messages) rather than sleeping."""
    await emu.wait_for_message(
        chat, predicate=lambda _m: condition(), sender=None, include_service=True, timeout=timeout
    )


def _is_member(emu: TelegramEmulator, group, user) -> bool:
    member = emu.resolve_chat(group).member(user.id)
    return member is not None and member.is_present


async def test_newcomer_who_never_accepts_is_removed_on_time(lively: Running) -> None:
    emu = lively.emu
    walk, admin, hugo, group = await _group(lively)
    bob = emu.create_user("Bob", language_code="zh")
    await emu.join(bob, group)
    await emu.wait_for_message(
        group, predicate=lambda m: "✅ 我已阅读并同意" in m.buttons, timeout=10
    )
    lively.clock.advance(hours=23)
    assert _is_member(emu, group, bob)
    lively.clock.advance(hours=1, seconds=5)
    await until(emu, group, lambda: not _is_member(emu, group, bob), timeout=15)
    assert not _is_member(emu, group, bob)


async def test_group_requiring_requests_shows_a_plain_link_joiner_out(lively: Running) -> None:
    emu = lively.emu
    walk, admin, hugo, group = await _group(lively)
    async with unit_of_work(lively.app.session_factory) as session:
        await joining.set_group_setting(
            session, group.id, "require_join_request", True, now=lively.clock.now()
        )
    bob = emu.create_user("Bob", language_code="zh")
    await emu.join(bob, group)
    await emu.wait_for_message(group, text_contains="只接受经审批的入群申请", timeout=10)
    await until(emu, group, lambda: not _is_member(emu, group, bob))
    assert emu.resolve_chat(group).member(bob.id).status == "left"  # removed, not banned
    # The late "Bob joined" service message does not bring a welcome for someone already gone.
    assert not any("✅ 我已阅读并同意" in m.buttons for m in emu.bot_messages(group))
    await emu.request_join(bob, group)
    await emu.wait_for_message(bob, text_contains="请问你是", timeout=10)
    assert not any("✅ 我已阅读并同意" in m.buttons for m in emu.bot_messages(group))
