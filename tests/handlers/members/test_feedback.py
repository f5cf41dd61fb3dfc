"""/feedback round trip: group command deleted, admin card, reply typed in private, member told,
second admin told who handled it."""

from __future__ import annotations

from sqlalchemy import select

from organizer.models import Feedback
from tests.handlers.conftest import ORG_ADMIN
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP, make_group


async def test_group_feedback_reply_and_handled(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await harness.message("/feedback 希望多办线下活动", user_id=ANNA.id, chat_id=GROUP, lang="en")
    assert len(harness.messenger.deleted) == 1 and harness.messenger.deleted[0][0] == GROUP
    [card] = [m for m in harness.messenger.sent if m.chat_id == ADMIN.id]
    assert "希望多办线下活动" in card.text and "Anna" in card.text
    assert harness.messenger.texts_to(ANNA.id)[-1].startswith("Thank you!")
    reply_data, handle_data = card.keyboard[0][0].callback_data, card.keyboard[1][0].callback_data
    await harness.press(reply_data, user_id=BO.id, chat_id=BO.id)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await harness.press(reply_data, user_id=ADMIN.id, chat_id=ADMIN.id)
    assert "#1" in harness.messenger.texts_to(ADMIN.id)[-1]
    await harness.message("好的，下月安排", user_id=ADMIN.id)
    assert harness.messenger.texts_to(ANNA.id)[-1].endswith("The admins reply:\n好的，下月安排")
    async with session_factory() as session:
        [row] = await session.scalars(select(Feedback))
    assert (row.status, row.handled_by, row.reply) == ("handled", ADMIN.id, "好的，下月安排")
    await harness.press(handle_data, user_id=ORG_ADMIN, chat_id=ORG_ADMIN)
    assert harness.messenger.texts_to(ORG_ADMIN)[-1] == "#1 已由 张 经理 处理。"


async def test_private_feedback_asks_for_the_text(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await harness.message("/feedback", user_id=BO.id)
    assert harness.messenger.texts_to(BO.id)[-1] == "请发送您的建议内容（或发送 /cancel 取消）。"
    await harness.message("课程时间太早", user_id=BO.id)
    assert harness.messenger.texts_to(BO.id)[-1].startswith("谢谢！")
    [card] = [m for m in harness.messenger.sent if m.chat_id == ADMIN.id]
    await harness.press(card.keyboard[1][0].callback_data, user_id=ADMIN.id, chat_id=ADMIN.id)
    async with session_factory() as session:
        [row] = await session.scalars(select(Feedback))
    assert (row.group_id, row.status, row.reply) == (GROUP, "handled", None)
