"""/notes through the real dispatcher: the organizer's notes for the summary, in private
(with the text or typed after choosing) or as a reply to the announcement in the group; after
the summary is out, it is posted again with them."""

from __future__ import annotations

from datetime import timedelta

from handlers.activity_flow.callbacks import NotesActivityCallback
from organizer.models import ActivityStatus
from tests.handlers.conftest import user_json
from tests.organizer.activity.factory import (
    ANNA,
    END,
    GROUP,
    ORGANIZER,
    Member,
    activity_row,
    set_activity,
    world,
)


def _pick(activity_id: int) -> str:
    return NotesActivityCallback(activity_id=activity_id).pack()


async def test_notes_with_the_command(harness, session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await harness.message("/notes 会议纪要：见附件", user_id=ORGANIZER)
    [choose] = harness.messenger.sent
    assert choose.text == "备注是哪个活动的？"
    assert choose.keyboard[0][0].callback_data == _pick(activity_id)
    await harness.press(_pick(activity_id), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert harness.messenger.texts_to(ORGANIZER)[-1] == (
        "🗒 已保存「Course design review」的备注，将显示在活动总结中。"
    )
    assert (await activity_row(session_factory, activity_id)).organizer_notes == "会议纪要：见附件"


async def test_notes_typed_after_choosing(harness, session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await harness.message("/notes", user_id=ORGANIZER)
    await harness.press(_pick(activity_id), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert harness.messenger.texts_to(ORGANIZER)[-1].startswith("请用一条消息发送")
    await harness.message("资料：https://example.com/slides", user_id=ORGANIZER)
    row = await activity_row(session_factory, activity_id)
    assert row.organizer_notes == "资料：https://example.com/slides"


async def test_notes_after_the_summary_post_it_again(harness, session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    clock.set(END + timedelta(hours=48))
    await set_activity(
        session_factory, activity_id, status=ActivityStatus.COMPLETED, summary_posted_at=clock.now()
    )
    await harness.message("/notes 下次提前十分钟入场", user_id=ORGANIZER)
    await harness.press(_pick(activity_id), user_id=ORGANIZER, chat_id=ORGANIZER)
    [summary] = harness.messenger.texts_to(GROUP)
    assert summary.startswith("📊 <b>活动总结｜Course design review</b>")
    assert "下次提前十分钟入场" in summary
    assert harness.messenger.texts_to(ORGANIZER)[-1].endswith("更新后的总结已发到群里。")


async def test_notes_as_a_reply_to_the_announcement(harness, session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await set_activity(session_factory, activity_id, announcement_message_id=555)
    for sender in (ANNA, ORGANIZER):
        await harness.feed({
            "message": {
                "message_id": 600 + sender % 10, "date": 1767225600,
                "chat": {"id": GROUP, "type": "supergroup", "title": "项目一组"},
                "from": user_json(sender), "text": "/notes 签到表已上传",
                "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                "reply_to_message": {
                    "message_id": 555, "date": 1767225600,
                    "chat": {"id": GROUP, "type": "supergroup", "title": "项目一组"},
                    "text": "announcement",
                },
            }
        })  # fmt: skip
    refused, saved = harness.messenger.texts_to(GROUP)
    assert refused == "只有本活动的组织者或群管理员可以这样做。"
    assert saved == "🗒 已保存「Course design review」的备注，将显示在活动总结中。"
    assert (await activity_row(session_factory, activity_id)).organizer_notes == "签到表已上传"


async def test_a_member_cannot_write_notes(harness, session_factory, clock) -> None:
    activity_id = await world(session_factory, clock.now(), [Member(ANNA)])
    await harness.message("/notes 我来写", user_id=ANNA)
    await harness.press(_pick(activity_id), user_id=ANNA, chat_id=ANNA)
    assert harness.messenger.texts_to(ANNA) == [
        "您近期没有可管理的活动。考勤可由活动组织者和群管理员标记。"
    ]
    assert harness.alerts() == ["只有本活动的组织者或群管理员可以这样做。"]
    assert (await activity_row(session_factory, activity_id)).organizer_notes is None
