"""Scores from a hand-counted month: every component and total, the daily cap, ties, weights."""

from __future__ import annotations

from datetime import UTC, date, datetime

from organizer.services import scores
from organizer.services.scores_periods import PeriodKind, containing, month, quarter, week
from tests.organizer.assessment.world import EVERYONE, OUTSIDER, build, utc
from tests.organizer.members.fixtures import ADMIN, ANNA, APPROVER, BO, CHEN, GROUP

MARCH = month(date(2026, 3, 15), "Asia/Shanghai")


def _by_user(result: list[scores.MemberScore]) -> dict[int, scores.MemberScore]:
    return {score.user_id: score for score in result}


async def _score(session_factory, **options) -> dict[int, scores.MemberScore]:
    async with session_factory() as session:
        return _by_user(await scores.score_period(session, GROUP, MARCH, **options))


def test_periods() -> None:
    assert MARCH.since == datetime(2026, 2, 28, 16, tzinfo=UTC)
    assert MARCH.until == datetime(2026, 3, 31, 16, tzinfo=UTC)
    # 2026-03-01 20:00 UTC is already Monday 2 March in Shanghai
    monday = week(datetime(2026, 3, 1, 20, tzinfo=UTC), "Asia/Shanghai")
    assert (monday.first_day, monday.end_day) == (date(2026, 3, 2), date(2026, 3, 9))
    assert week(datetime(2026, 3, 1, 20, tzinfo=UTC), "UTC").first_day == date(2026, 2, 23)
    q = quarter(date(2026, 11, 30), "Asia/Shanghai")
    assert (q.first_day, q.end_day) == (date(2026, 10, 1), date(2027, 1, 1))
    assert containing("month", date(2026, 12, 5), "UTC").end_day == date(2027, 1, 1)
    assert MARCH.previous().first_day == date(2026, 2, 1)
    assert MARCH.next().kind is PeriodKind.MONTH and MARCH.next().first_day == date(2026, 4, 1)
    assert week(date(2026, 3, 8), "Nowhere/Unknown").since == datetime(2026, 3, 2, tzinfo=UTC)


async def test_every_component_and_total(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    result = await _score(session_factory)
    anna, bo = result[ANNA.id], result[BO.id]
    assert anna.raw == {
        "days_active": 3, "messages": 45, "notice_acks": 2, "shares": 2, "share_replies": 0,
        "share_reactions": 0, "featured": 0, "answers": 2, "best_answers": 1,
        "violation_points": 4, "rules_accepted": 1, "attended": 1, "no_shows": 1, "surveys": 1,
        "organised": 0,
    }  # fmt: skip
    assert anna.messages_sent == 55
    assert anna.components == {
        "participation": 9.5, "share_quality": 4.0, "answers": 7.0, "compliance": -2.0,
        "activities": 2.0,
    }  # fmt: skip
    assert anna.total == 20.5 and anna.name == "Anna"
    assert bo.raw == {
        "days_active": 1, "messages": 30, "notice_acks": 0, "shares": 1, "share_replies": 0,
        "share_reactions": 0, "featured": 0, "answers": 1, "best_answers": 0,
        "violation_points": 5, "rules_accepted": 0, "attended": 1, "no_shows": 0, "surveys": 0,
        "organised": 1,
    }  # fmt: skip
    assert bo.messages_sent == 100
    assert bo.components == {
        "participation": 4.0, "share_quality": 2.0, "answers": 2.0, "compliance": -5.0,
        "activities": 8.0,
    }  # fmt: skip
    assert bo.total == 11.0
    outsider = result[OUTSIDER]
    assert outsider.total == 2.0 and outsider.name == str(OUTSIDER)
    assert set(result) == {*EVERYONE, OUTSIDER}
    for user in (APPROVER.id, CHEN.id):
        assert result[user].total == 0 and set(result[user].raw.values()) == {0}
    assert result[ADMIN.id].raw["organised"] == 1 and result[ADMIN.id].total == 5.0
    assert result[ADMIN.id].components["activities"] == 5.0
    assert result[ADMIN.id].name == "张 经理"


async def test_ranks_and_ties(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        ordered = await scores.score_period(session, GROUP, MARCH)
    assert [(s.user_id, s.rank) for s in ordered] == [
        (ANNA.id, 1), (BO.id, 2), (ADMIN.id, 3), (OUTSIDER, 4),
        (APPROVER.id, 5), (CHEN.id, 5),
    ]  # fmt: skip


def test_rank_shares_places() -> None:
    def s(user: int, total: float) -> scores.MemberScore:
        return scores.MemberScore(user, str(user), {}, {}, total)

    ranked = scores.rank([s(1, 5), s(2, 7), s(3, 5), s(4, 1), s(5, 7)])
    assert [(x.user_id, x.rank) for x in ranked] == [(2, 1), (5, 1), (1, 3), (3, 3), (4, 5)]


async def test_daily_cap(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    result = await _score(session_factory, daily_cap=5)
    assert result[ANNA.id].raw["messages"] == 15  # 5 + 5 + 5
    assert result[ANNA.id].components["participation"] == 6.5  # 3 + 1.5 + 2
    assert result[BO.id].raw["messages"] == 5 and result[BO.id].total == 8.5  # 1.5+2+2-5+8


async def test_daily_cap_from_group_settings(session_factory, clock) -> None:
    await build(session_factory, clock.now(), score_daily_cap=20)
    result = await _score(session_factory)
    assert result[ANNA.id].raw["messages"] == 10 + 20 + 5


async def test_group_weights_override_and_invalid_entries(session_factory, clock) -> None:
    weights = {"messages": 0, "shares": 10, "bogus": 5, "answers": "x", "days_active": True}
    await build(session_factory, clock.now(), score_weights=weights)
    result = await _score(session_factory)
    anna = result[ANNA.id]
    assert anna.weights["answers"] == 2.0 and anna.weights["days_active"] == 1.0
    assert anna.components["participation"] == 5.0  # 3 days + 2 acks, messages weigh 0
    assert anna.components["share_quality"] == 20.0
    assert anna.total == 5 + 20 + 7 - 2 + 2
    assert result[OUTSIDER].total == 10.0
    # the caller's weights win over the group's
    result = await _score(session_factory, weights={"shares": 1, "no_shows": -10})
    assert result[ANNA.id].components["share_quality"] == 2.0
    assert result[ANNA.id].components["activities"] == 3 - 10 + 1


def test_effective_weights_ignores_a_non_mapping() -> None:
    assert scores.effective_weights({"score_weights": [1, 2]}) == scores.DEFAULT_WEIGHTS


async def test_no_shows_wait_for_the_end(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    result = await _score(session_factory, now=utc(3, 15))  # A2 (20 March) has not ended
    assert result[ANNA.id].raw["no_shows"] == 0
    assert result[ANNA.id].raw["attended"] == 1


async def test_other_periods_and_empty_group(session_factory, clock) -> None:
    await build(session_factory, clock.now())
    async with session_factory() as session:
        first_week = _by_user(
            await scores.score_period(session, GROUP, week(date(2026, 3, 2), "Asia/Shanghai"))
        )
        assert first_week[ANNA.id].raw["days_active"] == 2  # 2 and 3 March
        assert first_week[ANNA.id].raw["shares"] == 1
        q1 = _by_user(
            await scores.score_period(session, GROUP, quarter(date(2026, 3, 2), "Asia/Shanghai"))
        )
        assert q1[ANNA.id].raw["days_active"] == 4  # Feb 28 counts in the quarter
        assert q1[BO.id].raw["best_answers"] == 1
        assert await scores.score_group(session, -1, MARCH.since, MARCH.until) == []
