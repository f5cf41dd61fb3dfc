"""GET /calendar/{token}.ics: the calendar feeds calendar apps subscribe to.

The token is the only credential, so every failure looks the same (a bare 404): a caller learns
nothing about whether a token ever existed or was revoked. Calendar apps poll; an ETag lets
them revalidate for a 304 instead of downloading the feed again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import Clock
from organizer.config import Settings
from organizer.database import unit_of_work
from organizer.services import activity_calendar, calendar_feeds, groups
from organizer.services.calendar_feeds import FeedKind, FeedTarget

CONTENT_TYPE = "text/calendar; charset=utf-8"
CACHE_CONTROL = (
    "private, max-age=300"  # private: the URL is a secret, shared caches must not keep it
)


def add_calendar_routes(
    app: web.Application,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    settings: Settings,
) -> None:
    async def serve(request: web.Request) -> web.StreamResponse:
        async with unit_of_work(session_factory) as session:
            body = await _feed(session, request.match_info["token"], clock, settings)
        if body is None:
            raise web.HTTPNotFound()
        return _respond(request, body)

    app.router.add_get("/calendar/{token}.ics", serve)


async def _feed(
    session: AsyncSession, token: str, clock: Clock, settings: Settings
) -> bytes | None:
    now = clock.now()
    target = await calendar_feeds.resolve(session, token, now)
    if target is None:
        return None
    if target.kind == FeedKind.MEMBER:
        return await calendar_feeds.member_feed(
            session, target.user_id, now, default_language=settings.default_language
        )
    return await _group_feed(session, target, now)


async def _group_feed(session: AsyncSession, target: FeedTarget, now: datetime) -> bytes | None:
    assert target.group_id is not None
    group = await groups.get(session, target.group_id)
    if group is None:
        return None
    document = await activity_calendar.group_feed(session, group, now=now)
    return document.data


def _respond(request: web.Request, body: bytes) -> web.Response:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if _matches(request.headers.get("If-None-Match"), etag):
        return web.Response(status=304, headers=headers)
    response = web.Response(body=body, headers=headers)
    response.headers["Content-Type"] = CONTENT_TYPE
    return response


def _matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison: a client may send the tag back with W/ or in a list."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags
