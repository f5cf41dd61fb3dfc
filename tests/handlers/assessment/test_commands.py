"""/mystats, /leaderboard, /stats and /export through the real dispatcher, on the hand-counted
March of tests.organizer.assessment_reports.world; the clock is then set to the evening of
31 March in Shanghai, when every March activity has ended."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from openpyxl import load_workbook

from handlers.assessment import AssessmentCallback
from organizer.database import unit_of_work
from organizer.services import admins, groups
from organizer.services.admins import AdminEntry
from tests.handlers.conftest import Harness
from tests.organizer.assessment_reports.world import build
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP

OTHER_GROUP = -1009002
END_OF_MARCH = datetime(2026, 3, 31, 12, tzinfo=UTC)


async def world(session_factory, clock, **settings) -> None:
    await build(session_factory, clock.now(), **settings)
    clock.set(END_OF_MARCH)


def texts_to(harness: Harness, chat_id: int) -> list[str]:
    return [message.text for message in harness.messenger.sent if message.chat_id == chat_id]


def documents_to(harness: Harness, chat_id: int) -> list[str]:
    return [doc.filename for chat, doc in harness.messenger.documents if chat == chat_id]


async def test_mystats_in_private_explains_each_component(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/mystats", user_id=ANNA.id, lang="en")
    (text,) = texts_to(harness, ANNA.id)
    assert "Total <b>20.5</b> points, rank 1" in text
    assert "· Messages (counted under the daily cap, of 55 sent): 45 × 0.1 = 4.5" in text
    assert "项目一组" in text


async def test_mystats_in_group_answers_privately_when_possible(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/mystats 月", user_id=ANNA.id, chat_id=GROUP, lang="en")
    assert texts_to(harness, GROUP) == []
    assert "rank 1" in texts_to(harness, ANNA.id)[0]
    # Bo never started the bot: the answer is a reply in the group
    await harness.message("/mystats", user_id=BO.id, chat_id=GROUP, name="Bo")
    (text,) = texts_to(harness, GROUP)
    assert "总分 <b>11</b>，排名第 2" in text


async def test_leaderboard_public(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/leaderboard month", user_id=BO.id, chat_id=GROUP, name="Bo")
    (text,) = texts_to(harness, GROUP)
    assert text.splitlines()[1:] == [
        "前 4 名：", "1. Anna — 20.5", "2. Bo — 11", "3. 张 经理 — 5", "4. 77 — 2",
    ]  # fmt: skip
    assert text.splitlines()[0] == "🏆 <b>项目一组</b> — 月 2026-03-01 – 2026-03-31"


async def test_leaderboard_admins_only(harness, session_factory, clock):
    await world(session_factory, clock, leaderboard_public=False)
    await harness.message("/leaderboard", user_id=BO.id, chat_id=GROUP, name="Bo")
    assert texts_to(harness, GROUP) == ["本群排行榜仅管理员可见。"]
    await harness.message("/leaderboard", user_id=ADMIN.id, chat_id=GROUP)
    assert len(texts_to(harness, GROUP)) == 1
    (text,) = texts_to(harness, ADMIN.id)
    assert "1. Anna — 20.5" in text


async def test_stats_for_admins_with_chart(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/stats", user_id=ADMIN.id, chat_id=GROUP)
    (text,) = texts_to(harness, GROUP)
    assert "💬 消息：155" in text and "👥 成员：5，活跃 2（40%）" in text
    assert documents_to(harness, GROUP) == ["activity-2026-03-01.png"]
    png = harness.messenger.documents[0][1].data
    assert png.startswith(b"\x89PNG")


async def test_stats_refused_to_members(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/stats", user_id=BO.id, chat_id=GROUP, name="Bo")
    assert texts_to(harness, GROUP) == ["只有本群管理员可以使用。"]
    assert harness.messenger.documents == []
    await harness.message("/stats", user_id=BO.id, name="Bo")
    assert texts_to(harness, BO.id) == ["你不是我所在任何群的管理员。"]


async def test_bad_period_is_answered_precisely(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/stats year", user_id=ADMIN.id, chat_id=GROUP)
    assert texts_to(harness, GROUP) == [
        "“year”不是有效的周期：请用 周、月 或 季度（week、month、quarter）。"
    ]
    await harness.message("/leaderboard 年", user_id=ANNA.id, chat_id=GROUP, lang="en")
    assert texts_to(harness, GROUP)[-1].startswith("“年”")
    await harness.message("/mystats yearly", user_id=ANNA.id, lang="en")
    assert texts_to(harness, ANNA.id) == [
        "“yearly” is not a period: use week, month or quarter (周, 月, 季度)."
    ]


async def test_export_in_group_goes_privately(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/export 季度", user_id=ADMIN.id, chat_id=GROUP)
    assert texts_to(harness, GROUP) == ["已私聊发送导出文件。"]
    assert documents_to(harness, ADMIN.id) == [
        "assessment-quarter-2026-01-01.xlsx", "assessment-quarter-2026-01-01.csv",
    ]  # fmt: skip
    workbook = load_workbook(io.BytesIO(harness.messenger.documents[0][1].data))
    members = list(workbook["成员"].iter_rows(values_only=True))
    assert members[0][0] == "姓名"
    assert {row[0] for row in members[1:]} == {"Anna", "Bo", "张 经理", "77", "Approver", "Chen"}


async def test_export_refused_to_members(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/export", user_id=BO.id, chat_id=GROUP, name="Bo")
    assert texts_to(harness, GROUP) == ["只有本群管理员可以使用。"]
    assert harness.messenger.documents == []


async def test_export_in_private_one_group(harness, session_factory, clock):
    await world(session_factory, clock)
    await harness.message("/export week", user_id=ADMIN.id)
    assert documents_to(harness, ADMIN.id) == [
        "assessment-week-2026-03-30.xlsx", "assessment-week-2026-03-30.csv",
    ]  # fmt: skip


async def test_export_in_private_chooses_among_groups(harness, session_factory, clock):
    await world(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await groups.register(session, chat_id=OTHER_GROUP, title="项目二组",
                              default_timezone="Asia/Shanghai", default_language="zh",
                              now=clock.now())  # fmt: skip
        await admins.sync_group_admins(session, OTHER_GROUP, [AdminEntry(ADMIN)], now=clock.now())
    await harness.message("/export", user_id=ADMIN.id)
    (choice,) = [m for m in harness.messenger.sent if m.chat_id == ADMIN.id]
    assert choice.text == "哪个群？" and choice.keyboard is not None
    buttons = [row[0] for row in choice.keyboard]
    assert [b.text for b in buttons] == ["项目一组", "项目二组"]
    assert harness.messenger.documents == []
    data = AssessmentCallback(action="e", group=GROUP, kind="month").pack()
    assert buttons[0].callback_data == data
    # a member pressing a forged button gets nothing
    await harness.press(data, user_id=BO.id, chat_id=BO.id)
    assert harness.messenger.documents == []
    await harness.press(data, user_id=ADMIN.id, chat_id=ADMIN.id)
    assert documents_to(harness, ADMIN.id) == [
        "assessment-month-2026-03-01.xlsx", "assessment-month-2026-03-01.csv",
    ]  # fmt: skip
