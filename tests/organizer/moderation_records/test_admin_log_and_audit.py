"""Where the admin log goes (group, else organisation, else none) and the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from organizer.services import admin_log, audit, violations
from tests.organizer.moderation_records.fixtures import (
    ADMIN,
    ANNA,
    GROUP,
    OTHER_GROUP,
    hit,
    make_groups,
)

LOG_CHAT, ORG_CHAT = -100900, -100901


@pytest.fixture(autouse=True)
async def _groups(session_factory, clock) -> None:
    await make_groups(session_factory, clock.now())


async def test_destination_falls_back_to_the_organisation(session, clock) -> None:
    assert await admin_log.destination(session, GROUP) is None
    org = await admin_log.set_destination(
        session, group_id=None, chat_id=ORG_CHAT, by=ADMIN.id, now=clock.now()
    )
    assert org == admin_log.LogDestination(None, ORG_CHAT, None)
    assert await admin_log.destination(session, GROUP) == ORG_CHAT
    await admin_log.set_destination(
        session, group_id=GROUP, chat_id=LOG_CHAT, by=ADMIN.id, now=clock.now()
    )
    assert await admin_log.destination(session, GROUP) == LOG_CHAT
    assert await admin_log.destination(session, OTHER_GROUP) == ORG_CHAT
    assert await admin_log.destination(session, None) == ORG_CHAT


async def test_destination_can_be_moved_and_cleared(session, clock) -> None:
    await admin_log.set_destination(session, group_id=GROUP, chat_id=1, by=None, now=clock.now())
    moved = await admin_log.set_destination(
        session, group_id=GROUP, chat_id=LOG_CHAT, by=ADMIN.id, now=clock.now()
    )
    assert moved == admin_log.LogDestination(GROUP, LOG_CHAT, 1)
    cleared = await admin_log.set_destination(
        session, group_id=GROUP, chat_id=None, by=ADMIN.id, now=clock.now()
    )
    assert cleared == admin_log.LogDestination(GROUP, None, LOG_CHAT)
    assert await admin_log.destination(session, GROUP) is None


async def test_audit_entries_newest_first_per_group(session, clock) -> None:
    violation = await hit(session, clock.now())
    first = await audit.log(
        session, group_id=GROUP, actor_id=None, action="delete", target_user_id=ANNA.id,
        violation_id=violation.violation_id, details={"rule": "banned.gambling"}, now=clock.now(),
    )  # fmt: skip
    clock.advance(minutes=1)
    second = await audit.log(
        session, group_id=GROUP, actor_id=ADMIN.id, action="undo", now=clock.now()
    )
    await audit.log(session, group_id=OTHER_GROUP, actor_id=1, action="ban", now=clock.now())
    await audit.log(session, group_id=None, actor_id=1, action="setlog", now=clock.now())
    entries = await audit.recent(session, GROUP, limit=10)
    assert [e.id for e in entries] == [second, first]
    assert entries[1] == audit.AuditInfo(
        first, GROUP, None, "delete", ANNA.id, violation.violation_id,
        {"rule": "banned.gambling"}, clock.now() - timedelta(minutes=1),
    )  # fmt: skip
    assert entries[0].details == {} and entries[0].actor_id == ADMIN.id
    assert [e.action for e in await audit.recent(session, None)] == ["setlog"]
    assert len(await audit.recent(session, GROUP, limit=1)) == 1


@pytest.mark.parametrize("action", ["", "x" * 33])
async def test_audit_refuses_bad_actions(session, clock, action) -> None:
    with pytest.raises(ValueError):
        await audit.log(session, group_id=GROUP, actor_id=1, action=action, now=clock.now())


async def test_an_audit_entry_outlives_its_violation_link(session, clock) -> None:
    violation = await hit(session, clock.now())
    await audit.log(session, group_id=GROUP, actor_id=None, action="warn",
                    violation_id=violation.violation_id, now=clock.now())  # fmt: skip
    await violations.undo(session, violation.violation_id, by_user_id=ADMIN.id, now=clock.now())
    [entry] = await audit.recent(session, GROUP)
    assert entry.violation_id == violation.violation_id  # undone violations are kept
