"""A month of activity end to end against the emulator with an injected clock: members chat and
share in March (a share is replied to, reacted to and featured); the admin gets the daily
digest; on 31 March the admins get the commendation list in advance, and on 1 April the
commendation is posted in the group."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.members.tracking import TRACKER_KEY
from organizer.database import unit_of_work
from organizer.models import MemberRole, MemberStatus
from organizer.services import admins, groups
from organizer.services.users import TelegramProfile
from scheduler.jobs import member_jobs
from tests.e2e.conftest import Running, Walk


async def _flush(running: Running) -> None:
    """What the 30-second activity flush does (its timer runs on real time, not the test's)."""
    app = running.app
    await member_jobs.flush_activity(
        app.dispatcher[TRACKER_KEY], app.session_factory, app.messenger, app.catalogue
    )


async def test_a_month_of_activity_to_digest_and_commendation(lively: Running) -> None:
    emu, clock = lively.emu, lively.clock
    walk = Walk(lively)
    ada = emu.create_user("Ada", username="ada", language_code="zh")
    bob = emu.create_user("Bob", username="bob", language_code="zh")
    cai = emu.create_user("Cai", username="cai", language_code="zh")
    group = emu.create_group("项目一组", owner=ada, members=[bob, cai])
    await emu.add_bot_to_group(lively.bot, group, by=ada, admin=True)
    await emu.wait_for_message(group, text_contains="感谢把我加入")
    for person in (ada, bob, cai):
        await walk.say(person, person, "/start", "您好")
    await walk.settled()
    async with unit_of_work(lively.app.session_factory) as session:
        await groups.complete_setup(session, group.id, now=clock.now())
        for member in (bob, cai):  # known as members (they were there before the bot)
            await admins.record_member_status(
                session, group.id, TelegramProfile(id=member.id, first_name=member.first_name),
                status=MemberStatus.ACTIVE, role=MemberRole.MEMBER, now=clock.now(),
            )  # fmt: skip

    # The first digest (01:00 UTC, 09:00 in Shanghai) reaches the admin privately.
    clock.set(datetime(2026, 3, 3, 1, 0, 30, tzinfo=UTC))
    await emu.wait_for_message(ada, text_contains="管理员摘要：项目一组", timeout=15)

    # March: Bob speaks on five days and shares a document; Cai says one thing.
    for day in range(5):
        clock.set(datetime(2026, 3, 5 + day, 3, 0, tzinfo=UTC))
        await emu.send_message(bob, group, f"第{day + 1}天的进展已经更新在共享文档里了")
        await walk.settled()
    share = await emu.send_message(bob, group, "#资料 新员工培训课件 第二版")
    await walk.settled()
    # Cai replies to the share and reacts to it; the admin features it (by reply).
    await emu.send_message(cai, group, "收到，谢谢", reply_to=share)
    await emu.react(cai, share, ["👍"])
    await emu.send_message(ada, group, "/feature", reply_to=share)
    await emu.wait_for_message(group, text_contains="标为精选", timeout=15)
    await walk.settled()
    await _flush(lively)

    # 31 March: the list goes to the admins in advance; 1 April: the post in the group.
    clock.set(datetime(2026, 3, 31, 2, 0, 30, tzinfo=UTC))
    preview = await emu.wait_for_message(ada, text_contains="表彰名单", timeout=15)
    assert "Bob" in preview.text and "本月跳过" in preview.buttons[-1]
    clock.set(datetime(2026, 4, 1, 2, 0, 30, tzinfo=UTC))
    post = await emu.wait_for_message(group, text_contains="贡献之星", timeout=15)
    assert "Bob" in post.text and "Cai" in post.text and "Ada" not in post.text
    # Bob: 5 days active + 6 messages × 0.1 + one share × 2 + Cai's reply 0.5 and reaction
    # 0.5 to it + featured 5; Cai: 1 day + 1 message × 0.1.
    assert "Bob — 13.6" in post.text and "Cai — 1.1" in post.text
    assert post.text.index("Bob") < post.text.index("Cai")
