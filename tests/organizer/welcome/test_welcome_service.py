"""Welcome and rules services against SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from organizer.models import Membership, MemberStatus
from organizer.services import groups, rules_versions, scheduled_actions, welcome
from organizer.services.users import TelegramProfile

GROUP = -100555
ANNA = TelegramProfile(id=41, first_name="Anna")


async def _group(session, clock) -> None:
    await groups.register(
        session, chat_id=GROUP, title="G", default_timezone="Asia/Shanghai",
        default_language="zh", now=clock.now(),
    )  # fmt: skip


async def _row(session) -> Membership:
    row = await welcome.membership(session, GROUP, ANNA.id)
    assert row is not None
    return row


async def test_arrival_needs_welcome_once_then_accept_records_the_version(session, clock) -> None:
    await _group(session, clock)
    first = await welcome.record_arrival(session, GROUP, ANNA, joined_via="link", now=clock.now())
    assert first.needs_welcome and first.joined_via == "link"
    due = await welcome.welcome_posted(
        session, GROUP, ANNA.id, message_id=501, join_message_id=None, now=clock.now()
    )
    assert due == clock.now() + timedelta(hours=24)
    # The same join reported again (service message): no second welcome, its id is kept.
    again = await welcome.record_arrival(session, GROUP, ANNA, joined_via="added", now=clock.now())
    assert not again.needs_welcome and again.welcome_pending and again.joined_via == "link"
    assert await welcome.attach_join_message(session, GROUP, ANNA.id, 500, now=clock.now())
    assert (await _row(session)).status == MemberStatus.RESTRICTED
    clock.advance(hours=1)
    accepted = await welcome.accept(session, GROUP, ANNA.id, now=clock.now())
    assert accepted.welcome_message_id == 501 and accepted.join_message_id == 500
    assert accepted.clean_join_messages and accepted.rules_version == 1
    row = await _row(session)
    assert row.rules_version_accepted == 1 and row.rules_accepted_at == clock.now()
    assert row.status == MemberStatus.ACTIVE and row.welcome_message_id is None
    assert await scheduled_actions.pending(session, kind=welcome.WELCOME_EXPIRE) == []
    with pytest.raises(LookupError):
        await welcome.accept(session, GROUP, ANNA.id, now=clock.now())


async def test_rejoin_after_accepting_current_rules_needs_no_welcome(session, clock) -> None:
    await _group(session, clock)
    await welcome.record_arrival(session, GROUP, ANNA, joined_via="added", now=clock.now())
    await welcome.accept(session, GROUP, ANNA.id, now=clock.now())
    await welcome.record_departure(
        session, GROUP, ANNA.id, status=MemberStatus.LEFT, now=clock.now()
    )
    back = await welcome.record_arrival(session, GROUP, ANNA, joined_via="link", now=clock.now())
    assert not back.needs_welcome
    await rules_versions.set_rules(session, GROUP, "Be kind", now=clock.now())
    await welcome.record_departure(
        session, GROUP, ANNA.id, status=MemberStatus.LEFT, now=clock.now()
    )
    assert (await welcome.record_arrival(
        session, GROUP, ANNA, joined_via="link", now=clock.now()
    )).needs_welcome  # fmt: skip


async def test_approved_request_keeps_joined_via_and_profile_fields(session, clock) -> None:
    await _group(session, clock)
    await welcome.record_arrival(session, GROUP, ANNA, joined_via="link", now=clock.now())
    await welcome.record_departure(
        session, GROUP, ANNA.id, status=MemberStatus.LEFT, now=clock.now()
    )
    row = await _row(session)
    assert row.joined_via == "link" and row.left_at == clock.now()
    # The joining feature approves a new request: it updates the row before the join arrives.
    clock.advance(hours=2)
    row.joined_via, row.member_type, row.department = "request", "employee", "Sales"
    row.updated_at = clock.now()
    await session.flush()
    clock.advance(minutes=1)
    arrival = await welcome.record_arrival(
        session, GROUP, ANNA, joined_via="unknown", now=clock.now()
    )
    assert arrival.joined_via == "request" and arrival.needs_welcome
    row = await _row(session)
    assert (row.member_type, row.department, row.left_at) == ("employee", "Sales", None)
    # A stale approval (from before the last leave) does not count for a later direct add.
    await welcome.record_departure(
        session, GROUP, ANNA.id, status=MemberStatus.LEFT, now=clock.now()
    )
    clock.advance(days=1)
    later = await welcome.record_arrival(session, GROUP, ANNA, joined_via="added", now=clock.now())
    assert later.joined_via == "added"


async def test_expire_and_departure_keep_history(session, clock) -> None:
    await _group(session, clock)
    await welcome.record_arrival(session, GROUP, ANNA, joined_via="added", now=clock.now())
    await welcome.welcome_posted(
        session, GROUP, ANNA.id, message_id=7, join_message_id=6, now=clock.now()
    )
    clock.advance(hours=24)
    expired = await welcome.expire(session, GROUP, ANNA.id, {"join_message_id": 6}, now=clock.now())
    assert expired == welcome.Expired(7, 6, True)
    # Telegram then reports the kick as "kicked" (banned) and the unban as "left".
    for status in (MemberStatus.BANNED, MemberStatus.LEFT):
        await welcome.record_departure(session, GROUP, ANNA.id, status=status, now=clock.now())
    row = await _row(session)
    assert row.status == MemberStatus.KICKED and row.left_at == clock.now()
    assert await welcome.expire(session, GROUP, ANNA.id, {}, now=clock.now()) is None


async def test_setrules_bumps_version_escapes_and_acknowledgements_count(session, clock) -> None:
    await _group(session, clock)
    assert await rules_versions.current_version(session, GROUP) == 1
    assert await rules_versions.set_rules(session, GROUP, "No <spam> & ads", now=clock.now()) == 2
    group = await groups.get(session, GROUP)
    assert group is not None and group.rules_text == "No &lt;spam&gt; &amp; ads"
    await welcome.record_arrival(session, GROUP, ANNA, joined_via="link", now=clock.now())
    assert await rules_versions.compliance(session, GROUP) == rules_versions.Compliance(0, 1)
    assert await rules_versions.acknowledge(session, GROUP, ANNA, now=clock.now())
    assert not await rules_versions.acknowledge(session, GROUP, ANNA, now=clock.now())
    assert (await _row(session)).rules_version_accepted == 2
    assert await rules_versions.compliance(session, GROUP) == rules_versions.Compliance(1, 1)
    with pytest.raises(ValueError):
        await rules_versions.set_rules(session, GROUP, "  ", now=clock.now())


async def test_reminder_schedule_follows_settings(session, clock) -> None:
    await _group(session, clock)  # START is Monday 09:00 Shanghai
    due = await rules_versions.ensure_rules_reminder(session, GROUP, clock.now())
    assert due == datetime(2026, 3, 9, 1, 0, tzinfo=UTC)  # next Monday 09:00 local
    values = rules_versions.parse_reminder("weekly", "2", "7:30")
    settings, due = await rules_versions.configure_reminder(session, GROUP, values, now=clock.now())
    assert settings.at_text == "07:30" and due == datetime(2026, 3, 3, 23, 30, tzinfo=UTC)
    [pending] = await scheduled_actions.pending(session, kind=rules_versions.RULES_REMINDER)
    assert pending.dedupe_key == f"rules.reminder:{GROUP}:2026-03-04" and pending.due_at == due
    _, due = await rules_versions.configure_reminder(
        session, GROUP, rules_versions.parse_reminder("off"), now=clock.now()
    )
    assert due is None
    assert await scheduled_actions.pending(session, kind=rules_versions.RULES_REMINDER) == []
    for bad in (("weekly", "7", "09:00"), ("weekly", "1", "25:00"), ("daily", "1", "09:00")):
        with pytest.raises(rules_versions.InvalidReminder):
            rules_versions.parse_reminder(*bad)
