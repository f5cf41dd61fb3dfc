"""The HR export opened with openpyxl and checked cell by cell against the hand-built March."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import update

from organizer.database import unit_of_work
from organizer.models import Group
from organizer.reports.assessment_export import export_csv, export_workbook
from tests.organizer.assessment_reports.world import MARCH, build
from tests.organizer.members.fixtures import GROUP

ZH_MEMBER_HEADER = [
    "姓名", "用户名", "成员类型", "部门",
    "活跃天数", "消息数", "已确认通知", "分享数", "分享获回复", "分享获点赞", "精选分享",
    "回答问题", "最佳答案", "违规扣分", "确认群规",
    "参加活动", "缺席", "填写问卷", "组织活动",
    "参与度", "分享", "答疑", "合规", "活动", "总分", "排名",
]  # fmt: skip
Z15 = [0] * 15  # one per indicator
Z5 = [0] * 5
MEMBERS = [
    ["Anna", "@anna_li", "员工", "研发部", 3, 45, 2, 2, 0, 0, 0, 2, 1, 4, 1, 1, 1, 1, 0,
     9.5, 4, 7, -2, 2, 20.5, 1],
    ["Bo", "@=bo", "合作伙伴", None, 1, 30, 0, 1, 0, 0, 0, 1, 0, 5, 0, 1, 0, 0, 1,
     4, 2, 2, -5, 8, 11, 2],
    ["张 经理", None, "未知", None, *Z15[:14], 1, 0, 0, 0, 0, 5, 5, 3],
    ["77", None, "未知", None, 0, 0, 0, 1, *Z15[:11], 0, 2, 0, 0, 0, 2, 4],
    ["Approver", None, "学员", None, *Z15, *Z5, 0, 5],
    ["Chen", None, "未知", None, *Z15, *Z5, 0, 5],
]  # fmt: skip


def _values(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


async def test_workbook_cell_by_cell(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        data = await export_workbook(session, GROUP, MARCH)
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["成员", "违规", "活动"]

    members = workbook["成员"]
    assert _values(members) == [ZH_MEMBER_HEADER, *MEMBERS]
    assert members["B3"].data_type == "s"  # "@=bo" stays text, not a formula
    assert members.freeze_panes == "A2"

    violations = workbook["违规"]
    assert _values(violations) == [
        ["日期", "成员", "规则", "类别", "章程条款", "处理", "已撤销"],
        [datetime(2026, 3, 4, 12), "Anna", "x.advertising", "advertising", None, "warn", "否"],
        [datetime(2026, 3, 5, 12), "Anna", "x.flooding", "flooding", None, "warn", "否"],
        [datetime(2026, 3, 6, 12), "Anna", "x.illegal", "illegal", None, "warn", "是"],
        [datetime(2026, 3, 7, 12), "Bo", "x.abuse", "abuse", None, "warn", "否"],
    ]
    assert violations["A2"].number_format == "yyyy-mm-dd hh:mm"

    activities = workbook["活动"]
    assert _values(activities) == [
        ["标题", "开始时间", "组织者", "报名参加", "已签到", "缺席", "平均评分"],
        ["A1", datetime(2026, 3, 10, 10), "Bo", 1, 1, 0, 5],
        ["A2", datetime(2026, 3, 20, 10), "张 经理", 2, 1, 1, None],
    ]


async def test_workbook_in_english(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with unit_of_work(session_factory) as session:
        await session.execute(update(Group).where(Group.id == GROUP).values(language="en"))
    async with session_factory() as session:
        workbook = load_workbook(io.BytesIO(await export_workbook(session, GROUP, MARCH)))
    assert workbook.sheetnames == ["Members", "Violations", "Activities"]
    members = _values(workbook["Members"])
    assert members[0][:5] == ["Name", "Username", "Member type", "Department", "Days active"]
    assert members[0][-2:] == ["Total", "Rank"]
    assert [row[2] for row in members[1:]] == [
        "Employee", "Partner", "Unknown", "Unknown", "Student", "Unknown",
    ]  # fmt: skip
    assert _values(workbook["Violations"])[3][-1] == "yes"


async def test_csv(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        data = await export_csv(session, GROUP, MARCH)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ZH_MEMBER_HEADER
    assert rows[1] == [
        "Anna", "anna_li", "员工", "研发部", "3", "45", "2", "2", "0", "0", "0", "2", "1", "4",
        "1", "1", "1", "1", "0", "9.5", "4.0", "7.0", "-2.0", "2.0", "20.5", "1",
    ]  # fmt: skip
    assert rows[2][:4] == ["Bo", "'=bo", "合作伙伴", ""]  # no formula from a username
    assert [row[0] for row in rows[1:]] == ["Anna", "Bo", "张 经理", "77", "Approver", "Chen"]
