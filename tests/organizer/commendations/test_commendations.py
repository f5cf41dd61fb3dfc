"""Commendations from the hand-counted March of tests/organizer/assessment/world.py:
Anna 20.5, Bo 11, the admin 5, outsider 77 2 (not a member: never named)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from organizer.i18n import Catalogue
from organizer.models import Group
from organizer.services import commendation_adjust, commendation_callbacks, commendations
from organizer.services.scores_periods import month
from tests.organizer.assessment.world import build
from tests.organizer.members.fixtures import ADMIN, ANNA, BO, GROUP

MARCH = month(date(2026, 3, 15), "Asia/Shanghai")
CATALOGUE = Catalogue()


async def _preview(session_factory, **options) -> commendations.Commendation:
    async with session_factory() as session:
        return await commendations.preview(session, GROUP, MARCH, **options)


async def test_preview_ranks_the_top_members(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    result = await _preview(session_factory)
    assert result.names == [
        (ANNA.id, "Anna", 20.5),
        (BO.id, "Bo", 11.0),
        (ADMIN.id, "张 经理", 5.0),
    ]
    assert result.ranks == {ANNA.id: 1, BO.id: 2, ADMIN.id: 3}
    # Anna: participation 9.5 is her largest component; Bo: activities 8; the admin: activities
    assert result.main == {ANNA.id: "participation", BO.id: "activities", ADMIN.id: "activities"}
    assert result.yyyymm == "202603" and result.group_title == "项目一组"
    top2 = await _preview(session_factory, top=2)
    assert [user for user, _, _ in top2.names] == [ANNA.id, BO.id]


async def test_an_empty_month_names_nobody(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        may = await commendations.preview(session, GROUP, MARCH.next().next())
        april = await commendations.preview(session, GROUP, MARCH.next())
    assert may.names == [] and may.main == {}
    # April: the admin organised A4 (5); Chen's no-show there is negative, so not named
    assert april.names == [(ADMIN.id, "张 经理", 5.0)]


def _commendation() -> commendations.Commendation:
    return commendations.Commendation(
        GROUP, MARCH, [(ANNA.id, "Anna <A>", 20.5), (BO.id, "Bo", 11.0)],
        {ANNA.id: "participation"}, {ANNA.id: 1, BO.id: 2}, "项目一组",
    )  # fmt: skip


def test_render_english() -> None:
    text = commendations.render(_commendation(), CATALOGUE.for_language("en"))
    lines = text.splitlines()
    assert lines[0] == "🌟 <b>Thank you! Our top contributors of March 2026</b>"
    assert lines[2] == (
        f'🥇 <a href="tg://user?id={ANNA.id}">Anna &lt;A&gt;</a> — 20.5 points, above all for '
        "taking an active part in our discussions"
    )
    assert lines[3] == f'🥈 <a href="tg://user?id={BO.id}">Bo</a> — 11 points'
    assert "Thank you all" in lines[-1]


def test_render_chinese() -> None:
    text = commendations.render(_commendation(), CATALOGUE.for_language("zh"))
    assert text.startswith("🌟 <b>感谢大家！2026年3月贡献之星</b>")
    assert "— 20.5 分，特别感谢其积极参与讨论" in text
    assert "— 11 分" in text and "继续加油" in text


def test_preview_text_and_skip_button() -> None:
    texts = CATALOGUE.for_language("en")
    text = commendations.render_preview(_commendation(), texts, post_at="2026-04-01 10:00")
    assert "“项目一组”, March 2026" in text and "2026-04-01 10:00" in text
    assert "Anna &lt;A&gt;" in text and "tg://" not in text  # the admins' copy mentions nobody
    *_, [button] = commendations.preview_keyboard(_commendation(), texts)
    assert button.text == "Skip this month" and button.callback_data == f"v1cm:skip:{GROUP}:202603"


def test_callback_round_trip() -> None:
    data = commendation_callbacks.skip_callback(GROUP, "202603")
    assert data == f"v1cm:skip:{GROUP}:202603" and len(data.encode()) <= 64
    parsed = commendation_callbacks.parse(data)
    assert parsed == commendation_callbacks.CommendationCallback("skip", GROUP, "202603")
    for bad in (None, "", "v1cm:skip:x:202603", "v1cm:skip:1:202613", "v1sw:skip:1:202603",
                "v1cm:go:1:202603", "v1cm:skip:1:2026031"):  # fmt: skip
        assert commendation_callbacks.parse(bad) is None


async def test_skip_is_stored_once(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        assert await commendations.skip(session, GROUP, "202603")
        assert await commendations.skip(session, GROUP, "202603")
        assert await commendations.skip(session, GROUP, "202602")
        assert not await commendations.skip(session, -1, "202603")
        await session.commit()
    async with session_factory() as session:
        group = await session.scalar(select(Group).where(Group.id == GROUP))
        assert group is not None
        assert group.settings["commendation_skip"] == ["202602", "202603"]
        assert commendations.skipped(group, "202603") and not commendations.skipped(group, "202604")


def test_schedule_times() -> None:
    def at(*args: int) -> datetime:
        return datetime(*args, tzinfo=UTC)

    assert commendations.next_preview_at(at(2026, 3, 2, 1)) == at(2026, 3, 31, 2)
    assert commendations.next_preview_at(at(2026, 3, 31, 2)) == at(2026, 4, 30, 2)
    assert commendations.next_preview_at(at(2026, 2, 28, 1)) == at(2026, 2, 28, 2)
    assert commendations.next_preview_at(at(2026, 12, 31, 3)) == at(2027, 1, 31, 2)
    assert commendations.next_post_at(at(2026, 3, 2, 1)) == at(2026, 4, 1, 2)
    assert commendations.next_post_at(at(2026, 4, 1, 1)) == at(2026, 4, 1, 2)
    assert commendations.next_post_at(at(2026, 12, 1, 2)) == at(2027, 1, 1, 2)


async def test_admins_leave_a_member_out_and_the_next_moves_up(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        assert await commendation_adjust.exclude(session, GROUP, "202603", ANNA.id)
        assert not await commendation_adjust.exclude(session, -1, "202603", ANNA.id)
        await session.commit()
    result = await _preview(session_factory, top=2)
    assert [user for user, _, _ in result.names] == [BO.id, ADMIN.id]
    assert result.ranks == {BO.id: 1, ADMIN.id: 2} and result.left_out == 1
    # another month's list is untouched
    async with session_factory() as session:
        april = await commendations.preview(session, GROUP, MARCH.next())
    assert april.left_out == 0
    async with session_factory() as session:
        assert await commendation_adjust.restore(session, GROUP, "202603")
        await session.commit()
    restored = await _preview(session_factory, top=2)
    assert [user for user, _, _ in restored.names] == [ANNA.id, BO.id] and restored.left_out == 0


def test_excluded_ignores_malformed_settings() -> None:
    assert commendation_adjust.excluded(None, "202603") == frozenset()
    assert commendation_adjust.excluded({"commendation_excluded": []}, "202603") == frozenset()
    settings = {"commendation_excluded": {"202603": [5, "x", True, 6], "202604": "bad"}}
    assert commendation_adjust.excluded(settings, "202603") == {5, 6}
    assert commendation_adjust.excluded(settings, "202604") == frozenset()


def test_preview_keyboard_offers_leave_out_put_back_and_skip() -> None:
    texts = CATALOGUE.for_language("en")
    shown = replace(_commendation(), left_out=2)
    rows = commendations.preview_keyboard(shown, texts)
    labels = [row[0].text for row in rows]
    assert labels == ["✖ Anna <A>", "✖ Bo", "↩ Put back the 2 members left out", "Skip this month"]
    assert rows[0][0].callback_data == f"v1cd:drop:{GROUP}:202603:{ANNA.id}"
    assert rows[2][0].callback_data == f"v1cd:restore:{GROUP}:202603:0"
    for row in rows:
        assert len((row[0].callback_data or "").encode()) <= 64


def test_adjust_callback_round_trip() -> None:
    data = commendation_callbacks.drop_callback(GROUP, "202603", ANNA.id)
    assert commendation_callbacks.parse_adjust(data) == commendation_callbacks.AdjustCallback(
        "drop", GROUP, "202603", ANNA.id
    )
    for bad in (None, "", "v1cd:drop:1:202603", "v1cd:drop:1:202613:5", "v1cd:kick:1:202603:5",
                "v1cd:drop:1:202603:x", "v1cm:drop:1:202603:5"):  # fmt: skip
        assert commendation_callbacks.parse_adjust(bad) is None
