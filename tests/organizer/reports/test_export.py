"""The attendance exports, read back the way HR's tools read them."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from organizer.reports import attendance_export_csv, attendance_export_xlsx
from tests.organizer.reports.factory import PRAISE, at, person, seminar

ZH_HEADERS = [
    "姓名",
    "@用户名",
    "报名",
    "签到时间（当地）",
    "迟到",
    "已填问卷",
    "总体",
    "内容",
    "组织",
    "做得好的",
    "需改进的",
]
EN_HEADERS = [
    "Name",
    "@username",
    "RSVP",
    "Checked in at (local time)",
    "Late",
    "Survey answered",
    "Overall",
    "Content",
    "Organisation",
    "What was good",
    "What to improve",
]


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_starts_with_a_byte_order_mark_for_excel() -> None:
    assert attendance_export_csv(seminar()).startswith(b"\xef\xbb\xbf")


def test_csv_has_a_row_per_attendee_in_the_order_given() -> None:
    rows = read_csv(attendance_export_csv(seminar()))
    assert rows[0] == ZH_HEADERS
    assert [row[0] for row in rows[1:]] == [
        "张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "周杰", "吴刚", "郑爽", "孙丽"
    ]  # fmt: skip
    assert rows[1] == ["张伟", "user1", "参加", "2026-03-02 08:55", "否", "是", "5", "5", "4",
                       PRAISE, "无"]  # fmt: skip
    assert rows[4] == ["刘洋", "user4", "参加", "2026-03-02 09:20", "是", "否", "", "", "", "", ""]
    assert rows[9] == ["吴刚", "user9", "不参加", "", "否", "否", "", "", "", "", ""]
    assert rows[7][2:6] == ["待定", "2026-03-02 09:02", "否", "是"]


def test_csv_in_english() -> None:
    rows = read_csv(attendance_export_csv(seminar(), language="en"))
    assert rows[0] == EN_HEADERS
    assert rows[4][:6] == ["刘洋", "user4", "going", "2026-03-02 09:20", "yes", "no"]
    assert rows[10][2] == "waitlist"


def test_csv_does_not_let_user_text_become_a_formula() -> None:
    attendees = (person(1, '=HYPERLINK("http://x")', "going", at(9, 0)), person(2, "-1+2", None))
    rows = read_csv(attendance_export_csv(seminar(attendees=attendees, answers=())))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert rows[2][0] == "'-1+2"
    assert rows[2][2] == "未报名"  # a walk-in who never answered


def test_xlsx_has_the_two_sheets_with_bold_frozen_headers_and_widths() -> None:
    workbook = load_workbook(io.BytesIO(attendance_export_xlsx(seminar())))
    assert workbook.sheetnames == ["Attendees", "Summary"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert all(cell.font.bold is not True for cell in sheet[2])
    attendees = workbook["Attendees"]
    assert [cell.value for cell in attendees[1]] == ZH_HEADERS
    widths = {letter: attendees.column_dimensions[letter].width for letter in "ADJ"}
    # "签到时间（当地）" is 8 wide characters; the praise is the longest good comment.
    assert widths["A"] == 8
    assert widths["D"] == 18
    assert widths["J"] == min(2 * len(PRAISE) + 2, 60)


def test_xlsx_attendee_rows_are_typed() -> None:
    attendees = load_workbook(io.BytesIO(attendance_export_xlsx(seminar())))["Attendees"]
    assert attendees.max_row == 12
    first = [cell.value for cell in attendees[2]]
    assert first == ["张伟", "@user1", "参加", datetime(2026, 3, 2, 8, 55), False, True, 5, 5, 4,
                     PRAISE, "无"]  # fmt: skip
    checked_in = attendees["D2"]
    assert checked_in.is_date and checked_in.value.tzinfo is None
    assert checked_in.number_format == "yyyy-mm-dd hh:mm"
    assert isinstance(attendees["E2"].value, bool) and isinstance(attendees["G2"].value, int)
    late = [cell.value for cell in attendees[5]]
    assert late == ["刘洋", "@user4", "参加", datetime(2026, 3, 2, 9, 20), True, False, None,
                    None, None, None, None]  # fmt: skip
    no_show = [cell.value for cell in attendees[6]]
    assert no_show[3:6] == [None, False, False]


def test_xlsx_keeps_formula_like_text_as_text_and_drops_control_characters() -> None:
    attendees = (person(1, "=1+1", "going", at(9, 0)), person(2, "bell\x07name", "maybe"))
    sheet = load_workbook(io.BytesIO(attendance_export_xlsx(seminar(attendees=attendees))))[
        "Attendees"
    ]
    assert sheet["A2"].value == "=1+1"
    assert sheet["A2"].data_type == "s"
    assert sheet["A3"].value == "bellname"


def test_xlsx_summary_sheet_has_the_key_figures_typed() -> None:
    sheet = load_workbook(io.BytesIO(attendance_export_xlsx(seminar())))["Summary"]
    assert [cell.value for cell in sheet[1]] == ["项目", "数值"]
    figures = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}
    assert figures["活动"].value == "季度案例研讨 <第 3 期>"
    assert figures["类型"].value == "专题研讨"
    assert figures["开始时间（当地）"].value == datetime(2026, 3, 2, 9, 0)
    assert figures["结束时间（当地）"].value == datetime(2026, 3, 2, 11, 0)
    assert figures["时区"].value == "Asia/Shanghai"
    counts = {label: figures[label].value for label in
              ("名额", "报名参加", "待定", "不参加", "候补", "签到人数", "迟到人数", "缺席人数",
               "问卷发出", "问卷收回")}  # fmt: skip
    assert counts == {"名额": 20, "报名参加": 6, "待定": 2, "不参加": 1, "候补": 2, "签到人数": 5,
                      "迟到人数": 1, "缺席人数": 2, "问卷发出": 5, "问卷收回": 4}  # fmt: skip
    assert figures["缺席率"].value == pytest.approx(2 / 6)
    assert figures["出勤率"].value == pytest.approx(5 / 6)
    assert figures["回收率"].value == pytest.approx(0.8)
    assert figures["缺席率"].number_format == "0%"
    assert figures["平均分：总体"].value == pytest.approx(3.75)
    assert figures["平均分：内容"].value == pytest.approx(4.0)
    assert figures["平均分：组织"].value == pytest.approx(3.5)
    assert figures["平均分：总体"].number_format == "0.0"


def test_xlsx_summary_leaves_unknown_figures_empty() -> None:
    facts = seminar(attendees=(), answers=(), surveys_sent=0, capacity=None)
    sheet = load_workbook(io.BytesIO(attendance_export_xlsx(facts, language="en")))["Summary"]
    figures = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
    assert figures["Capacity"] is None
    assert figures["No-show rate"] is None
    assert figures["Average: overall"] is None
    assert figures["Checked in"] == 0
