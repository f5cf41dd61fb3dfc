"""/feature, /unfeature and reactions to shares, through the dispatcher with real Updates."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from organizer.models.content import LibraryItem, ShareResponse
from tests.handlers.conftest import Harness, user_json
from tests.handlers.content.test_content_commands import _feed, _last, _say
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP, make_group

CHAT = {"id": GROUP, "type": "supergroup", "title": "项目一组"}


async def _react(harness: Harness, message_id: int, user_id: int, emoji: list[str],
                 old: list[str] | None = None) -> None:  # fmt: skip
    event: dict[str, Any] = {
        "chat": CHAT, "message_id": message_id, "user": user_json(user_id), "date": 1767225600,
        "old_reaction": [{"type": "emoji", "emoji": e} for e in old or []],
        "new_reaction": [{"type": "emoji", "emoji": e} for e in emoji],
    }  # fmt: skip
    await harness.feed({"message_reaction": event})


async def _items(session_factory) -> dict[int, LibraryItem]:
    async with session_factory() as session:
        return {item.message_id: item for item in await session.scalars(select(LibraryItem))}


async def _reactors(session_factory) -> list[tuple[int, str]]:
    async with session_factory() as session:
        rows = await session.execute(select(ShareResponse.user_id, ShareResponse.kind))
        return sorted((int(user), kind) for user, kind in rows)


async def test_admin_features_a_share_and_others_are_refused(
    harness, session_factory, clock
) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, 20, "#资料 项目复盘模板", ANNA.id)
    await _say(harness, "/feature", ADMIN.id)
    assert _last(harness).startswith("请回复成员的帖子或文件")
    await _say(harness, "/feature", BO.id, reply_to=20, reply_from=ANNA.id)
    assert _last(harness) == "只有本群管理员可以这样做。"
    assert (await _items(session_factory))[20].featured_at is None
    await _say(harness, "/feature", ADMIN.id, reply_to=20, reply_from=ANNA.id)
    assert "已将 Replied 的分享「项目复盘模板」标为精选" in _last(harness)
    assert (await _items(session_factory))[20].featured_by == ADMIN.id
    await _say(harness, "/feature", ADMIN.id, reply_to=20, reply_from=ANNA.id)
    assert _last(harness) == "「项目复盘模板」已经是精选分享了。"
    await _say(harness, "/feature", ADMIN.id, reply_to=21, reply_from=ADMIN.id)
    assert _last(harness).startswith("精选用于表彰他人的分享")
    await _say(harness, "/unfeature", ADMIN.id, reply_to=20, reply_from=ANNA.id)
    assert _last(harness) == "已取消「项目复盘模板」的精选标记。"
    assert (await _items(session_factory))[20].featured_at is None


async def test_reactions_to_a_share_count_once_and_can_be_taken_back(
    harness, session_factory, clock
) -> None:
    await make_group(session_factory, clock.now())
    await _feed(session_factory, clock, 30, "#资料 面试题库", ANNA.id)
    await _react(harness, 30, BO.id, ["👍"])
    await _react(harness, 30, BO.id, ["👍", "🔥"], old=["👍"])  # still one person
    await _react(harness, 30, ANNA.id, ["👍"])  # her own share: not counted
    await _react(harness, 31, BO.id, ["👍"])  # not a share
    assert await _reactors(session_factory) == [(BO.id, "reaction")]
    await _react(harness, 30, BO.id, [], old=["👍", "🔥"])
    assert await _reactors(session_factory) == []
