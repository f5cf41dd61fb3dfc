"""/attendance through the real dispatcher: the organizer (or an admin) opens an activity's
roster and marks members present or absent; rights are re-checked on every press, and forged
or stale data is refused without a change."""

from __future__ import annotations

from datetime import timedelta

from handlers.activity_flow.callbacks import (
    AttendanceActivityCallback,
    AttendanceMarkCallback,
    ExportsCallback,
)
from organizer.database import unit_of_work
from organizer.models import RsvpStatus
from organizer.services import admins
from organizer.services.admins import AdminEntry
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import ORG_ADMIN
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    END,
    GROUP,
    ORGANIZER,
    START,
    Member,
    answer,
    attend,
    attendance_rows,
    world,
)

MEMBERS = [Member(ANNA), Member(BORIS), Member(CHEN)]


async def _session_under_way(session_factory, clock) -> int:
    activity_id = await world(session_factory, clock.now(), MEMBERS)
    choices = {ANNA: RsvpStatus.GOING, BORIS: RsvpStatus.GOING}
    await answer(session_factory, activity_id, choices, clock.now())
    await attend(session_factory, activity_id, ANNA, START + timedelta(minutes=12), late=True)
    clock.set(START + timedelta(minutes=40))
    return activity_id


def _mark(activity_id: int, user_id: int, present: int) -> str:
    return AttendanceMarkCallback(activity_id=activity_id, user_id=user_id, present=present).pack()


def _open(activity_id: int) -> str:
    return AttendanceActivityCallback(activity_id=activity_id).pack()


async def test_organizer_lists_opens_and_marks(harness, session_factory, clock) -> None:
    activity_id = await _session_under_way(session_factory, clock)
    await harness.message("/attendance", user_id=ORGANIZER)
    [listing] = harness.messenger.sent
    assert listing.text == "请选择活动："
    assert [b.callback_data for row in listing.keyboard for b in row] == [_open(activity_id)]
    assert listing.keyboard[0][0].text == "03-04 19:30 · Course design review"

    await harness.press(_open(activity_id), user_id=ORGANIZER, chat_id=ORGANIZER)
    _, _, roster, keyboard = harness.messenger.edits[-1]
    assert "出席：1 / 2 · 迟到：1" in roster and "🔑 签到码：<b>" in roster
    labels = [row[0].text for row in keyboard]
    assert labels == ["✅ Anna （迟到）", "⬜ Boris", "« 全部活动"]
    assert keyboard[1][0].callback_data == _mark(activity_id, BORIS, 1)

    await harness.press(_mark(activity_id, BORIS, 1), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(_mark(activity_id, ANNA, 0), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert harness.alerts()[-2:] == ["已标记为出席。", "已标记为缺席。"]
    rows = await attendance_rows(session_factory, activity_id)
    assert (rows[BORIS].present, rows[BORIS].method, rows[BORIS].marked_by) == (
        True, "admin", ORGANIZER,
    )  # fmt: skip
    assert rows[BORIS].checked_in_at == START  # marked present: counted from the start
    assert rows[ANNA].present is False and rows[ANNA].checked_in_at is not None
    assert [row[0].text for row in harness.messenger.edits[-1][3]][:2] == ["⬜ Anna", "✅ Boris"]


async def test_a_member_cannot_mark_attendance(harness, session_factory, clock) -> None:
    activity_id = await _session_under_way(session_factory, clock)
    await harness.message("/attendance", user_id=BORIS)
    assert harness.messenger.texts_to(BORIS)[0].startswith("您近期没有可管理的活动")
    # Buttons copied from the organizer's chat, or forged: refused, nothing changes.
    await harness.press(_open(activity_id), user_id=BORIS, chat_id=BORIS)
    await harness.press(_mark(activity_id, BORIS, 1), user_id=BORIS, chat_id=BORIS)
    refused = "只有本活动的组织者或群管理员可以这样做。"
    assert harness.alerts() == [refused, refused]
    assert BORIS not in await attendance_rows(session_factory, activity_id)
    assert harness.messenger.edits == []


async def test_forged_member_or_value_is_refused(harness, session_factory, clock) -> None:
    activity_id = await _session_under_way(session_factory, clock)
    await harness.press(_mark(activity_id, CHEN, 1), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(_mark(activity_id, BORIS, 7), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(_mark(activity_id + 50, BORIS, 1), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert harness.alerts() == [
        "该成员既未报名也未签到；请发送 /attendance 刷新列表。",
        "此按钮已失效，请重新发送命令。",
        "此按钮已失效，请重新发送命令。",
    ]
    assert set(await attendance_rows(session_factory, activity_id)) == {ANNA}


async def test_rights_are_checked_again_on_every_press(harness, session_factory, clock) -> None:
    activity_id = await _session_under_way(session_factory, clock)
    boris = AdminEntry(TelegramProfile(id=BORIS, first_name="Boris"))
    async with unit_of_work(session_factory) as session:
        await admins.sync_group_admins(session, GROUP, [boris], now=clock.now())
    await harness.press(_mark(activity_id, ANNA, 0), user_id=BORIS, chat_id=BORIS)
    assert harness.alerts() == ["已标记为缺席。"]
    async with unit_of_work(session_factory) as session:  # Boris is no longer an admin
        await admins.sync_group_admins(session, GROUP, [], now=clock.now())
    await harness.press(_mark(activity_id, ANNA, 1), user_id=BORIS, chat_id=BORIS)
    assert harness.alerts()[-1] == "只有本活动的组织者或群管理员可以这样做。"
    assert (await attendance_rows(session_factory, activity_id))[ANNA].present is False


async def test_org_admin_gets_the_exports_after_the_end(harness, session_factory, clock) -> None:
    activity_id = await _session_under_way(session_factory, clock)
    exports = ExportsCallback(activity_id=activity_id).pack()
    await harness.press(exports, user_id=ORG_ADMIN, chat_id=ORG_ADMIN)
    assert harness.alerts() == ["活动结束后才能获取总结和导出文件。"]
    clock.set(END + timedelta(minutes=5))
    await harness.press(exports, user_id=ORG_ADMIN, chat_id=ORG_ADMIN)
    assert harness.messenger.texts_to(ORG_ADMIN)[0].startswith("📊 <b>活动总结｜")
    names = [document.filename for _, document in harness.messenger.documents]
    assert [name.rsplit(".", 1)[1] for name in names] == ["png", "csv", "xlsx"]


async def test_attendance_in_the_group_points_to_private(harness, session_factory, clock):
    await _session_under_way(session_factory, clock)
    await harness.message("/attendance", user_id=ORGANIZER, chat_id=GROUP)
    assert harness.messenger.texts_to(GROUP) == ["请在与我的私聊中使用 /attendance。"]
