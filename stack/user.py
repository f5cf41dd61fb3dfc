"""Acting as a Telegram user through the emulator's HTTP test API (/_emu/) from outside its
process: the stack's emulator is a child process, so the in-process TelegramEmulator is out of
reach."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from emulator.__main__ import DEMO_TOKEN


class EmulatorApiError(RuntimeError):
    pass


@dataclass
class EmulatorUser:
    """One emulated person talking to the stack's bot in a private chat."""

    http: aiohttp.ClientSession
    base_url: str
    user_id: int
    bot_id: int

    @classmethod
    async def create(
        cls, http: aiohttp.ClientSession, base_url: str, first_name: str, language: str = "en"
    ) -> EmulatorUser:
        state = await _call(http, "GET", f"{base_url}/_emu/state")
        bot_id = next(u["id"] for u in state["users"] if u.get("token") == DEMO_TOKEN)
        body = {"first_name": first_name, "language_code": language}
        user = await _call(http, "POST", f"{base_url}/_emu/users", body)
        return cls(http, base_url, int(user["id"]), int(bot_id))

    async def send(self, text: str) -> dict[str, Any]:
        body = {"from_id": self.user_id, "bot_id": self.bot_id, "text": text}
        return dict(await _call(self.http, "POST", f"{self.base_url}/_emu/messages", body))

    async def messages(self) -> list[dict[str, Any]]:
        url = f"{self.base_url}/_emu/chats/{self.user_id}/messages?bot_id={self.bot_id}"
        return list(await _call(self.http, "GET", url))

    async def wait_reply(self, after_id: int, contains: str = "", within: float = 20) -> str:
        """The text of the first bot message after message `after_id` (containing `contains`)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            for message in await self.messages():
                text = message.get("text") or message.get("caption") or ""
                from_bot = message["from_id"] == self.bot_id
                if from_bot and message["message_id"] > after_id and contains in text:
                    return str(text)
            await asyncio.sleep(0.1)
        raise TimeoutError(f"no reply containing {contains!r} within {within:.0f}s")

    async def ask(self, text: str, contains: str = "", within: float = 20) -> str:
        sent = await self.send(text)
        return await self.wait_reply(int(sent["message_id"]), contains, within)


async def _call(
    http: aiohttp.ClientSession, method: str, url: str, body: dict[str, Any] | None = None
) -> Any:
    async with http.request(method, url, json=body) as response:
        data = await response.json()
        if response.status != 200:
            raise EmulatorApiError(f"{method} {url}: {response.status} {data}")
        return data
