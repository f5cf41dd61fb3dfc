"""Webhook delivery: the emulator POSTs updates to the bot's URL with its secret, retries a
failed delivery in order, and stops pushing after deleteWebhook."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramConflictError
from aiohttp import web
from aiohttp.test_utils import TestServer

from .conftest import World

SECRET = "s3cret_token-1"


@dataclass
class Receiver:
    """A webhook endpoint that records each delivery and answers the queued statuses first."""

    server: TestServer
    statuses: list[int] = field(default_factory=list)
    received: asyncio.Queue[tuple[dict[str, Any], str | None, int]] = field(
        default_factory=asyncio.Queue
    )

    @property
    def url(self) -> str:
        return str(self.server.make_url("/hook"))

    async def handle(self, request: web.Request) -> web.Response:
        status = self.statuses.pop(0) if self.statuses else 200
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.received.put_nowait((await request.json(), secret, status))
        return web.json_response({}, status=status)

    async def next(self) -> tuple[dict[str, Any], str | None, int]:
        return await asyncio.wait_for(self.received.get(), 10)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    app = web.Application()
    holder = Receiver(TestServer(app, host="127.0.0.1"))
    app.router.add_post("/hook", holder.handle)
    await holder.server.start_server()
    yield holder
    await holder.server.close()


async def test_updates_are_pushed_with_the_secret(
    world: World, bot: Bot, receiver: Receiver
) -> None:
    await bot.get_updates(offset=-1, timeout=0)  # forget the setup's membership updates
    assert await bot.set_webhook(receiver.url, secret_token=SECRET, drop_pending_updates=True)
    await world.emu.send_message(world.alice, world.bot_user, "/start")
    update, secret, status = await receiver.next()
    assert secret == SECRET and status == 200
    assert update["message"]["text"] == "/start"
    assert update["message"]["from"]["id"] == world.alice.id
    with pytest.raises(TelegramConflictError):
        await bot.get_updates(timeout=0)
    info = await bot.get_webhook_info()
    assert info.url == receiver.url and info.last_error_message is None


async def test_a_failed_delivery_is_retried_before_later_updates(
    world: World, bot: Bot, receiver: Receiver
) -> None:
    receiver.statuses = [500]
    await bot.set_webhook(receiver.url, secret_token=SECRET, drop_pending_updates=True)
    await world.emu.send_message(world.alice, world.bot_user, "first")
    await world.emu.send_message(world.alice, world.bot_user, "second")
    deliveries = [await receiver.next() for _ in range(3)]
    texts = [(update["message"]["text"], status) for update, _, status in deliveries]
    assert texts == [("first", 500), ("first", 200), ("second", 200)]
    assert deliveries[0][0]["update_id"] == deliveries[1][0]["update_id"]
    info = await bot.get_webhook_info()
    assert info.last_error_message is not None and "500" in info.last_error_message


async def test_delete_webhook_stops_the_pushes(world: World, bot: Bot, receiver: Receiver) -> None:
    await bot.set_webhook(receiver.url, secret_token=SECRET, drop_pending_updates=True)
    await world.emu.send_message(world.alice, world.bot_user, "pushed")
    await receiver.next()
    assert await bot.delete_webhook()
    await world.emu.send_message(world.alice, world.bot_user, "polled")
    # Still queued: nobody took it from the queue, so getUpdates hands it out.
    updates = await bot.get_updates(timeout=0)
    assert [u.message.text for u in updates if u.message] == ["polled"]
    assert receiver.received.empty()
    assert (await bot.get_webhook_info()).url == ""


async def test_plain_http_only_on_loopback(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="HTTPS URL must be provided"):
        await bot.set_webhook("http://bot.example.com/hook")
    with pytest.raises(TelegramBadRequest, match="HTTPS URL must be provided"):
        await bot.set_webhook("ftp://127.0.0.1/hook")
    # Nothing queued, so nothing is pushed to the unreachable host before deleteWebhook.
    assert await bot.set_webhook("https://bot.example.com/hook", drop_pending_updates=True)
    assert await bot.delete_webhook()
