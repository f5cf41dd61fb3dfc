from datetime import timedelta

import icalendar
import pytest

from organizer.models import MemberStatus
from organizer.models.calendar_feeds import CalendarFeedToken
from organizer.services import calendar_feeds
from organizer.services.calendar_feeds import FeedKind, FeedTarget, NotAMember
from tests.organizer.calendar_feeds.helpers import GROUP, MEMBER, OTHER_GROUP, STRANGER, join, world


def _titles(ics: bytes) -> set[str]:
    return {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")}


async def test_a_link_is_issued_once_and_shown_again(session, clock) -> None:
    await world(session, clock)
    first = await calendar_feeds.link_for(
        session, user_id=MEMBER, kind=FeedKind.MEMBER, now=clock.now()
    )
    again = await calendar_feeds.link_for(
        session, user_id=MEMBER, kind=FeedKind.MEMBER, now=clock.now()
    )
    assert first == again
    assert len(first.token) >= 43  # 256 bits from token_urlsafe(32)
    group = await calendar_feeds.link_for(
        session, user_id=MEMBER, kind=FeedKind.GROUP, group_id=GROUP, now=clock.now()
    )
    assert group.token != first.token
    assert await calendar_feeds.resolve(session, group.token, clock.now()) == FeedTarget(
        FeedKind.GROUP, MEMBER, GROUP
    )


async def test_group_links_are_for_members_only(session, clock) -> None:
    await world(session, clock)
    with pytest.raises(NotAMember):
        await calendar_feeds.link_for(
            session, user_id=MEMBER, kind=FeedKind.GROUP, group_id=OTHER_GROUP, now=clock.now()
        )
    with pytest.raises(ValueError):
        await calendar_feeds.link_for(session, user_id=MEMBER, kind=FeedKind.GROUP, now=clock.now())


async def test_revoked_unknown_and_left_resolve_to_nothing(session, clock) -> None:
    await world(session, clock)
    now = clock.now()
    mine = await calendar_feeds.link_for(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=now)
    group = await calendar_feeds.link_for(
        session, user_id=MEMBER, kind=FeedKind.GROUP, group_id=GROUP, now=now
    )
    assert await calendar_feeds.revoke(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=now)
    assert await calendar_feeds.resolve(session, mine.token, now) is None
    assert await calendar_feeds.resolve(session, "x" * 43, now) is None
    assert await calendar_feeds.resolve(session, "../../etc/passwd", now) is None
    renewed = await calendar_feeds.link_for(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=now)
    assert renewed.token != mine.token
    assert await calendar_feeds.resolve(session, renewed.token, now) is not None
    await join(session, clock, GROUP, MEMBER, status=MemberStatus.LEFT)
    assert await calendar_feeds.resolve(session, group.token, now) is None


async def test_renew_checks_the_owner(session, clock) -> None:
    await world(session, clock)
    now = clock.now()
    link = await calendar_feeds.link_for(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=now)
    with pytest.raises(LookupError):
        await calendar_feeds.renew(session, link_id=link.id, user_id=STRANGER, now=now)
    assert await calendar_feeds.resolve(session, link.token, now) is not None
    new = await calendar_feeds.renew(session, link_id=link.id, user_id=MEMBER, now=now)
    assert new.id != link.id and await calendar_feeds.resolve(session, link.token, now) is None
    with pytest.raises(LookupError):  # a second press of the old button
        await calendar_feeds.renew(session, link_id=link.id, user_id=MEMBER, now=now)


async def test_last_used_is_written_at_most_hourly(session, clock) -> None:
    await world(session, clock)
    link = await calendar_feeds.link_for(
        session, user_id=MEMBER, kind=FeedKind.MEMBER, now=clock.now()
    )
    first_use = clock.now()
    await calendar_feeds.resolve(session, link.token, first_use)
    await calendar_feeds.resolve(session, link.token, first_use + timedelta(minutes=59))
    row = await session.get(CalendarFeedToken, link.id)
    assert row is not None and row.last_used_at == first_use
    later = first_use + timedelta(hours=1)
    await calendar_feeds.resolve(session, link.token, later)
    assert row.last_used_at == later


async def test_member_feed_has_what_they_go_to_or_organise(session, clock) -> None:
    await world(session, clock)
    assert _titles(await calendar_feeds.member_feed(session, MEMBER, clock.now())) == {"Mine"}
    assert _titles(await calendar_feeds.member_feed(session, STRANGER, clock.now())) == {"Theirs"}
    organizer = await calendar_feeds.member_feed(session, 700, clock.now())
    assert _titles(organizer) == {"Mine", "Theirs"}
    assert "我的活动" in icalendar.Calendar.from_ical(organizer)["X-WR-CALNAME"]
    # 90 days after they ended, activities leave the feed.
    late = clock.now() + timedelta(days=95)
    assert _titles(await calendar_feeds.member_feed(session, MEMBER, late)) == set()


async def test_member_groups_lists_present_memberships(session, clock) -> None:
    await world(session, clock)
    assert [g.id for g in await calendar_feeds.member_groups(session, MEMBER)] == [GROUP]
    await join(session, clock, GROUP, MEMBER, status=MemberStatus.KICKED)
    assert await calendar_feeds.member_groups(session, MEMBER) == []


def test_urls() -> None:
    base = "https://bot.example.com"
    assert calendar_feeds.feed_url(base, "abc") == "https://bot.example.com/calendar/abc.ics"
    assert calendar_feeds.webcal_url(base, "abc") == "webcal://bot.example.com/calendar/abc.ics"
