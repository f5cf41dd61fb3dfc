from handlers.callbacks import SetupCallback
from organizer.models import GroupKind
from organizer.services import groups
from tests.handlers.conftest import BOT_ID, GROUP_ID, ORG_ADMIN, admin_json, user_json

OWNER, MEMBER = 100, 101


def cb(step: str, value: str) -> str:
    return SetupCallback(step=step, value=value).pack()


def script_group(harness, *, bot_rights: dict | None) -> None:
    harness.session.answers["GetChatAdministrators"] = [admin_json(OWNER, owner=True)]
    if bot_rights is None:
        bot_member = {"status": "member", "user": {**user_json(BOT_ID), "is_bot": True}}
    else:
        bot_member = {
            **admin_json(BOT_ID, **bot_rights),
            "user": {**user_json(BOT_ID), "is_bot": True},
        }
    harness.session.answers["GetChatMember"] = bot_member


async def stored(session_factory):
    async with session_factory() as session:
        return await groups.get(session, GROUP_ID)


async def test_setup_walks_kind_timezone_language_and_reports_missing_rights(
    harness, session_factory
) -> None:
    script_group(harness, bot_rights={"can_pin_messages": False})
    await harness.message("/setup", user_id=OWNER, chat_id=GROUP_ID)
    first = harness.messenger.sent[-1]
    assert "第 1 步" in first.text
    assert [row[0].text for row in first.keyboard] == ["项目组群", "学员服务群", "行业交流群"]

    await harness.press(cb("kind", "student_service"), user_id=OWNER, chat_id=GROUP_ID)
    assert "第 2 步" in harness.messenger.edits[-1][2]
    await harness.press(cb("tz", "4"), user_id=OWNER, chat_id=GROUP_ID)  # Asia/Tokyo
    assert "第 3 步" in harness.messenger.edits[-1][2]
    await harness.press(cb("lang", "en"), user_id=OWNER, chat_id=GROUP_ID)

    summary = harness.messenger.edits[-1][2]
    assert "Setup complete" in summary and "Student-service group" in summary
    assert "Asia/Tokyo (local time 2026-03-02 10:00)" in summary
    assert "Pin messages" in summary and "Delete messages" not in summary
    group = await stored(session_factory)
    assert group.kind is GroupKind.STUDENT_SERVICE and group.timezone == "Asia/Tokyo"
    assert group.language == "en" and group.is_set_up


async def test_setup_by_a_non_admin_is_refused(harness, session_factory) -> None:
    script_group(harness, bot_rights={})
    await harness.message("/setup", user_id=MEMBER, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == "只有本群管理员可以这样做。"
    await harness.press(cb("kind", "project"), user_id=MEMBER, chat_id=GROUP_ID)
    assert harness.alerts() == ["只有本群管理员可以这样做。"]
    assert (await stored(session_factory)).kind is None


async def test_org_admin_may_set_up_any_group(harness) -> None:
    script_group(harness, bot_rights={})
    await harness.message("/setup", user_id=ORG_ADMIN, chat_id=GROUP_ID)
    assert "第 1 步" in harness.messenger.sent[-1].text


async def test_forged_values_change_nothing(harness, session_factory) -> None:
    script_group(harness, bot_rights={})
    await harness.message("/setup", user_id=OWNER, chat_id=GROUP_ID)
    for data in (
        cb("kind", "party"),
        cb("tz", "99"),
        cb("tz", "-1"),
        cb("lang", "fr"),
        cb("x", "1"),
    ):
        await harness.press(data, user_id=OWNER, chat_id=GROUP_ID)
    assert harness.alerts() == ["这个按钮已失效，请重新发送命令。"] * 5
    group = await stored(session_factory)
    assert (group.kind, group.timezone, group.language) == (None, "Asia/Shanghai", "zh")


async def test_button_for_a_group_the_bot_does_not_know(harness) -> None:
    await harness.press(cb("kind", "project"), user_id=OWNER, chat_id=-100777)
    assert harness.alerts() == [harness.catalogue.text("zh", "error-group-unknown")]


async def test_typed_timezone_is_validated_and_kept_asking(harness, session_factory) -> None:
    script_group(harness, bot_rights=None)
    await harness.message("/setup", user_id=OWNER, chat_id=GROUP_ID)
    await harness.press(cb("kind", "project"), user_id=OWNER, chat_id=GROUP_ID)
    await harness.press(cb("tz", "other"), user_id=OWNER, chat_id=GROUP_ID)
    assert "Asia/Tokyo" in harness.messenger.sent[-1].text
    await harness.message("Beijing <time>", user_id=OWNER, chat_id=GROUP_ID)
    assert "「Beijing &lt;time&gt;」不是有效的时区名称" in harness.messenger.sent[-1].text
    await harness.message("America/Sao_Paulo", user_id=OWNER, chat_id=GROUP_ID)
    assert "第 3 步" in harness.messenger.sent[-1].text
    assert (await stored(session_factory)).timezone == "America/Sao_Paulo"
    await harness.press(cb("lang", "zh"), user_id=OWNER, chat_id=GROUP_ID)
    summary = harness.messenger.edits[-1][2]
    assert "我还不是本群管理员" in summary and "置顶消息" in summary


async def test_bot_added_to_a_group_registers_it_and_explains_next_steps(
    harness, session_factory
) -> None:
    script_group(harness, bot_rights={})
    bot_user = {**user_json(BOT_ID), "is_bot": True}
    await harness.feed({
        "my_chat_member": {
            "chat": {"id": GROUP_ID, "type": "supergroup", "title": "新群"},
            "from": user_json(OWNER), "date": 1767225600,
            "old_chat_member": {"status": "left", "user": bot_user},
            "new_chat_member": {**admin_json(BOT_ID), "user": bot_user},
        }
    })  # fmt: skip
    text = harness.messenger.sent[-1].text
    assert "感谢把我加入「新群」" in text and "/setup" in text and "全部管理权限" in text
    group = await stored(session_factory)
    assert group is not None and group.bot_is_member and group.title == "新群"
