"""`digest.build`: one of each item collected for the group; what is done or out of range is
left out."""

from __future__ import annotations

from datetime import timedelta

from organizer.database import unit_of_work
from organizer.services import digest, notices_acks
from tests.organizer.digest.world import (
    ANNOUNCEMENT,
    DAN,
    NOTICE_MESSAGE,
    QUESTION_MESSAGE,
    REPORTED_MESSAGE,
    make_world,
)
from tests.organizer.members.fixtures import ANNA, BO, CHEN, GROUP, make_group

LINK = "https://t.me/c/1009001/{}"  # a members-only link (the group has no username)


async def test_build_collects_one_of_each(session_factory, clock) -> None:
    now = clock.now()
    ids = await make_world(session_factory, now)
    async with session_factory() as session:
        found = await digest.build(session, GROUP, since=now - timedelta(days=1), now=now)
    assert [(j.user_id, j.name) for j in found.join_requests] == [(DAN.id, "Dan")]
    [report] = found.reports
    assert (report.reported_name, report.reporters) == ("Bo", 1)
    assert report.link == LINK.format(REPORTED_MESSAGE)
    [question] = found.questions
    assert question.asker_name == "Chen" and question.link == LINK.format(QUESTION_MESSAGE)
    assert question.text.startswith("How do I export")
    assert [(a.title, a.link) for a in found.activities] == [
        ("Course design review", LINK.format(ANNOUNCEMENT))
    ]
    assert [(p.title, p.proposer_name) for p in found.proposals] == [("Team lunch", "Anna")]
    [swept] = found.sweep_due
    assert (swept.user_id, swept.name) == (BO.id, "Bo")
    assert swept.review_at == now - timedelta(days=2) + timedelta(days=7)  # default grace
    assert [(v.rule, v.count) for v in found.violations] == [("banned.ads", 2), ("manual.warn", 1)]
    assert found.violation_total == 3
    [chased] = found.notices
    assert chased.notice_id == ids["notice"] and chased.pending == 4  # not the author
    assert chased.link == LINK.format(NOTICE_MESSAGE)
    assert chased.preview == "Safety drill & fire exits"  # tags gone; escaped when rendered
    assert not found.quiet


async def test_acknowledged_notices_and_handled_items_drop_out(session_factory, clock) -> None:
    now = clock.now()
    ids = await make_world(session_factory, now)
    async with unit_of_work(session_factory) as session:
        for member in (ANNA.id, BO.id, CHEN.id, 11):
            await notices_acks.acknowledge(session, ids["notice"], member, GROUP, now)
    async with session_factory() as session:
        found = await digest.build(session, GROUP, since=now, now=now + timedelta(days=8))
    assert found.notices == ()
    # The one two days away has started; the one ten days away is now within the week.
    assert [a.title for a in found.activities] == ["Far away"]
    assert found.violations == () and found.violation_total == 0


async def test_nothing_pending_is_quiet(session_factory, clock) -> None:
    await make_group(session_factory, clock.now())
    async with session_factory() as session:
        found = await digest.build(
            session, GROUP, since=clock.now() - timedelta(days=1), now=clock.now()
        )
    assert found.quiet
    assert found == digest.Digest(GROUP, clock.now() - timedelta(days=1), clock.now())
