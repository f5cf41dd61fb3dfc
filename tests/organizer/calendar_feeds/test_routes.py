from collections.abc import AsyncIterator

import icalendar
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.services import calendar_feeds
from organizer.services.calendar_feeds import FeedKind
from organizer.web.calendar_routes import add_calendar_routes
from tests.handlers.conftest import TOKEN
from tests.organizer.calendar_feeds.helpers import GROUP, MEMBER, world


@pytest.fixture
async def client(session_factory, clock) -> AsyncIterator[TestClient]:
    app = web.Application()
    settings = Settings(bot_token=TOKEN, database_url="sqlite+aiosqlite://")
    add_calendar_routes(app, session_factory=session_factory, clock=clock, settings=settings)
    async with TestClient(TestServer(app)) as client:
        yield client


async def _links(session_factory, clock) -> tuple[str, str]:
    async with unit_of_work(session_factory) as session:
        await world(session, clock)
        now = clock.now()
        mine = await calendar_feeds.link_for(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=now)
        group = await calendar_feeds.link_for(
            session, user_id=MEMBER, kind=FeedKind.GROUP, group_id=GROUP, now=now
        )
    return mine.token, group.token


def _titles(body: bytes) -> set[str]:
    return {str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


async def test_member_feed_is_served_with_an_etag(client, session_factory, clock) -> None:
    mine, group = await _links(session_factory, clock)
    response = await client.get(f"/calendar/{mine}.ics")
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "private, max-age=300"
    assert _titles(await response.read()) == {"Mine"}  # not the other member's "Theirs"
    etag = response.headers["ETag"]
    again = await client.get(f"/calendar/{mine}.ics", headers={"If-None-Match": etag})
    assert again.status == 304 and again.headers["ETag"] == etag
    assert await again.read() == b""
    weak = await client.get(f"/calendar/{mine}.ics", headers={"If-None-Match": f'"x", W/{etag}'})
    assert weak.status == 304
    stale = await client.get(f"/calendar/{mine}.ics", headers={"If-None-Match": '"old"'})
    assert stale.status == 200


async def test_group_feed_is_served(client, session_factory, clock) -> None:
    _, group = await _links(session_factory, clock)
    response = await client.get(f"/calendar/{group}.ics")
    assert response.status == 200 and _titles(await response.read()) == {"Mine"}


async def test_revoked_and_unknown_tokens_look_the_same(client, session_factory, clock) -> None:
    mine, _ = await _links(session_factory, clock)
    async with unit_of_work(session_factory) as session:
        await calendar_feeds.revoke(session, user_id=MEMBER, kind=FeedKind.MEMBER, now=clock.now())
    revoked = await client.get(f"/calendar/{mine}.ics")
    unknown = await client.get(f"/calendar/{'A' * 43}.ics")
    assert revoked.status == unknown.status == 404
    assert await revoked.read() == await unknown.read()
    assert (await client.get("/calendar/bad%2Fname.ics")).status == 404
