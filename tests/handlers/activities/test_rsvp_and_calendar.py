from datetime import timedelta

import icalendar

from handlers.activities import CalendarCallback, RsvpCallback
from organizer import callbacks
from organizer.database import unit_of_work
from organizer.services import rsvp, scheduled_actions
from tests.handlers.conftest import GROUP_ID
from tests.organizer.activity_fixtures import members, proposal, published


async def _activity(session_factory, clock, **changes) -> int:
    async with unit_of_work(session_factory) as session:
        data = proposal(clock, **changes)
        activity_id = await published(session, clock, data, group_id=GROUP_ID)
        await members(session, clock, 1, 2, 3)
    return activity_id


def test_domain_callback_strings_parse_with_the_handlers_factories() -> None:
    assert RsvpCallback.unpack(callbacks.rsvp(42, "going")) == RsvpCallback(
        activity_id=42, choice="going"
    )
    assert CalendarCallback.unpack(callbacks.add_to_calendar(7)).activity_id == 7


async def test_rsvp_presses_fill_capacity_then_waitlist(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    for user in (1, 2, 3):
        await harness.press(callbacks.rsvp(activity_id, "going"), user_id=user, chat_id=GROUP_ID)
    assert harness.alerts() == [
        "已报名参加「Course design review」。",
        "已报名参加「Course design review」。",
        "名额已满，您在候补名单第 1 位；有人退出时我会通知您。",
    ]
    async with session_factory() as session:
        assert await rsvp.counts(session, activity_id) == rsvp.RsvpCounts(going=2, waitlist=1)
        refreshes = await scheduled_actions.pending(session, kind="activity.refresh")
    assert len(refreshes) == 1  # three presses, one announcement edit


async def test_leaving_promotes_and_tells_the_promoted_member(
    harness, session_factory, clock
) -> None:
    activity_id = await _activity(session_factory, clock)
    for user in (1, 2, 3):
        await harness.press(callbacks.rsvp(activity_id, "going"), user_id=user, chat_id=GROUP_ID)
    await harness.press(callbacks.rsvp(activity_id, "no"), user_id=1, chat_id=GROUP_ID)
    [promotion] = harness.messenger.texts_to(3)
    assert "您已从候补转为参加" in promotion


async def test_forged_or_late_presses_are_refused(harness, session_factory, clock) -> None:
    activity_id = await _activity(
        session_factory, clock, rsvp_deadline=clock.now() + timedelta(hours=1)
    )
    await harness.press(f"v1rs:{activity_id}:waitlist", user_id=1, chat_id=GROUP_ID)
    await harness.press("v1rs:999999:going", user_id=1, chat_id=GROUP_ID)
    clock.advance(hours=2)
    await harness.press(callbacks.rsvp(activity_id, "going"), user_id=1, chat_id=GROUP_ID)
    assert harness.alerts() == [
        "这个按钮已失效，请使用公告上的按钮。",
        "这个按钮已失效，请使用公告上的按钮。",
        "报名已截止。",
    ]
    async with session_factory() as session:
        assert await rsvp.counts(session, activity_id) == rsvp.RsvpCounts()


async def test_add_to_calendar_sends_an_ics_privately(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    await harness.press(callbacks.add_to_calendar(activity_id), user_id=2, chat_id=GROUP_ID)
    [(chat_id, document)] = harness.messenger.documents
    assert chat_id == 2 and document.filename.endswith(".ics")
    event = icalendar.Calendar.from_ical(document.data).walk("VEVENT")[0]
    assert str(event["UID"]) == f"activity-{activity_id}@organizer"
    assert str(event["SUMMARY"]) == "Course design review"
    harness.messenger.unreachable.add(3)
    await harness.press(callbacks.add_to_calendar(activity_id), user_id=3, chat_id=GROUP_ID)
    assert "请先打开与我的私聊" in harness.alerts()[-1]


async def test_events_and_myevents_and_group_calendar(harness, session_factory, clock) -> None:
    activity_id = await _activity(session_factory, clock)
    await harness.press(callbacks.rsvp(activity_id, "maybe"), user_id=1, chat_id=GROUP_ID)
    await harness.message("/events", user_id=1, chat_id=GROUP_ID)
    listing = harness.messenger.sent[-1].text
    assert "Course design review" in listing and "已报名 0" in listing
    await harness.message("/myevents", user_id=1)
    assert "🤔 可能" in harness.messenger.sent[-1].text
    await harness.message("/calendar", user_id=1, chat_id=GROUP_ID)
    feed = harness.messenger.documents[-1][1]
    assert len(icalendar.Calendar.from_ical(feed.data).walk("VEVENT")) == 1
