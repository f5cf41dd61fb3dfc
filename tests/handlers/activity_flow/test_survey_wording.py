"""/surveyq through the real dispatcher: a group's admins reword a survey question for the
group (in its language), members then see that wording, and the default comes back on request."""

from __future__ import annotations

from datetime import timedelta

from tests.handlers.conftest import ORG_ADMIN
from tests.organizer.activity.factory import ANNA, END, GROUP, Member, attend, world


async def test_admin_rewords_a_question_and_members_see_it(harness, session_factory, clock):
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await attend(session_factory, activity_id, ANNA, END - timedelta(hours=1))
    await harness.message("/surveyq", user_id=ORG_ADMIN, chat_id=GROUP)
    shown = harness.messenger.texts_to(GROUP)[-1]
    assert "1. 您对本次活动的总体评价？（1 = 很差，5 = 很好）" in shown
    assert "5. 有哪些需要改进的地方？" in shown

    await harness.message("/surveyq 1 给这次分享打几分？", user_id=ORG_ADMIN, chat_id=GROUP)
    saved = harness.messenger.texts_to(GROUP)[-1]
    assert saved.startswith("已为本群修改第 1 题的措辞。") and "1. 给这次分享打几分？" in saved

    clock.set(END + timedelta(minutes=5))
    await harness.message(f"/start survey_{activity_id}", user_id=ANNA)
    assert harness.messenger.texts_to(ANNA)[-1] == "（1/5） 给这次分享打几分？"

    await harness.message("/surveyq 1 -", user_id=ORG_ADMIN, chat_id=GROUP)
    assert harness.messenger.texts_to(GROUP)[-1].startswith("第 1 题已恢复默认措辞。")
    await harness.message("/survey", user_id=ANNA)
    assert harness.messenger.texts_to(ANNA)[-1].startswith("（1/5） 您对本次活动的总体评价？")


async def test_members_cannot_reword_the_survey(harness, session_factory, clock) -> None:
    await world(session_factory, clock.now(), [Member(ANNA)])
    await harness.message("/surveyq 1 随便", user_id=ANNA, chat_id=GROUP)
    assert harness.messenger.texts_to(GROUP) == ["只有本群管理员可以这样做。"]
