"""/report: merging, refusing one's own message, and the first admin's press winning."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from organizer.database import unit_of_work
from organizer.services import reports
from organizer.services.reports import ReportError
from tests.organizer.moderation_records.fixtures import ADMIN, ANNA, BO, GROUP, make_groups

CHEN, DAN = 33, 34


@pytest.fixture(autouse=True)
async def _groups(session_factory, clock) -> None:
    await make_groups(session_factory, clock.now())


async def _file(session: Any, now: Any, reporter: int, **overrides: Any) -> reports.ReportOutcome:
    values: dict[str, Any] = {
        "group_id": GROUP, "message_id": 700, "reported_user_id": ANNA.id,
        "message_text": "加我微信", "reporter_id": reporter, "reason": None, "now": now,
    }  # fmt: skip
    return await reports.file(session, **{**values, **overrides})


async def test_reports_of_one_message_merge(session, clock) -> None:
    first = await _file(session, clock.now(), BO.id, reason="ad")
    second = await _file(session, clock.now(), CHEN, reason=" rumour ")
    again = await _file(session, clock.now(), BO.id)
    assert first == reports.ReportOutcome(first.report_id, False, 1, None, False)
    assert second == reports.ReportOutcome(first.report_id, True, 2, None, False)
    assert again == reports.ReportOutcome(first.report_id, True, 2, None, True)
    [report] = await reports.open_reports(session, GROUP)
    assert (report.reporter_ids, report.reasons) == ((BO.id, CHEN), ("ad", "rumour"))
    assert (report.first_reporter_id, report.message_text, report.status) == (
        BO.id, "加我微信", "open",
    )  # fmt: skip
    other = await _file(session, clock.now(), BO.id, message_id=701)
    assert other.report_id != first.report_id and not other.merged


async def test_reporting_ones_own_message_is_refused(session, clock) -> None:
    with pytest.raises(ReportError) as caught:
        await _file(session, clock.now(), ANNA.id)
    assert caught.value.key == "moderation-admin-report-self"
    assert await reports.open_reports(session, GROUP) == []


async def test_the_second_resolver_is_told_who_handled_it(session, clock) -> None:
    filed = await _file(session, clock.now(), BO.id)
    done = await reports.resolve(
        session, filed.report_id, action="delete", by_user_id=ADMIN.id, now=clock.now()
    )
    assert (done.status, done.first, done.handled_by) == ("deleted", True, ADMIN.id)
    assert done.report.reported_user_id == ANNA.id
    late = await reports.resolve(
        session, filed.report_id, action="dismiss", by_user_id=99, now=clock.now()
    )
    assert (late.status, late.first, late.handled_by) == ("deleted", False, ADMIN.id)
    assert await reports.open_reports(session, GROUP) == []


async def test_a_handled_report_is_not_reopened(session, clock) -> None:
    filed = await _file(session, clock.now(), BO.id)
    await reports.resolve(session, filed.report_id, action="muted", by_user_id=1, now=clock.now())
    later = await _file(session, clock.now(), CHEN)
    assert (later.report_id, later.merged, later.already_handled_status) == (
        filed.report_id, True, "muted",
    )  # fmt: skip
    assert later.reporter_count == 1  # a vote on a handled report is not counted


@pytest.mark.parametrize("action", ["ban", "open", ""])
async def test_unknown_resolutions_are_refused(session, clock, action) -> None:
    filed = await _file(session, clock.now(), BO.id)
    with pytest.raises(ValueError):
        await reports.resolve(
            session, filed.report_id, action=action, by_user_id=1, now=clock.now()
        )


async def test_unknown_reports(session, clock) -> None:
    with pytest.raises(LookupError):
        await reports.resolve(session, 404, action="warn", by_user_id=1, now=clock.now())
    with pytest.raises(LookupError):
        await reports.add_card(session, 404, -100, 1)
    assert await reports.get(session, 404) is None


async def test_cards_are_remembered_once(session, clock) -> None:
    filed = await _file(session, clock.now(), BO.id)
    await reports.add_card(session, filed.report_id, -100777, 5)
    await reports.add_card(session, filed.report_id, ADMIN.id, 6)
    await reports.add_card(session, filed.report_id, -100777, 5)
    await session.commit()
    report = await reports.get(session, filed.report_id)
    assert report is not None and report.cards == ((-100777, 5), (ADMIN.id, 6))


async def test_simultaneous_reports_make_one_report_with_every_vote(session_factory, clock) -> None:
    async def one(reporter: int) -> reports.ReportOutcome:
        async with unit_of_work(session_factory) as session:
            return await _file(session, clock.now(), reporter)

    outcomes = await asyncio.gather(*(one(reporter) for reporter in (BO.id, CHEN, DAN)))
    assert len({o.report_id for o in outcomes}) == 1
    assert sorted(o.reporter_count for o in outcomes) == [1, 2, 3]
    assert [o.merged for o in outcomes].count(False) == 1  # exactly one card to send


async def test_simultaneous_presses_handle_once(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        report_id = (await _file(session, clock.now(), BO.id)).report_id

    async def press(admin: int, action: str) -> reports.ResolveOutcome:
        async with unit_of_work(session_factory) as session:
            return await reports.resolve(
                session, report_id, action=action, by_user_id=admin, now=clock.now()
            )

    outcomes = await asyncio.gather(press(ADMIN.id, "warn"), press(99, "dismiss"))
    assert [o.first for o in outcomes].count(True) == 1
    winner = next(o for o in outcomes if o.first)
    assert all((o.status, o.handled_by) == (winner.status, winner.handled_by) for o in outcomes)
