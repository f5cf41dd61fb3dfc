"""What tests look at: chat contents, bot messages, transcripts, and waiting for replies.

Waiting is on the emulator's change event (set on every new message, edit and deletion), with a
deadline; a timeout fails with the chat transcript so the test shows what the bot did say.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from .core import ChatLike, EmulatorCore
from .errors import EmulatorUsageError
from .state import EmuMessage, EmuUser
from .transcript import message_matches, transcript


class ChatObserver(EmulatorCore):
    """Read-only views of chats for assertions, and waits on the bot's behaviour."""

    def messages(self, chat: ChatLike, bot: EmuUser | None = None) -> list[EmuMessage]:
        return list(self.resolve_chat(chat, bot).messages)

    def message(self, chat: ChatLike, message_id: int, bot: EmuUser | None = None) -> EmuMessage:
        """The message with that id (deleted or not; edits show in place)."""
        target = self.resolve_chat(chat, bot)
        found = target.message(message_id)
        if found is None:
            raise EmulatorUsageError(f"no message {message_id} in chat {target.id}")
        return found

    def bot_messages(self, chat: ChatLike, bot: EmuUser | None = None) -> list[EmuMessage]:
        """Live messages the bot(s) sent, excluding service messages (e.g. "pinned")."""
        return [
            message
            for message in self.resolve_chat(chat, bot).messages
            if not message.deleted
            and message.service is None
            and self.users[message.from_id].is_bot
            and (bot is None or message.from_id == bot.id)
        ]

    def transcript(self, chat: ChatLike, bot: EmuUser | None = None) -> str:
        return transcript(self, self.resolve_chat(chat, bot))

    async def wait_for_message(
        self,
        chat: ChatLike,
        *,
        text_contains: str | None = None,
        predicate: Callable[[EmuMessage], bool] | None = None,
        sender: EmuUser | None = None,
        after: int | None = None,
        timeout: float = 15.0,  # noqa: ASYNC109 - the test API's name
        bot: EmuUser | None = None,
        include_service: bool = False,
    ) -> EmuMessage:
        """The first live message matching all filters (sender None = any bot; `after` = only
        message ids above it), waiting for new messages and edits up to `timeout` seconds."""
        target = self.resolve_chat(chat, bot)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            for message in target.messages:
                if message_matches(
                    self, message, text_contains, predicate, sender, after, include_service
                ):
                    return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                wanted = f"text containing {text_contains!r}" if text_contains else "a message"
                raise AssertionError(
                    f"no {wanted} in {timeout}s (sender={sender.first_name if sender else 'bot'}"
                    f", after={after})\n{transcript(self, target)}"
                )
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                continue

    async def wait_until_polling(self, bot: EmuUser, timeout: float = 15.0) -> None:  # noqa: ASYNC109
        """Wait until `bot` has a long poll (getUpdates with timeout) waiting: from then on its
        allowed_updates are set and new updates reach it at once."""
        await self.bot_account(bot).updates.wait_until_polling(timeout)
