"""TelegramEmulator: the state and test actions, served over HTTP as a Bot API server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actions import UserActions
from .commands import visible_commands
from .server import BotApiServer
from .state import EmuChat, EmuUser

if TYPE_CHECKING:
    from aiogram import Bot


class TelegramEmulator(UserActions):
    """An in-process Telegram for bots: `await start()`, point aiogram at `base_url`."""

    base_url: str = ""
    _server: BotApiServer | None = None

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on host:port (0 = a free port); returns and sets `base_url`."""
        if self._server is not None:
            raise RuntimeError("the emulator is already running")
        self._server = BotApiServer(self)
        self.base_url = await self._server.start(host, port)
        return self.base_url

    async def stop(self) -> None:
        """Release pending long polls and callback waits, then close the server."""
        for account in self.bot_accounts.values():
            account.updates.close()
        for pending in self.callbacks.values():
            if not pending.answered.done():
                pending.answered.cancel()
        if self._server is not None:
            await self._server.stop()
            self._server = None

    def visible_commands(
        self, bot: EmuUser, user: EmuUser, chat: EmuChat | None = None
    ) -> list[dict[str, str]]:
        """The command menu `user` sees for `bot` in `chat` (None = their private chat)."""
        return visible_commands(self.bot_account(bot), user, chat)

    def aiogram_bot(self, bot: EmuUser, **bot_kwargs: object) -> Bot:
        """An aiogram Bot for `bot` whose requests go to this emulator."""
        from .client import emulator_bot

        if not self.base_url:
            raise RuntimeError("start() the emulator first")
        assert bot.token is not None
        return emulator_bot(self.base_url, bot.token, **bot_kwargs)
