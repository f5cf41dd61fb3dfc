from handlers.members.lost import LostCallback
from organizer.database import unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups, users
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import GROUP_ID

ADMIN, OWNER_OF_LOST, OTHER_ACCOUNT, STRANGER = 301, 302, 303, 304


async def _world(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="项目一组", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        await users.mark_started(
            session, TelegramProfile(id=ADMIN, first_name="Ada"), now=clock.now()
        )
        other = TelegramProfile(id=OTHER_ACCOUNT, first_name="Zoe", username="zoe_alt")
        for profile, role in (
            (TelegramProfile(id=ADMIN, first_name="Ada"), MemberRole.ADMIN),
            (TelegramProfile(id=OWNER_OF_LOST, first_name="Zoe"), MemberRole.MEMBER),
            (other, MemberRole.MEMBER),
        ):
            await admins.record_member_status(
                session, GROUP_ID, profile, status=MemberStatus.ACTIVE, role=role, now=clock.now()
            )


async def test_other_account_reported_and_restricted_everywhere(
    harness, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    harness.session.answers["RestrictChatMember"] = True
    await harness.message("/lost", user_id=OWNER_OF_LOST)
    assert [b.text for row in harness.messenger.sent[-1].keyboard for b in row] == [
        "就是这个账号", "我的另一个账号",
    ]  # fmt: skip
    await harness.press(
        LostCallback(action="other", value=0).pack(), user_id=OWNER_OF_LOST, chat_id=OWNER_OF_LOST
    )
    await harness.message("@nobody_here", user_id=OWNER_OF_LOST)
    assert harness.messenger.sent[-1].text.startswith("我不认识 @nobody_here")
    await harness.message("@zoe_alt", user_id=OWNER_OF_LOST)

    [alert] = [m for m in harness.messenger.sent if m.chat_id == ADMIN]
    assert "账号安全警报" in alert.text and "@zoe_alt" in alert.text and "项目一组" in alert.text
    assert harness.messenger.texts_to(OWNER_OF_LOST)[-1].startswith("已记录")
    restrict = alert.keyboard[0][0].callback_data

    await harness.press(restrict, user_id=STRANGER, chat_id=STRANGER)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await harness.press(restrict, user_id=ADMIN, chat_id=ADMIN)
    [call] = harness.session.called("RestrictChatMember")
    assert (call.chat_id, call.user_id) == (GROUP_ID, OTHER_ACCOUNT)
    assert call.permissions.can_send_messages is False
    assert harness.alerts()[-1] == "已由 Ada 在 1 个群限制该账号。"
    await harness.press(restrict, user_id=ADMIN, chat_id=ADMIN)
    assert harness.alerts()[-1] == "该账号已由 Ada 限制。"
    assert len(harness.session.called("RestrictChatMember")) == 1
