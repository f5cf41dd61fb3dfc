"""aiogram wiring for tests: a session pointed at the emulator."""

from __future__ import annotations

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer


class EmulatorSession(AiohttpSession):
    """aiogram's own AiohttpSession; only close() skips the 250 ms TLS grace period, which
    plain HTTP to localhost does not need (it would add up over a test suite)."""

    def __init__(self, base_url: str) -> None:
        super().__init__(api=TelegramAPIServer.from_base(base_url))

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def emulator_bot(base_url: str, token: str, **bot_kwargs: object) -> Bot:
    return Bot(token, session=EmulatorSession(base_url), **bot_kwargs)  # type: ignore[arg-type]
