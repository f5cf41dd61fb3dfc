"""The commendation preview's buttons (skip the month, leave a member out, put everyone back),
through the real dispatcher."""

from __future__ import annotations

from organizer.models import Group
from organizer.services import commendation_callbacks
from tests.handlers.conftest import GROUP_ID
from tests.handlers.joining.helpers import ADMIN, STRANGER, prepare
from tests.organizer.assessment.world import build
from tests.organizer.members.fixtures import ADMIN as WORLD_ADMIN
from tests.organizer.members.fixtures import ANNA, BO


async def _skips(session_factory) -> list[str]:
    async with session_factory() as session:
        group = await session.get(Group, GROUP_ID)
        assert group is not None
        return list((group.settings or {}).get("commendation_skip", []))


async def test_admin_skips_the_month_and_others_are_refused(
    harness, session_factory, clock
) -> None:
    await prepare(session_factory, clock)
    data = commendation_callbacks.skip_callback(GROUP_ID, "202603")
    await harness.press(data, user_id=STRANGER, chat_id=STRANGER)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    assert await _skips(session_factory) == []
    await harness.press(data, user_id=ADMIN.id, chat_id=ADMIN.id)
    assert "项目一组" in harness.alerts()[-1] and "2026年3月" in harness.alerts()[-1]
    assert await _skips(session_factory) == ["202603"]
    forged = commendation_callbacks.skip_callback(GROUP_ID, "20xx03")
    await harness.press(forged, user_id=ADMIN.id, chat_id=ADMIN.id)
    assert await _skips(session_factory) == ["202603"]


async def test_admin_leaves_a_member_out_and_the_preview_is_refreshed(
    harness, session_factory, clock
) -> None:
    await build(session_factory, clock.now())
    data = commendation_callbacks.drop_callback(GROUP_ID, "202603", ANNA.id)
    await harness.press(data, user_id=BO.id, chat_id=BO.id)  # a member, not an admin
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await harness.press(data, user_id=WORLD_ADMIN.id, chat_id=WORLD_ADMIN.id)
    assert harness.alerts()[-1] == "已将 Anna 移出本月表彰名单。"
    [(chat, message, text, keyboard)] = harness.messenger.edits
    assert (chat, message) == (WORLD_ADMIN.id, 77)
    assert "Anna" not in text and text.index("Bo") < text.index("张 经理")
    labels = [row[0].text for row in keyboard or ()]
    assert labels == ["✖ Bo", "✖ 张 经理", "↩ 恢复被移出的 1 人", "本月跳过"]
    # the same button pressed again on the old copy: Anna is no longer on the list
    await harness.press(data, user_id=WORLD_ADMIN.id, chat_id=WORLD_ADMIN.id)
    assert harness.alerts()[-1] == "这个按钮已失效，请重新发送命令。"
    assert len(harness.messenger.edits) == 1
    restore = commendation_callbacks.restore_callback(GROUP_ID, "202603")
    await harness.press(restore, user_id=WORLD_ADMIN.id, chat_id=WORLD_ADMIN.id)
    assert harness.alerts()[-1] == "已恢复完整名单。"
    text = harness.messenger.edits[-1][2]
    assert text.index("Anna") < text.index("Bo")
