"""`activity.survey_close` through the real runner: the summary with the right figures in the
group, the organizer's copy with the chart and the exports, a comparison with the previous
activity of the same kind, and the activity completed."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from openpyxl import load_workbook

from organizer.database import unit_of_work
from organizer.models import ActivityStatus, RsvpStatus
from organizer.services import activity_lifecycle, scheduled_actions
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    DANA,
    END,
    EVA,
    GROUP,
    ORGANIZER,
    START,
    Member,
    activity_row,
    answer,
    attend,
    publish,
    respond,
    set_activity,
    world,
)

MEMBERS = [Member(ANNA), Member(BORIS), Member(CHEN, started=False), Member(DANA), Member(EVA)]
RSVPS = {
    ANNA: RsvpStatus.GOING,
    BORIS: RsvpStatus.GOING,
    CHEN: RsvpStatus.GOING,
    DANA: RsvpStatus.MAYBE,
    EVA: RsvpStatus.NO,
}


async def _previous_seminar(session_factory, clock) -> None:
    """A week earlier: 2 going, 1 came, who rated it 3 overall; completed."""
    start = START - timedelta(days=7)
    async with unit_of_work(session_factory) as session:
        previous = await publish(session, clock.now(), start=start, end=start + timedelta(hours=2))
        await scheduled_actions.cancel(
            session, dedupe_prefix=activity_lifecycle.dedupe_prefix(previous)
        )
    await set_activity(session_factory, previous, status=ActivityStatus.PUBLISHED)
    week_before = start - timedelta(days=1)
    await answer(session_factory, previous, {ANNA: RsvpStatus.GOING}, week_before)
    await answer(session_factory, previous, {BORIS: RsvpStatus.GOING}, week_before)
    await attend(session_factory, previous, ANNA, start)
    await respond(session_factory, previous, ANNA, start, overall=3, content=3, organisation=3)
    await set_activity(session_factory, previous, status=ActivityStatus.COMPLETED)


async def _closed_session(session_factory, clock, runner) -> int:
    activity_id = await world(session_factory, clock.now(), MEMBERS, reminders=())
    await _previous_seminar(session_factory, clock)
    await answer(session_factory, activity_id, RSVPS, clock.now())
    await attend(session_factory, activity_id, ANNA, START)
    await attend(session_factory, activity_id, CHEN, START + timedelta(minutes=20), late=True)
    await attend(session_factory, activity_id, DANA, START)
    clock.set(END)
    await runner.run_until_idle()  # the survey goes to Anna, Chen and Dana
    later = END + timedelta(hours=2)
    await respond(
        session_factory, activity_id, ANNA, later, overall=5, content=4, organisation=5,
        good="讲师准备充分，案例贴近工作", improve="时间再长一点",
    )  # fmt: skip
    await respond(session_factory, activity_id, DANA, later, overall=3, content=3, organisation=4)
    await set_activity(session_factory, activity_id, organizer_notes="资料见群文件")
    clock.set(END + timedelta(hours=48))
    await runner.run_until_idle()
    return activity_id


async def test_summary_in_the_group_has_the_figures(session_factory, clock, runner, messenger):
    await _closed_session(session_factory, clock, runner)
    [survey_mention, summary] = messenger.texts_to(GROUP)
    assert "survey_" in survey_mention
    assert "参加 3 · 待定 1 · 不参加 1 · 候补 0" in summary
    assert "签到 3 人，其中迟到 1 人；出勤率 100%" in summary
    assert "报名参加但未签到 1 人，缺席率 33%" in summary
    assert "收回 2 / 3 份，回收率 67%" in summary
    assert "总体 4.0 · 内容 3.5 · 组织 4.5" in summary
    assert "与此前 1 次同类活动相比</b>：更好" in summary
    assert "讲师准备充分，案例贴近工作" in summary and "时间再长一点" in summary
    assert "资料见群文件" in summary


async def test_organizer_gets_the_summary_chart_and_exports(
    session_factory, clock, runner, messenger
) -> None:
    activity_id = await _closed_session(session_factory, clock, runner)
    code, private = messenger.texts_to(ORGANIZER)  # the check-in code, then the summary
    assert code.startswith("🔑") and private.startswith("📊 <b>活动总结｜Course design review</b>")
    files = {document.filename: document for chat, document in messenger.documents}
    assert {chat for chat, _ in messenger.documents} == {ORGANIZER}
    assert set(files) == {
        f"summary-{activity_id}.png",
        f"attendance-{activity_id}.csv",
        f"attendance-{activity_id}.xlsx",
    }
    assert files[f"summary-{activity_id}.png"].data.startswith(b"\x89PNG\r\n\x1a\n")
    exported = files[f"attendance-{activity_id}.csv"].data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported)))
    assert [row[0] for row in rows[1:]] == ["Anna", "Boris", "Chen", "Dana", "Eva"]
    workbook = load_workbook(io.BytesIO(files[f"attendance-{activity_id}.xlsx"].data))
    assert workbook.sheetnames == ["Attendees", "Summary"]


async def test_closing_completes_the_activity(session_factory, clock, runner, messenger):
    activity_id = await _closed_session(session_factory, clock, runner)
    row = await activity_row(session_factory, activity_id)
    assert row.status == ActivityStatus.COMPLETED
    assert row.summary_posted_at == END + timedelta(hours=48)


async def test_unreachable_organizer_is_mentioned_after_the_summary(
    session_factory, clock, runner, messenger
) -> None:
    messenger.unreachable.add(ORGANIZER)
    await _closed_session(session_factory, clock, runner)
    summary, mention = messenger.texts_to(GROUP)[-2:]
    assert summary.startswith("📊")
    assert "tg://user?id=800" in mention and "/attendance" in mention
    assert messenger.documents == []


async def test_a_cancelled_activity_gets_no_summary(session_factory, clock, runner, messenger):
    activity_id = await world(session_factory, clock.now(), MEMBERS, reminders=())
    await set_activity(session_factory, activity_id, status=ActivityStatus.CANCELLED)
    clock.set(END + timedelta(hours=48))
    await runner.run_until_idle()
    assert messenger.sent == [] and messenger.documents == []
    assert (await activity_row(session_factory, activity_id)).status == ActivityStatus.CANCELLED
