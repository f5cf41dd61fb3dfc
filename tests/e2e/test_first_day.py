"""Day one, end to end: /start in private → bot added to a group → /setup → /rules → /lang."""

from __future__ import annotations

from sqlalchemy import select

from organizer.models import Group, GroupKind
from tests.e2e.conftest import Running, Walk


async def test_start_add_to_group_setup_and_rules(running: Running) -> None:
    emu, bot = running.emu, running.bot
    alice = emu.create_user(first_name="Alice", username="alice", language_code="zh")
    bob = emu.create_user(first_name="Bob", username="bob", language_code="en")

    await emu.send_message(alice, bot, "/start")
    welcome = await emu.wait_for_message(alice, text_contains="您好，Alice")
    assert "/setup" in welcome.text

    group = emu.create_group(title="项目一组", owner=alice, members=[bob])
    await emu.add_bot_to_group(bot, group, by=alice, admin=True, rights={"can_pin_messages": False})
    greeting = await emu.wait_for_message(group, text_contains="感谢把我加入「项目一组」")
    assert "置顶消息" in greeting.text  # the missing right is reported

    await emu.send_message(bob, group, "/setup")
    refusal = await emu.wait_for_message(group, text_contains="只有本群管理员")
    await emu.send_message(alice, group, "/setup")
    wizard = await emu.wait_for_message(group, text_contains="第 1 步", after=refusal.message_id)
    await emu.press_button(alice, wizard, "学员服务群")
    await emu.wait_for_message(group, text_contains="第 2 步")
    await emu.press_button(alice, emu.message(group, wizard.message_id), "Asia/Singapore")
    await emu.wait_for_message(group, text_contains="第 3 步")
    await emu.press_button(alice, emu.message(group, wizard.message_id), "English")
    summary = await emu.wait_for_message(group, text_contains="Setup complete")
    assert "Student-service group" in summary.text and "Asia/Singapore" in summary.text
    assert "Pin messages" in summary.text

    # The summary is on screen before its transaction commits: Bob's /rules (another sender,
    # so not queued behind Alice's press) could still read the group as Chinese. A person
    # cannot type that fast; the test waits until the bot is idle. (Flaky under load in CI.)
    await Walk(running).settled()
    await emu.send_message(bob, group, "/rules")
    rules = await emu.wait_for_message(group, text_contains='Rules of "项目一组"')
    assert "Personal attacks" in rules.text

    async with running.app.session_factory() as session:
        stored = await session.scalar(select(Group).where(Group.id == group.id))
    assert stored is not None and stored.kind == GroupKind.STUDENT_SERVICE
    assert stored.timezone == "Asia/Singapore" and stored.language == "en"


async def test_commands_are_registered_per_language(running: Running) -> None:
    calls = [c for c in running.emu.calls if c.method == "setMyCommands" and c.ok]
    languages = {c.params.get("language_code") for c in calls}
    assert {None, "zh", "en"} <= languages
    english = next(
        c for c in calls if c.params.get("language_code") == "en" and "setup" in str(c.params)
    )
    assert "Set up this group" in str(english.params["commands"])


async def test_forged_button_gets_a_polite_answer_and_changes_nothing(running: Running) -> None:
    emu, bot = running.emu, running.bot
    alice = emu.create_user(first_name="Alice", language_code="en")
    mallory = emu.create_user(first_name="Mallory", language_code="en")
    group = emu.create_group(title="Team", owner=alice, members=[mallory])
    await emu.add_bot_to_group(bot, group, by=alice, admin=True)
    await emu.send_message(alice, group, "/setup")
    wizard = await emu.wait_for_message(group, text_contains="第 1 步")
    answer = await (await emu.press_button(mallory, wizard, "项目组群")).answer(timeout=10)
    assert answer["text"] == "只有本群管理员可以这样做。" and answer.get("show_alert")
    assert "第 1 步" in emu.message(group, wizard.message_id).text
