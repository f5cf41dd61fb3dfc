"""/blockword add|remove|list: the group's own banned terms; the moderation cache is told."""

from __future__ import annotations

from sqlalchemy import select

from organizer.models.moderation import AuditEntry, BlockWord
from organizer.services.group_context import subscribe
from tests.handlers.conftest import GROUP_ID
from tests.handlers.moderation_admin.conftest import ADA, BOB, CAROL, deleted_ids, send


async def _words(session_factory) -> list[tuple[str, str, str]]:
    async with session_factory() as session:
        rows = await session.scalars(select(BlockWord).order_by(BlockWord.id))
        return [(row.category, row.term, row.mode) for row in rows]


class Listener:
    """`subscribe` keeps a weak reference to a bound method, so the listener is an object."""

    def __init__(self) -> None:
        self.heard: list[int | None] = []

    def hear(self, group_id: int | None) -> None:
        self.heard.append(group_id)


async def test_add_list_and_remove(harness, session_factory) -> None:
    listener = Listener()
    unsubscribe = subscribe(listener.hear)
    try:
        command = await send(harness, "/blockword add 赌博 百家乐 下注", user_id=ADA.id)
    finally:
        unsubscribe()
    assert listener.heard == [GROUP_ID]  # the moderation cache reloads the group
    assert deleted_ids(harness) == [command]
    assert await _words(session_factory) == [("gambling", "百家乐 下注", "add")]
    # Answered privately: a list of banned words does not belong in the group.
    assert harness.messenger.texts_to(ADA.id) == ["✅ 已在「赌博」类中屏蔽「百家乐 下注」。"]
    assert harness.messenger.texts_to(GROUP_ID) == []
    await send(harness, "/blockword add gambling 百家乐 下注", user_id=ADA.id)
    assert harness.messenger.texts_to(ADA.id)[-1].endswith("已在「赌博」类中屏蔽，无需重复添加。")
    await send(harness, "/blockword remove 赌博 赌博", user_id=ADA.id)  # a default term
    await send(harness, "/blockword list", user_id=ADA.id)
    assert harness.messenger.texts_to(ADA.id)[-1] == (
        "<b>「项目一组」对默认词库的调整</b>\n赌博：新增 百家乐 下注；取消 赌博"
    )
    await send(harness, "/blockword remove gambling 百家乐 下注", user_id=ADA.id)
    assert await _words(session_factory) == [("gambling", "赌博", "remove")]
    async with session_factory() as session:
        actions = [e.action for e in await session.scalars(select(AuditEntry))]
    assert actions == ["blockword.add", "blockword.remove", "blockword.remove"]


async def test_bad_input_is_explained(harness, session_factory) -> None:
    await send(harness, "/blockword add 广告 加微信", user_id=ADA.id)
    await send(harness, "/blockword add porn", user_id=ADA.id)
    await send(harness, "/blockword add abuse " + "长" * 51, user_id=ADA.id)
    await send(harness, "/blockword remove 辱骂 从没加过", user_id=ADA.id)
    bad, usage, too_long, unchanged = harness.messenger.texts_to(ADA.id)
    assert bad.startswith("未知的类别「广告」。可用类别：色情 porn")
    assert usage.startswith("用法：\n<code>/blockword add 类别 词语</code>")
    assert too_long == "屏蔽词长度须为 1 至 50 个字符。"
    assert unchanged == "「辱骂」类中没有「从没加过」这个屏蔽词（或已取消）。"
    assert await _words(session_factory) == []


async def test_members_are_refused_and_unreachable_admins_answered_in_group(harness) -> None:
    await send(harness, "/blockword list", user_id=BOB.id)
    assert harness.messenger.texts_to(BOB.id) == ["只有本群管理员可以这样做。"]
    await send(harness, "/blockword list", user_id=CAROL.id)  # never started the bot
    assert harness.messenger.texts_to(GROUP_ID) == ["只有本群管理员可以这样做。"]
    await send(harness, "/blockword list", user_id=ADA.id, chat_id=ADA.id)
    assert harness.messenger.texts_to(ADA.id) == ["请在群组中使用这个命令。"]
