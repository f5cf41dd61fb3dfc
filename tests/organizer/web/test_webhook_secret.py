"""The webhook endpoint feeds the dispatcher only requests carrying Telegram's secret header."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from organizer.clock import FakeClock
from organizer.config import ConfigError, Settings
from organizer.telegram.webhook import SECRET_HEADER, WebhookHandler
from organizer.web.health import HealthCheck
from organizer.web.server import build_web_app, require_webhook_settings, webhook_path

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"
SECRET = "right_secret-42"
PATH = "/telegram/webhook"


def update(update_id: int, text: str) -> dict[str, Any]:
    user = {"id": 5, "is_bot": False, "first_name": "Ann"}
    chat = {"id": 5, "type": "private", "first_name": "Ann"}
    message = {"message_id": update_id, "date": 0, "chat": chat, "from": user, "text": text}
    return {"update_id": update_id, "message": message}


@dataclass
class Endpoint:
    client: TestClient
    handler: WebhookHandler
    seen: list[str]

    async def post(self, body: Any, secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        response = await self.client.post(PATH, json=body, headers=headers)
        return response.status


@pytest.fixture
async def endpoint(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> AsyncIterator[Endpoint]:
    seen: list[str] = []
    router = Router()

    @router.message()
    async def record(message: Message) -> None:
        seen.append(message.text or "")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    bot = Bot(TOKEN)  # never called: the handler above makes no API requests
    handler = WebhookHandler(dispatcher, bot, SECRET)
    app = build_web_app(health=HealthCheck(session_factory, clock), webhook=(PATH, handler.handle))
    client = TestClient(TestServer(app))
    await client.start_server()
    yield Endpoint(client, handler, seen)
    await client.close()
    await bot.session.close()


async def test_the_right_secret_is_dispatched(endpoint: Endpoint) -> None:
    assert await endpoint.post(update(1, "hello")) == 200
    await endpoint.handler.drain()  # the update is handled in the background
    assert endpoint.seen == ["hello"]


@pytest.mark.parametrize("secret", [None, "", "wrong_secret-42", SECRET + "x", SECRET[:-1]])
async def test_a_wrong_or_missing_secret_is_refused(endpoint: Endpoint, secret: str | None) -> None:
    assert await endpoint.post(update(1, "forged"), secret=secret) == 401
    await endpoint.handler.drain()
    assert endpoint.seen == []


async def test_a_body_that_is_no_update_is_refused(endpoint: Endpoint) -> None:
    response = await endpoint.client.post(PATH, data=b"not json", headers={SECRET_HEADER: SECRET})
    assert response.status == 400
    assert await endpoint.post({"message": "no update_id"}) == 400
    await endpoint.handler.drain()
    assert endpoint.seen == []


async def test_after_drain_updates_are_left_to_telegram_to_resend(endpoint: Endpoint) -> None:
    await endpoint.handler.drain()
    assert await endpoint.post(update(2, "late")) == 503
    assert endpoint.seen == []


async def test_only_post_at_the_webhook_path(endpoint: Endpoint) -> None:
    assert (await endpoint.client.get(PATH)).status == 405
    assert (await endpoint.client.post("/other", json=update(1, "x"))).status == 404


def test_webhook_settings_are_required() -> None:
    with pytest.raises(ConfigError, match="^WEBHOOK_URL is not set"):
        require_webhook_settings(Settings(bot_token=TOKEN, webhook_secret=SECRET, _env_file=None))
    with pytest.raises(ConfigError, match="^WEBHOOK_SECRET is not set"):
        require_webhook_settings(
            Settings(
                bot_token=TOKEN,
                webhook_url="https://bot.example.com/telegram/webhook",
                _env_file=None,
            )
        )


def test_the_path_comes_from_the_webhook_url() -> None:
    assert webhook_path("https://bot.example.com/telegram/webhook") == "/telegram/webhook"
    assert webhook_path("https://bot.example.com") == "/"
