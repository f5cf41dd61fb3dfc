"""The proposal form's drafts (organizer/services/drafts.py) and the review helpers the form
added to organizer/services/activities.py, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest

from organizer.models import ActivityKind, ActivityStatus, MemberRole, MemberStatus
from organizer.services import activities, activity_lifecycle, admins, drafts, groups, users
from organizer.services.activities import ActivityError, AgendaEntry, Recurrence
from organizer.services.drafts import DraftIncomplete
from organizer.services.users import TelegramProfile
from tests.organizer.activity_fixtures import GROUP, ORGANIZER, proposal

OTHER_GROUP = -100701
ADMIN = 710


async def setup_groups(session, clock) -> None:
    for chat_id, title in ((GROUP, "B group"), (OTHER_GROUP, "A group")):
        await groups.register(
            session, chat_id=chat_id, title=title, default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
    for user_id in (ORGANIZER, ADMIN):
        await users.mark_started(session, TelegramProfile(user_id, f"U{user_id}"), now=clock.now())


async def join(session, clock, group_id, user_id, *, status=MemberStatus.ACTIVE, role=None):
    profile = TelegramProfile(user_id, f"U{user_id}")
    await admins.record_member_status(
        session, group_id, profile, status=status, role=role or MemberRole.MEMBER, now=clock.now()
    )


async def test_a_draft_is_saved_at_every_step_and_read_back_in_a_new_session(
    session_factory, clock
) -> None:
    async with session_factory() as session:
        await setup_groups(session, clock)
        draft = await drafts.start(session, ORGANIZER, group_id=GROUP, step="kind", now=clock.now())
        assert (draft.step, draft.data, draft.group_id, draft.activity_id) == (
            "kind",
            {},
            GROUP,
            None,
        )
        clock.advance(minutes=3)
        data = {"kind": "seminar", "title": "课程设计", "agenda": [{"time": None, "topic": "x"}]}
        await drafts.save(session, ORGANIZER, step="description", data=data, now=clock.now())
        await session.commit()
    # A "restart": another session, nothing carried over in memory.
    async with session_factory() as session:
        stored = await drafts.get(session, ORGANIZER)
    assert stored is not None
    assert stored.step == "description" and stored.data == data
    assert stored.updated_at == clock.now() and stored.created_at < stored.updated_at


async def test_starting_again_replaces_the_draft_one_per_user(session, clock) -> None:
    await setup_groups(session, clock)
    await drafts.start(session, ORGANIZER, group_id=GROUP, step="kind", now=clock.now())
    await drafts.save(session, ORGANIZER, step="title", data={"kind": "other"}, now=clock.now())
    again = await drafts.start(
        session, ORGANIZER, group_id=OTHER_GROUP, step="preview", data={"title": "t"},
        activity_id=None, now=clock.now(),
    )  # fmt: skip
    assert (again.group_id, again.step, again.data) == (OTHER_GROUP, "preview", {"title": "t"})
    assert await drafts.discard(session, ORGANIZER) is True
    assert await drafts.get(session, ORGANIZER) is None
    assert await drafts.discard(session, ORGANIZER) is False
    with pytest.raises(LookupError):
        await drafts.save(session, ORGANIZER, step="title", data={}, now=clock.now())


async def test_proposable_groups_are_the_present_memberships_in_groups_the_bot_is_in(
    session, clock
) -> None:
    await setup_groups(session, clock)
    assert await drafts.proposable_groups(session, ORGANIZER) == []
    await join(session, clock, GROUP, ORGANIZER)
    await join(session, clock, OTHER_GROUP, ORGANIZER, status=MemberStatus.RESTRICTED)
    found = await drafts.proposable_groups(session, ORGANIZER)
    assert [group.title for group in found] == ["A group", "B group"]  # by title
    await join(session, clock, OTHER_GROUP, ORGANIZER, status=MemberStatus.LEFT)
    await groups.mark_bot_removed(session, GROUP, now=clock.now())
    await session.flush()
    assert await drafts.proposable_groups(session, ORGANIZER) == []


def test_a_draft_becomes_a_proposal_and_back(clock) -> None:
    start = datetime(2026, 3, 10, 11, 30, tzinfo=UTC)
    data = proposal(
        clock, starts_at=start, ends_at=start + timedelta(hours=2), online_url="https://x.org/1",
        rsvp_deadline=start - timedelta(hours=1), coordinator="王老师",
        agenda=(AgendaEntry("19:30", "开场", "张老师"), AgendaEntry(None, "交流")),
        recurrence=Recurrence(interval_weeks=2, until=start + timedelta(weeks=4)),
    )  # fmt: skip
    assert drafts.to_proposal(drafts.from_proposal(data)) == data
    plain = proposal(clock, capacity=None)
    as_draft = drafts.from_proposal(plain)
    assert as_draft["repeat_weeks"] == 0 and as_draft["repeat_until"] is None
    assert drafts.to_proposal(as_draft) == plain


@pytest.mark.parametrize(
    ("missing", "step"),
    [("kind", "kind"), ("title", "title"), ("starts_at", "start"), ("ends_at", "end")],
)
def test_an_incomplete_draft_names_the_step_that_asks_for_what_is_missing(
    clock, missing, step
) -> None:
    data = drafts.from_proposal(proposal(clock))
    with pytest.raises(DraftIncomplete) as raised:
        drafts.to_proposal({**data, missing: None})
    assert raised.value.step == step


def test_a_proposal_needs_a_place_or_a_link(clock) -> None:
    data = drafts.from_proposal(proposal(clock))
    with pytest.raises(DraftIncomplete) as raised:
        drafts.to_proposal({**data, "location": None, "online_url": None})
    assert raised.value.step == "place"
    assert (
        drafts.to_proposal({**data, "location": None, "online_url": "https://a.cn"}).location
        is None
    )


async def submitted(session, clock, **changes):
    await setup_groups(session, clock)
    data = proposal(clock, **changes)
    activity = await activities.submit(
        session, proposer_id=ORGANIZER, group_id=GROUP, data=data, now=clock.now()
    )
    return activity, data


async def test_a_proposal_keeps_its_recurrence_for_approval(session, clock) -> None:
    start = clock.now() + timedelta(days=2)
    recurrence = Recurrence(interval_weeks=1, until=start + timedelta(weeks=2, hours=1))
    activity, data = await submitted(session, clock, recurrence=recurrence)
    assert await activities.proposal_of(session, activity.id) == data


async def test_resubmitting_after_changes_updates_the_same_activity(session, clock) -> None:
    activity, _ = await submitted(session, clock)
    await activity_lifecycle.request_changes(
        session, activity.id, reviewer_id=ADMIN, note="请补充议程", now=clock.now()
    )
    revised = proposal(clock, title="课程设计评审（修订）", kind=ActivityKind.CASE_ANALYSIS,
                       agenda=(AgendaEntry(None, "议程"),))  # fmt: skip
    clock.advance(hours=1)
    again = await activities.resubmit(
        session, activity.id, proposer_id=ORGANIZER, data=revised, now=clock.now()
    )
    assert again.id == activity.id and again.status == ActivityStatus.PENDING_APPROVAL
    assert again.title == "课程设计评审（修订）" and again.kind == ActivityKind.CASE_ANALYSIS
    assert again.agenda == (AgendaEntry(None, "议程"),)
    assert again.review_note == "请补充议程"  # the card shows what the revision answers
    state = await activities.lock_for_review(session, activity.id)
    assert (state.status, state.reviewed_by) == (ActivityStatus.PENDING_APPROVAL, None)
    with pytest.raises(ActivityError) as raised:  # only a proposal sent back can be revised
        await activities.resubmit(
            session, activity.id, proposer_id=ORGANIZER, data=revised, now=clock.now()
        )
    assert raised.value.code == "activity-already-reviewed"


async def test_only_the_proposer_may_resubmit(session, clock) -> None:
    activity, data = await submitted(session, clock)
    await activity_lifecycle.request_changes(
        session, activity.id, reviewer_id=ADMIN, note="n", now=clock.now()
    )
    with pytest.raises(ActivityError) as raised:
        await activities.resubmit(
            session, activity.id, proposer_id=ADMIN, data=data, now=clock.now()
        )
    assert raised.value.code == "activity-not-found"


async def test_review_state_says_who_decided_and_when(session, clock) -> None:
    activity, _ = await submitted(session, clock)
    await activity_lifecycle.reject(
        session, activity.id, reviewer_id=ADMIN, reason="时间冲突", now=clock.now()
    )
    state = await activities.lock_for_review(session, activity.id)
    assert state.status == ActivityStatus.REJECTED
    assert (state.reviewed_by, state.reviewed_at, state.review_note) == (
        ADMIN,
        clock.now(),
        "时间冲突",
    )
    with pytest.raises(ActivityError):
        await activities.lock_for_review(session, 999_999)


async def test_reviewers_are_the_present_admins_and_owner(session, clock) -> None:
    await setup_groups(session, clock)
    await join(session, clock, GROUP, ORGANIZER)
    await join(session, clock, GROUP, ADMIN, role=MemberRole.ADMIN)
    await join(session, clock, GROUP, 720, role=MemberRole.OWNER)
    await join(session, clock, GROUP, 730, role=MemberRole.ADMIN, status=MemberStatus.LEFT)
    await join(session, clock, OTHER_GROUP, 740, role=MemberRole.ADMIN)
    assert await activities.reviewer_ids(session, GROUP) == [ADMIN, 720]
