from organizer.messenger import OutboundText
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups, notify, users
from organizer.services.admins import AdminEntry
from organizer.services.users import TelegramProfile
from tests.fakes import RecordingMessenger

GROUP = -1005555
OWNER = TelegramProfile(id=1, first_name="Owner")
ADMIN = TelegramProfile(id=2, first_name="Admin")
MEMBER = TelegramProfile(id=3, first_name="Member")


async def _group(session, clock) -> None:
    await groups.register(
        session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai", default_language="zh",
        now=clock.now(),
    )  # fmt: skip


async def test_sync_promotes_and_demotes(session, clock) -> None:
    await _group(session, clock)
    first = await admins.sync_group_admins(
        session, GROUP, [AdminEntry(OWNER, is_owner=True), AdminEntry(ADMIN)], now=clock.now()
    )
    assert first.promoted == {1, 2} and not first.demoted
    assert await admins.is_group_admin(session, GROUP, 2)
    second = await admins.sync_group_admins(
        session, GROUP, [AdminEntry(OWNER, is_owner=True)], now=clock.now()
    )
    assert second.demoted == {2} and not second.promoted
    assert not await admins.is_group_admin(session, GROUP, 2)
    assert await admins.is_group_admin(session, GROUP, 2, org_admin_ids=[2])
    assert await admins.administered_group_ids(session, 1) == [GROUP]


async def test_member_status_changes_are_recorded(session, clock) -> None:
    await _group(session, clock)
    kwargs = {"now": clock.now()}
    await admins.record_member_status(
        session, GROUP, MEMBER, status=MemberStatus.ACTIVE, role=MemberRole.ADMIN, **kwargs
    )
    assert await admins.is_group_admin(session, GROUP, 3)
    await admins.record_member_status(
        session, GROUP, MEMBER, status=MemberStatus.LEFT, role=MemberRole.MEMBER, **kwargs
    )
    assert not await admins.is_group_admin(session, GROUP, 3)


def test_missing_rights() -> None:
    assert admins.missing_rights(None) == list(admins.REQUIRED_BOT_RIGHTS)
    rights = dict.fromkeys(admins.REQUIRED_BOT_RIGHTS, True) | {"can_pin_messages": False}
    assert admins.missing_rights(rights) == ["can_pin_messages"]


async def test_private_message_falls_back_to_a_mention_and_remembers(session, clock) -> None:
    await _group(session, clock)
    await users.mark_started(session, MEMBER, now=clock.now())
    messenger = RecordingMessenger(unreachable={3})
    group_text = f"{notify.mention(3, 'Member <3>')}: reminder"
    first = await notify.private_or_mention(
        session, messenger, user_id=3, text="reminder", group_id=GROUP, group_text=group_text,
        now=clock.now(),
    )  # fmt: skip
    assert not first.private and first.chat_id == GROUP
    assert messenger.texts_to(GROUP) == ['<a href="tg://user?id=3">Member &lt;3&gt;</a>: reminder']
    info = await users.get(session, 3)
    assert info is not None and not info.can_message_privately
    messenger.unreachable.clear()  # would work now, but the bot knows better than to try first
    second = await notify.private_or_mention(
        session, messenger, user_id=3, text="again", group_id=GROUP, group_text="@m again",
        now=clock.now(),
    )  # fmt: skip
    assert not second.private and messenger.texts_to(3) == []


async def test_reachable_member_is_messaged_privately(session, clock) -> None:
    await _group(session, clock)
    await users.mark_started(session, ADMIN, now=clock.now())
    messenger = RecordingMessenger()
    delivery = await notify.private_or_mention(
        session, messenger, user_id=2, text="hi", group_id=GROUP, group_text="x", now=clock.now()
    )
    assert delivery.private and messenger.sent == [
        OutboundText(2, "hi", priority=messenger.sent[0].priority)
    ]
