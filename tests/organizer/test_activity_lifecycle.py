from datetime import UTC, datetime, timedelta

import pytest

from organizer.models import ActivityStatus
from organizer.services import activities, activity_lifecycle, scheduled_actions
from organizer.services.activities import ActivityError, Recurrence
from tests.organizer.activity_fixtures import GROUP, ORGANIZER, proposal, published


async def test_publication_schedules_every_step(session, clock) -> None:
    activity_id = await published(session, clock)
    steps = await scheduled_actions.pending(session, dedupe_prefix=f"activity:{activity_id}:")
    activity = await activities.get(session, activity_id)
    assert activity is not None and activity.status == ActivityStatus.PUBLISHED
    assert activity.checkin_code is not None and len(activity.checkin_code) == 4
    due = {step.kind: step.due_at for step in steps if step.kind != "activity.reminder"}
    start, end = activity.starts_at, activity.ends_at
    assert due == {
        "activity.checkin_open": start - timedelta(minutes=15),
        "activity.checkin_close": start + timedelta(minutes=30),
        "activity.survey_send": end,
        "activity.survey_remind": end + timedelta(hours=24),
        "activity.survey_close": end + timedelta(hours=48),
    }
    reminders = sorted(s.due_at for s in steps if s.kind == "activity.reminder")
    assert reminders == [start - timedelta(hours=24), start - timedelta(hours=1)]


async def test_reminder_already_past_at_publication_is_skipped(session, clock) -> None:
    start = clock.now() + timedelta(hours=5)
    data = proposal(clock, starts_at=start, ends_at=start + timedelta(hours=1))
    activity_id = await published(session, clock, data)
    reminders = await scheduled_actions.pending(
        session, kind="activity.reminder", dedupe_prefix=f"activity:{activity_id}:"
    )
    assert [r.due_at for r in reminders] == [start - timedelta(hours=1)]


async def test_weekly_series_keeps_local_time_across_dst(session, clock) -> None:
    # 19:30 in Berlin, weekly over the end of March, when Berlin moves from UTC+1 to UTC+2.
    start = datetime(2026, 3, 19, 18, 30, tzinfo=UTC)
    clock.set(start - timedelta(days=3))
    data = proposal(
        clock, starts_at=start, ends_at=start + timedelta(hours=1),
        recurrence=Recurrence(interval_weeks=1, until=start + timedelta(weeks=2)),
    )  # fmt: skip
    starts = activities.occurrence_starts(data, "Europe/Berlin")
    assert starts == [
        datetime(2026, 3, 19, 18, 30, tzinfo=UTC),
        datetime(2026, 3, 26, 18, 30, tzinfo=UTC),
        datetime(2026, 4, 2, 17, 30, tzinfo=UTC),  # still 19:30 local
    ]


async def test_series_is_published_one_row_per_occurrence(session, clock) -> None:
    start = clock.now() + timedelta(days=1)
    data = proposal(
        clock, starts_at=start, ends_at=start + timedelta(hours=1),
        recurrence=Recurrence(interval_weeks=2, until=start + timedelta(weeks=4)),
    )  # fmt: skip
    first_id = await published(session, clock, data)
    first = await activities.get(session, first_id)
    rows = await activities.upcoming(session, GROUP, now=clock.now())
    assert [r.starts_at - first.starts_at for r in rows] == [timedelta(weeks=w) for w in (0, 2, 4)]
    assert {r.series_id for r in rows} == {first_id}
    assert all(r.checkin_code and r.checkin_code.isdigit() for r in rows)


async def test_review_decisions_happen_once(session, clock) -> None:
    await published(session, clock)
    pending = await activities.submit(
        session, proposer_id=ORGANIZER, group_id=GROUP, data=proposal(clock), now=clock.now()
    )
    rejected = await activity_lifecycle.reject(
        session, pending.id, reviewer_id=1, reason="  clashes with the exam  ", now=clock.now()
    )
    assert (
        rejected.status == ActivityStatus.REJECTED
        and rejected.review_note == "clashes with the exam"
    )
    with pytest.raises(ActivityError) as error:
        await activity_lifecycle.request_changes(
            session, pending.id, reviewer_id=2, note="x", now=clock.now()
        )
    assert error.value.code == "activity-already-reviewed"


async def test_refresh_requests_coalesce(session, clock) -> None:
    activity_id = await published(session, clock)
    for _ in range(5):
        await activity_lifecycle.request_refresh(session, activity_id, now=clock.now())
    refreshes = await scheduled_actions.pending(session, kind="activity.refresh")
    assert len(refreshes) == 1
