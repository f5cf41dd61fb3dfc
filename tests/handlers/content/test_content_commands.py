"""/materials, /questions, /experts and /best through the dispatcher, with real Updates."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from organizer.content.intake import ContentFacts, process
from organizer.database import unit_of_work
from organizer.models.content import QuestionStatus
from organizer.services import experts, questions, users
from organizer.services.users import TelegramProfile
from tests.handlers.conftest import Harness, user_json
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, CHEN, GROUP, make_group


async def _say(
    harness: Harness, text: str, user_id: int, *, name: str = "User",
    reply_to: int | None = None, reply_from: int | None = None,
) -> None:  # fmt: skip
    """A group message, optionally a reply to message `reply_to` by `reply_from`."""
    chat = {"id": GROUP, "type": "supergroup", "title": "项目一组"}
    message: dict[str, Any] = {
        "message_id": next(harness.ids), "date": 1767225600, "chat": chat,
        "from": user_json(user_id, name), "text": text,
    }  # fmt: skip
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]  # fmt: skip
    if reply_to is not None:
        message["reply_to_message"] = {
            "message_id": reply_to, "date": 1767225600, "chat": chat,
            "from": user_json(reply_from or 1, "Replied"), "text": "…",
        }  # fmt: skip
    await harness.feed({"message": message})


async def _feed(factory, clock, message_id: int, text: str, user_id: int, **more: Any) -> None:
    facts = ContentFacts(group_id=GROUP, message_id=message_id, user_id=user_id, text=text, **more)
    async with unit_of_work(factory) as session:
        await process(session, facts, now=clock.now(), policy_quota=3)


def _last(harness: Harness) -> str:
    return harness.messenger.sent[-1].text


async def test_materials_lists_filters_and_explains(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, 1, "#资料 Python 入门讲义", ANNA.id)
    await _feed(session_factory, clock, 2, "#资料 Excel 练习题", BO.id)
    await _feed(session_factory, clock, 3, "", BO.id, document_file_name="Python课程大纲.pdf")
    await _say(harness, "/materials", ANNA.id)
    text = _last(harness)
    assert "「项目一组」资料库" in text and "（最新 3 条）" in text
    assert f'<a href="https://t.me/c/{-GROUP}/1">Python 入门讲义</a> #资料' in text
    await _say(harness, "/materials 资料 python", ANNA.id)
    assert "Python 入门讲义" in _last(harness) and "大纲" not in _last(harness)
    await _say(harness, "/materials python", ANNA.id)
    assert "Python 入门讲义" in _last(harness) and "Python课程大纲.pdf" in _last(harness)
    await _say(harness, "/materials #policy", ANNA.id)
    assert "没有找到相关资料" in _last(harness) and "#政策" in _last(harness)
    assert harness.messenger.sent[-1].reply_to_message_id is not None


async def test_materials_in_private_points_to_the_group(harness, session_factory, clock) -> None:
    await harness.message("/materials", user_id=ANNA.id)
    assert _last(harness) == "请在群组中使用这个命令。"


async def test_open_questions(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, 10, "报名截止是哪天？", ANNA.id)
    await _feed(session_factory, clock, 20, "教室在哪？有人知道吗？", CHEN.id)
    await _feed(session_factory, clock, 21, "302", BO.id, reply_to_message_id=20,
                reply_to_user_id=CHEN.id)  # fmt: skip
    clock.advance(hours=2)
    await _say(harness, "/questions", BO.id)
    text = _last(harness)
    assert "待回答的问题</b>（1 个）" in text
    assert f'<a href="https://t.me/c/{-GROUP}/10">报名截止是哪天？</a> — Anna，2 小时前' in text
    assert "教室" not in text


async def test_no_open_questions(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _say(harness, "/questions", BO.id)
    assert _last(harness) == "目前没有待回答的问题 👍"


async def test_experts_managed_by_admins(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    async with unit_of_work(session_factory) as session:
        await users.remember(session, TelegramProfile(CHEN.id, "Chen", username="chen_w"),
                             now=clock.now())  # fmt: skip
    await _say(harness, "/experts", BO.id)
    assert "本群还没有设置专家" in _last(harness)
    await _say(harness, "/experts add @chen_w", BO.id)
    assert _last(harness) == "只有本群管理员可以这样做。"
    await _say(harness, "/experts add @CHEN_W", ADMIN.id)
    assert "已将 Chen 设为本群专家" in _last(harness)
    await _say(harness, "/experts add @chen_w", ADMIN.id)
    assert "Chen 已经是本群专家" in _last(harness)
    await _say(harness, "/experts add", ADMIN.id, reply_to=55, reply_from=BO.id)
    await _say(harness, "/experts add @nobody", ADMIN.id)
    assert "我还不认识 @nobody" in _last(harness)
    await _say(harness, "/experts list", ANNA.id)
    assert "Chen @chen_w" in _last(harness) and "Replied" in _last(harness)
    await _say(harness, "/experts remove @chen_w", ADMIN.id)
    assert "已将 Chen 移出本群专家" in _last(harness)
    await _say(harness, "/experts remove @chen_w", ADMIN.id)
    assert "Chen 不是本群专家" in _last(harness)
    await _say(harness, "/experts shout", ADMIN.id)
    assert _last(harness).startswith("用法：/experts list")
    async with session_factory() as session:
        assert await experts.list_ids(session, GROUP) == [BO.id]


async def test_best_answer_by_the_asker_only(harness, session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, 10, "报名截止是哪天？", ANNA.id)
    await _feed(session_factory, clock, 11, "周五", BO.id, reply_to_message_id=10,
                reply_to_user_id=ANNA.id)  # fmt: skip
    clock.advance(timedelta(minutes=5))
    await _say(harness, "/best", ANNA.id)
    assert "请回复别人对您问题的回答" in _last(harness)
    await _say(harness, "/best", ANNA.id, reply_to=10, reply_from=ANNA.id)
    assert "这条消息不是对某个问题的回答" in _last(harness)
    await _say(harness, "/best", CHEN.id, reply_to=11, reply_from=BO.id)
    assert _last(harness) == "只有提问者可以选择最佳答案。"
    await _say(harness, "/best", ANNA.id, reply_to=11, reply_from=BO.id)
    assert "已将 Replied 的回答标为最佳答案" in _last(harness)
    async with session_factory() as session:
        question = await questions.find_by_answer(session, GROUP, 11)
        assert question is not None and question.status is QuestionStatus.CLOSED
        assert question.best_answer_by == BO.id
