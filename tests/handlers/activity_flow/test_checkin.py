"""Check-in through the real dispatcher: the announcement's button (window, once, late, forged
data) and /checkin with the code in private (right, wrong, malformed, too many attempts)."""

from __future__ import annotations

from datetime import timedelta

from organizer import callbacks
from organizer.models import RsvpStatus
from tests.handlers.conftest import user_json
from tests.organizer.activity.factory import (
    ANNA,
    BORIS,
    CHEN,
    GROUP,
    START,
    Member,
    activity_row,
    answer,
    attendance_rows,
    world,
)

MEMBERS = [Member(ANNA), Member(BORIS), Member(CHEN)]


async def _activity(session_factory, clock, **options) -> int:
    activity_id = await world(session_factory, clock.now(), MEMBERS, **options)
    # Anna and Boris answered, which shows they are in the group; Chen did not.
    choices = {ANNA: RsvpStatus.GOING, BORIS: RsvpStatus.MAYBE}
    await answer(session_factory, activity_id, choices, clock.now())
    return activity_id


async def test_button_outside_the_window_is_refused(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    clock.set(START - timedelta(minutes=20))
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=GROUP)
    clock.set(START + timedelta(minutes=30))
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=GROUP)
    closed = "「Course design review」现在不在签到时间内。"
    assert harness.alerts() == [closed, closed]
    assert await attendance_rows(session_factory, activity_id) == {}


async def test_button_checks_in_once(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    clock.set(START - timedelta(minutes=10))
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=GROUP)
    clock.advance(minutes=5)
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=GROUP)
    assert harness.alerts() == [
        "✅ 已签到「Course design review」，时间 19:20。",
        "您已于 19:20 签到「Course design review」。",
    ]
    row = (await attendance_rows(session_factory, activity_id))[ANNA]
    assert (row.present, row.late, row.method) == (True, False, "button")
    assert row.checked_in_at == START - timedelta(minutes=10)


async def test_after_the_late_margin_check_in_is_marked_late(harness, session_factory, clock):
    activity_id = await _activity(session_factory, clock)
    clock.set(START + timedelta(minutes=10))  # exactly at the margin: still on time
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=GROUP)
    clock.advance(minutes=2)
    # Chen never answered: any member pressing in the group may check in.
    await harness.press(callbacks.check_in(activity_id), user_id=CHEN, chat_id=GROUP)
    assert harness.alerts()[1] == (
        "✅ 已签到「Course design review」，时间 19:42，记为迟到（活动 19:30 开始）。"
    )
    rows = await attendance_rows(session_factory, activity_id)
    assert (rows[ANNA].late, rows[CHEN].late) == (False, True)


async def test_a_button_pressed_in_another_chat_is_refused(harness, session_factory, clock):
    activity_id = await _activity(session_factory, clock)
    clock.set(START)
    await harness.press(callbacks.check_in(activity_id), user_id=ANNA, chat_id=-100555)
    await harness.press(callbacks.check_in(activity_id + 99), user_id=ANNA, chat_id=GROUP)
    assert harness.alerts() == ["此按钮已失效，请重新发送命令。"] * 2
    assert await attendance_rows(session_factory, activity_id) == {}


async def _code(session_factory, activity_id: int) -> str:
    code = (await activity_row(session_factory, activity_id)).checkin_code
    assert code is not None
    return code


def _other(code: str) -> str:
    return f"{(int(code) + 1) % 10_000:04d}"


async def test_right_code_in_private_checks_in(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    clock.set(START + timedelta(minutes=1))
    await harness.message(f"/checkin {await _code(session_factory, activity_id)}", user_id=ANNA)
    assert harness.messenger.texts_to(ANNA) == ["✅ 已签到「Course design review」，时间 19:31。"]
    assert (await attendance_rows(session_factory, activity_id))[ANNA].method == "code"


async def test_checkin_then_the_code_in_a_second_message(harness, session_factory, clock):
    activity_id = await _activity(session_factory, clock)
    clock.set(START)
    await harness.message("/checkin", user_id=BORIS)
    await harness.message("abc", user_id=BORIS)
    await harness.message(_other(await _code(session_factory, activity_id)), user_id=BORIS)
    await harness.message(f"{await _code(session_factory, activity_id)}", user_id=BORIS)
    first, malformed, wrong, done = harness.messenger.texts_to(BORIS)
    assert first.startswith("请发送组织者现场宣读的签到码")
    assert malformed == "签到码是 4 位数字，例如 0427。请重新发送。"
    assert wrong.endswith("不是签到码。还可以尝试 4 次。")
    assert done.startswith("✅ 已签到")


async def test_five_wrong_codes_block_even_the_right_one_for_a_while(
    harness, session_factory, clock
) -> None:
    activity_id = await _activity(session_factory, clock)
    code = await _code(session_factory, activity_id)
    clock.set(START - timedelta(minutes=15))
    for _ in range(5):
        await harness.message(f"/checkin {_other(code)}", user_id=ANNA)
        clock.advance(seconds=30)
    await harness.message(f"/checkin {code}", user_id=ANNA)
    replies = harness.messenger.texts_to(ANNA)
    assert replies[3].endswith("还可以尝试 1 次。")
    # Blocked until the first wrong try, 2 minutes ago, is 15 minutes old.
    blocked = "错误次数过多，请 13 分钟后再试，或请组织者为您标记出席。"
    assert replies[4:] == [blocked, blocked]
    assert await attendance_rows(session_factory, activity_id) == {}
    clock.advance(minutes=13)  # the first wrong try has left the window
    await harness.message(f"/checkin {code}", user_id=ANNA)
    assert harness.messenger.texts_to(ANNA)[-1].startswith("✅ 已签到")


async def test_code_is_only_for_members_of_the_group(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    code = await _code(session_factory, activity_id)
    clock.set(START)
    harness.session.answers["GetChatMember"] = {"status": "left", "user": user_json(CHEN)}
    await harness.message(f"/checkin {code}", user_id=CHEN)
    assert harness.messenger.texts_to(CHEN)[-1].startswith("您所在的群目前没有开放签到的线下活动")
    # Joined before the bot came: not in the database, but Telegram says they are a member.
    harness.session.answers["GetChatMember"] = {"status": "member", "user": user_json(CHEN)}
    await harness.message(f"/checkin {code}", user_id=CHEN)
    assert harness.messenger.texts_to(CHEN)[-1].startswith("✅ 已签到")


async def test_online_activity_has_no_code(harness, session_factory, clock) -> None:
    await _activity(session_factory, clock, location=None, online_url="https://meet.example/x")
    clock.set(START)
    await harness.message("/checkin 1234", user_id=ANNA)
    assert harness.messenger.texts_to(ANNA)[-1].startswith("您所在的群目前没有开放签到的线下活动")


async def test_checkin_command_in_the_group_points_to_private(harness, session_factory, clock):
    await _activity(session_factory, clock)
    await harness.message("/checkin 1234", user_id=ANNA, chat_id=GROUP)
    assert harness.messenger.texts_to(GROUP)[-1].startswith("请私信我发送签到码")
