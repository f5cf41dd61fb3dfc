"""The "Skip this month" button on the commendation preview, through the real dispatcher."""

from __future__ import annotations

from organizer.models import Group
from organizer.services import commendation_callbacks
from tests.handlers.conftest import GROUP_ID
from tests.handlers.joining.helpers import ADMIN, STRANGER, prepare


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
