import re

from handlers.calendar_feed import FeedRenewCallback
from organizer.database import unit_of_work
from organizer.services import calendar_feeds
from organizer.services.calendar_feeds import FeedKind, FeedTarget
from tests.handlers.calendar_feeds.conftest import BASE
from tests.organizer.calendar_feeds.helpers import GROUP, MEMBER, STRANGER, world

LINK = re.compile(re.escape(BASE) + r"/calendar/([A-Za-z0-9_-]+)\.ics")


async def _world(session_factory, clock) -> None:
    async with unit_of_work(session_factory) as session:
        await world(session, clock)


async def _resolve(session_factory, clock, token: str) -> FeedTarget | None:
    async with unit_of_work(session_factory) as session:
        return await calendar_feeds.resolve(session, token, clock.now())


async def test_private_calendar_without_public_url_explains(harness) -> None:
    await harness.message("/calendar", user_id=MEMBER)
    await harness.message("/calendar", user_id=STRANGER, lang="en")
    [zh] = harness.messenger.texts_to(MEMBER)
    [en] = harness.messenger.texts_to(STRANGER)
    assert "尚未配置日历订阅链接" in zh
    assert "not configured on this installation" in en


async def test_private_calendar_lists_my_and_group_links(
    public_harness, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    await public_harness.message("/calendar", user_id=MEMBER)
    [message] = public_harness.messenger.sent
    mine, group = LINK.findall(message.text)
    assert "webcal://bot.example.com/calendar/" in message.text
    assert await _resolve(session_factory, clock, mine) == FeedTarget(FeedKind.MEMBER, MEMBER, None)
    assert await _resolve(session_factory, clock, group) == FeedTarget(
        FeedKind.GROUP, MEMBER, GROUP
    )
    assert message.keyboard is not None and len(message.keyboard) == 2
    for (button,) in message.keyboard:
        assert button.callback_data and len(button.callback_data.encode()) <= 64
    # Asking again shows the same links: subscriptions keep working.
    await public_harness.message("/calendar", user_id=MEMBER)
    assert LINK.findall(public_harness.messenger.sent[-1].text) == [mine, group]


async def test_revoke_and_renew_button(public_harness, session_factory, clock) -> None:
    await _world(session_factory, clock)
    await public_harness.message("/calendar", user_id=MEMBER, lang="en")
    [message] = public_harness.messenger.sent
    assert message.keyboard is not None
    mine, _group = LINK.findall(message.text)
    data = message.keyboard[0][0].callback_data
    assert data is not None and FeedRenewCallback.unpack(data).link_id > 0
    await public_harness.press(data, user_id=STRANGER, chat_id=STRANGER)  # a forwarded button
    assert await _resolve(session_factory, clock, mine) is not None
    await public_harness.press(data, user_id=MEMBER, chat_id=MEMBER, lang="en")
    assert await _resolve(session_factory, clock, mine) is None
    [(chat_id, _message_id, text, keyboard)] = public_harness.messenger.edits
    new_mine, _ = LINK.findall(text)
    assert chat_id == MEMBER and new_mine != mine and keyboard is not None
    assert await _resolve(session_factory, clock, new_mine) is not None
    await public_harness.press(data, user_id=MEMBER, chat_id=MEMBER, lang="en")  # old button
    assert public_harness.alerts() == [
        "这个按钮已失效，请重新发送 /calendar。",
        public_harness.catalogue.text("en", "calendar-feed-renewed"),
        "This button has expired; please send /calendar again.",
    ]


async def test_group_calendar_sends_file_and_the_link_privately(
    public_harness, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    await public_harness.message("/calendar", user_id=MEMBER, chat_id=GROUP)
    [(chat_id, document)] = public_harness.messenger.documents
    assert chat_id == GROUP and document.caption and "/calendar" in document.caption
    [private] = public_harness.messenger.texts_to(MEMBER)
    [token] = LINK.findall(private)
    assert await _resolve(session_factory, clock, token) == FeedTarget(
        FeedKind.GROUP, MEMBER, GROUP
    )


async def test_group_calendar_without_public_url_only_sends_the_file(
    harness, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    await harness.message("/calendar", user_id=MEMBER, chat_id=GROUP)
    [(_, document)] = harness.messenger.documents
    assert document.caption == harness.catalogue.text("zh", "calendar-feed-caption")
    assert harness.messenger.sent == []
