from datetime import timedelta

from handlers.activity_manage import ManageCallback
from organizer import callbacks
from organizer.database import unit_of_work
from organizer.models import ActivityStatus
from organizer.services import activities, rsvp, scheduled_actions
from tests.handlers.conftest import GROUP_ID
from tests.organizer.activity_fixtures import ORGANIZER, members, proposal, published


async def _activity(session_factory, clock) -> int:
    async with unit_of_work(session_factory) as session:
        activity_id = await published(session, clock, proposal(clock), group_id=GROUP_ID)
        await members(session, clock, 1, 2, 3)
    return activity_id


def cb(activity_id: int, action: str) -> str:
    return ManageCallback(activity_id=activity_id, action=action).pack()


async def test_time_change_moves_steps_and_asks_those_going(
    harness, session_factory, clock
) -> None:
    activity_id = await _activity(session_factory, clock)
    await harness.press(callbacks.rsvp(activity_id, "going"), user_id=1, chat_id=GROUP_ID)
    await harness.press(callbacks.rsvp(activity_id, "maybe"), user_id=2, chat_id=GROUP_ID)
    harness.messenger.unreachable.add(2)

    await harness.message("/manage", user_id=ORGANIZER)
    assert "Course design review" in harness.messenger.sent[-1].keyboard[0][0].text
    await harness.press(cb(activity_id, "menu"), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(cb(activity_id, "time"), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.message("2026-03-01 10:00", user_id=ORGANIZER)
    assert harness.messenger.sent[-1].text.startswith("这个时间已经过去")
    await harness.message("3月10日 19:30", user_id=ORGANIZER)
    assert "已更新" in harness.messenger.sent[-1].text

    [ask] = [m for m in harness.messenger.sent if m.chat_id == 1]
    assert "您还参加吗" in ask.text and "3月10日" in ask.text
    mention = harness.messenger.texts_to(GROUP_ID)[-1]
    assert "tg://user?id=2" in mention and "时间调整为" in mention
    async with session_factory() as session:
        item = await activities.get(session, activity_id)
        steps = await scheduled_actions.pending(session, dedupe_prefix=f"activity:{activity_id}:")
    assert item.sequence == 1
    assert (
        item.starts_at.astimezone(item.starts_at.tzinfo).isoformat().startswith("2026-03-10T11:30")
    )
    assert {s.dedupe_key.split(":")[2] for s in steps if s.kind != "activity.refresh"} == {"s1"}

    await harness.press(callbacks.reconfirm(activity_id, 0), user_id=1, chat_id=1)
    assert harness.alerts()[-1] == "已记录：您不参加了。"
    await harness.press(callbacks.reconfirm(activity_id, 0), user_id=1, chat_id=1)
    assert harness.alerts()[-1] == "不需要再次确认。"


async def test_capacity_and_cancel(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    for user in (1, 2, 3):
        await harness.press(callbacks.rsvp(activity_id, "going"), user_id=user, chat_id=GROUP_ID)
    await harness.press(cb(activity_id, "capacity"), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.message("lots", user_id=ORGANIZER)
    assert "不是有效的名额" in harness.messenger.sent[-1].text
    await harness.message("不限", user_id=ORGANIZER)
    async with session_factory() as session:
        assert (await rsvp.counts(session, activity_id)).going == 3

    await harness.press(cb(activity_id, "cancel"), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(cb(activity_id, "confirm_cancel"), user_id=ORGANIZER, chat_id=ORGANIZER)
    told = [m.chat_id for m in harness.messenger.sent if "已取消" in m.text]
    assert set(told) >= {1, 2, 3}
    async with session_factory() as session:
        item = await activities.get(session, activity_id)
        assert item.status == ActivityStatus.CANCELLED
        assert (
            await scheduled_actions.pending(session, dedupe_prefix=f"activity:{activity_id}:s")
            == []
        )


async def test_only_organizer_or_admins_may_manage(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    await harness.press(cb(activity_id, "cancel"), user_id=3, chat_id=3)
    await harness.press(cb(activity_id, "explode"), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert harness.alerts() == [
        "只有活动发起人和群管理员可以修改这个活动。",
        "这个按钮已失效，请重新发送命令。",
    ]
    await harness.message("/manage", user_id=3)
    assert harness.messenger.sent[-1].text.startswith("您目前没有可以管理的近期活动")
    clock.advance(timedelta(days=5))  # the activity is over
    await harness.press(cb(activity_id, "cancel"), user_id=ORGANIZER, chat_id=ORGANIZER)
    await harness.press(cb(activity_id, "confirm_cancel"), user_id=ORGANIZER, chat_id=ORGANIZER)
    assert "不能再修改" in harness.messenger.sent[-1].text
