"""TelegramMessenger retries: flood control (429), server and network errors."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiogram import Bot

from organizer.messenger import (
    Document,
    MessengerError,
    OutboundText,
    PermissionMissing,
    RecipientUnreachable,
)
from organizer.telegram.messenger import TelegramMessenger
from organizer.telegram.ratelimit import InMemoryRateLimiter, RateLimits
from tests.organizer.telegram.scripted_bot import (
    MessengerHarness,
    ScriptedSession,
    error,
    network_failure,
    scripted_bot,
)
from tests.organizer.telegram.virtual_time import VirtualTime

USER = 7001
GROUP = -100500
TOO_MANY = "Too Many Requests: retry after 3"


async def test_flood_control_is_waited_out_and_the_message_delivered_once(
    h: MessengerHarness,
) -> None:
    h.session.then(error(429, TOO_MANY, retry_after=3))

    sent = await h.messenger.send_text(OutboundText(chat_id=USER, text="reminder"))

    assert sent.chat_id == USER
    assert len(h.requests) == 2  # the refused attempt and one delivery
    assert h.sleep.slept == [3]
    assert h.limiter.penalties == [(USER, 3)]
    assert len(h.limiter.acquired) == 2  # the retry waits for a slot like any send


async def test_endless_flood_control_fails_after_max_retries() -> None:
    h = MessengerHarness(max_retries=3)
    h.session.always(error(429, TOO_MANY, retry_after=1))

    with pytest.raises(MessengerError) as raised:
        await h.messenger.send_text(OutboundText(chat_id=USER, text="reminder"))

    assert not isinstance(raised.value, RecipientUnreachable | PermissionMissing)
    assert len(h.requests) == 4  # first attempt + 3 retries
    assert h.sleep.slept == [1, 1, 1]


async def test_server_and_network_errors_are_retried_with_backoff(h: MessengerHarness) -> None:
    h.session.then(error(502, "Bad Gateway"), network_failure)

    sent = await h.messenger.send_text(OutboundText(chat_id=USER, text="hi"))

    assert sent.message_id == 500
    assert len(h.requests) == 3
    assert len(h.sleep.slept) == 2
    assert h.sleep.slept[0] < h.sleep.slept[1] <= 8.0


async def test_persistent_server_errors_fail_after_max_retries() -> None:
    h = MessengerHarness(max_retries=2)
    h.session.always(error(500, "Internal Server Error"))

    with pytest.raises(MessengerError):
        await h.messenger.send_text(OutboundText(chat_id=USER, text="hi"))

    assert len(h.requests) == 3


async def test_too_large_file_is_not_retried(h: MessengerHarness) -> None:
    h.session.then(error(413, "Request Entity Too Large"))

    with pytest.raises(MessengerError):
        await h.messenger.send_document(GROUP, Document("big.xlsx", b"x" * 10))

    assert len(h.requests) == 1


def test_a_429_holds_the_other_sends_to_that_chat() -> None:
    """With the real limiter: after a 429 no send to that chat goes before retry_after."""
    vt = VirtualTime()
    bot, session = scripted_bot()
    limiter = InMemoryRateLimiter(
        RateLimits(jitter_margin=0.0), time_func=vt.now, sleep_func=vt.sleep
    )
    messenger = TelegramMessenger(bot, limiter, sleep_func=vt.sleep)
    session.then(error(429, TOO_MANY, retry_after=5))
    sent_at: dict[str, float] = {}
    request_times: list[float] = []

    async def send(label: str) -> None:
        await messenger.send_text(OutboundText(chat_id=USER, text=label))
        sent_at[label] = vt.now()

    async def scenario(bot: Bot, session: ScriptedSession) -> None:
        original = session.make_request

        async def timed(*args: Any, **kwargs: Any) -> Any:
            request_times.append(vt.now())
            return await original(*args, **kwargs)

        session.make_request = timed  # type: ignore[method-assign]
        await asyncio.gather(send("first"), send("second"))

    try:
        vt.run(scenario(bot, session))
    finally:
        vt.close()

    # first refused at 0; second would have gone at 1 but waits out the penalty until 5;
    # first retries after it, one second later.
    assert request_times == pytest.approx([0.0, 5.0, 6.0])
    assert sent_at == pytest.approx({"second": 5.0, "first": 6.0})
