"""The survey in private through the real dispatcher: the deep link, ratings by button (a text
where a rating is expected is asked again), typed answers and Skip, a partial answer kept, the
thanks, and answers refused once the survey has closed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from organizer import callbacks
from organizer.database import unit_of_work
from organizer.models import Group, SurveyResponse
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    END,
    GROUP,
    Member,
    attend,
    attendance_rows,
    world,
)


async def _after_the_session(session_factory, clock) -> int:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA), Member(BORIS)])
    await attend(session_factory, activity_id, ANNA, END - timedelta(hours=2))
    clock.set(END + timedelta(hours=1))
    return activity_id


async def _response(session_factory, activity_id: int) -> SurveyResponse | None:
    async with session_factory() as session:
        return await session.scalar(
            select(SurveyResponse).where(
                SurveyResponse.activity_id == activity_id, SurveyResponse.user_id == ANNA
            )
        )


def _cb(activity_id: int, question: str, value: int) -> str:
    return callbacks.survey_answer(activity_id, question, value)


async def test_the_whole_survey_with_a_wrong_input_and_skip(harness, session_factory, clock):
    activity_id = await _after_the_session(session_factory, clock)
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    [first] = harness.messenger.sent
    assert first.text == "（1/5） 您对本次活动的总体评价？（1 = 很差，5 = 很好）"
    assert [b.callback_data for b in first.keyboard[0]] == [
        _cb(activity_id, "overall", n) for n in range(1, 6)
    ]

    await harness.message("挺好的", user_id=ANNA)  # a text where a rating is expected
    asked_again = harness.messenger.sent[-1]
    assert asked_again.text.startswith("请使用下面的 1–5 按钮作答")
    assert asked_again.text.endswith(first.text) and asked_again.keyboard == first.keyboard

    await harness.press(_cb(activity_id, "overall", 5), user_id=ANNA, chat_id=ANNA)
    assert harness.messenger.edits[-1][2].startswith("（2/5） 本次研讨会的内容")
    await harness.message("4", user_id=ANNA)  # a digit typed instead of pressed
    assert harness.messenger.sent[-1].text.startswith("（3/5） 您对活动组织")
    await harness.press(_cb(activity_id, "organisation", 4), user_id=ANNA, chat_id=ANNA)
    _, _, good_question, keyboard = harness.messenger.edits[-1]
    assert good_question.startswith("（4/5） 有哪些做得好的地方？")
    assert [b.text for b in keyboard[0]] == ["跳过"]

    partial = await _response(session_factory, activity_id)
    assert (partial.overall, partial.content, partial.organisation) == (5, 4, 4)
    assert partial.good is None and partial.completed_at is None  # kept as it stands

    await harness.message("案例很实用", user_id=ANNA)
    assert harness.messenger.sent[-1].text.startswith("（5/5） 有哪些需要改进的地方？")
    await harness.press(_cb(activity_id, "improve", 0), user_id=ANNA, chat_id=ANNA)
    assert harness.messenger.edits[-1][2] == "🙏 谢谢！您对「Course design review」的反馈已保存。"
    done = await _response(session_factory, activity_id)
    assert (done.good, done.improve, done.completed_at) == ("案例很实用", "", clock.now())
    assert harness.alerts() == ["已保存。"] * 3


async def test_an_old_skip_button_does_not_wipe_an_answer(harness, session_factory, clock):
    activity_id = await _after_the_session(session_factory, clock)
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    for question, value in (("overall", 4), ("content", 4), ("organisation", 4)):
        await harness.press(_cb(activity_id, question, value), user_id=ANNA, chat_id=ANNA)
    await harness.message("讲得清楚", user_id=ANNA)
    await harness.press(_cb(activity_id, "good", 0), user_id=ANNA, chat_id=ANNA)
    await harness.press(_cb(activity_id, "improve", 3), user_id=ANNA, chat_id=ANNA)  # forged
    assert harness.alerts()[-2:] == ["这道题已经回答过了，请回答最新的一题。", "此按钮已失效。"]
    assert (await _response(session_factory, activity_id)).good == "讲得清楚"


async def test_deep_link_counts_as_sent_and_survey_resumes(harness, session_factory, clock):
    activity_id = await _after_the_session(session_factory, clock)
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    rows = await attendance_rows(session_factory, activity_id)
    assert rows[ANNA].survey_sent_at == clock.now()  # the response rate counts it
    await harness.press(_cb(activity_id, "overall", 2), user_id=ANNA, chat_id=ANNA)
    await harness.message("/survey", user_id=ANNA)
    assert harness.messenger.sent[-1].text.startswith("（2/5）")


async def test_only_members_who_checked_in_can_answer(harness, session_factory, clock) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    await harness.message(f"/start survey_{activity_id}", user_id=BORIS)
    await harness.message(f"/start survey_{activity_id + 40}", user_id=BORIS)
    assert harness.messenger.texts_to(BORIS) == [
        "此问卷仅面向「Course design review」已签到的成员。",
        "找不到该问卷，活动可能已取消。",
    ]
    await harness.press(_cb(activity_id, "overall", 5), user_id=BORIS, chat_id=BORIS)
    assert harness.alerts() == ["此问卷仅面向「Course design review」已签到的成员。"]


async def test_answers_after_the_close_are_refused(harness, session_factory, clock) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    clock.set(END + timedelta(hours=48))
    await harness.press(_cb(activity_id, "overall", 5), user_id=ANNA, chat_id=ANNA)
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    closed = "「Course design review」的问卷已截止，仍然感谢您！"
    assert harness.alerts() == [closed]
    assert harness.messenger.texts_to(ANNA)[-1] == closed
    assert (await _response(session_factory, activity_id)).overall is None


async def test_text_without_an_open_survey_is_left_alone(harness, session_factory, clock):
    await _after_the_session(session_factory, clock)
    await harness.message("你好", user_id=BORIS)
    await harness.message("/survey", user_id=BORIS)
    assert harness.messenger.texts_to(BORIS) == ["您目前没有待填写的问卷。"]


async def test_a_group_can_word_its_own_questions(harness, session_factory, clock) -> None:
    activity_id = await _after_the_session(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        group = await session.get(Group, GROUP)
        group.settings = {"survey_questions": {"overall": {"zh": "给这次 <活动> 打几分？"}}}
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    assert harness.messenger.sent[-1].text == "（1/5） 给这次 &lt;活动&gt; 打几分？"
