"""Per-bot update queues with Telegram's getUpdates semantics.

Updates stay queued until confirmed by a later call's `offset`, so a poll whose client went
away loses nothing. Waiting is on an event that is replaced on every push, never a sleep loop.
While a webhook is set, a WebhookPusher takes updates from the same queue instead of getUpdates.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import ApiError
from .state import EmuUser

if TYPE_CHECKING:
    from .webhook_push import WebhookPusher

# What a bot gets when it never named allowed_updates: everything except these, as in Telegram.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateQueue:
    def __init__(self) -> None:
        self._pending: list[tuple[str, dict[str, Any]]] = []  # (update type, update JSON)
        self._next_update_id = 1
        self._arrived = asyncio.Event()
        self._poll_generation = 0
        self._closed = False
        self.waiting_polls = 0  # getUpdates calls blocked waiting right now
        self._poll_waiting = asyncio.Event()  # replaced each time a poll starts waiting
        # None: Telegram's default set. Applied when updates are handed out, so updates queued
        # before the bot's first getUpdates are judged by the allowed_updates of that call.
        self.allowed_updates: frozenset[str] | None = None
        self.webhook: WebhookPusher | None = None  # set while a webhook is active

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def push(self, update_type: str, payload: dict[str, Any]) -> int:
        update_id = self._next_update_id
        self._next_update_id += 1
        self._pending.append((update_type, {"update_id": update_id, update_type: payload}))
        self._wake()
        return update_id

    async def wait_until_polling(self, wait_seconds: float) -> None:
        """Return once a getUpdates call is blocked waiting for updates."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait_seconds
        while self.waiting_polls == 0:
            poll_waiting = self._poll_waiting
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"the bot did not long-poll within {wait_seconds}s")
            try:
                await asyncio.wait_for(poll_waiting.wait(), remaining)
            except TimeoutError:
                continue

    def drop_all(self) -> None:
        self._pending.clear()

    def close(self) -> None:
        """Release every waiting poll and stop webhook pushes (the emulator is stopping)."""
        self._closed = True
        if self.webhook is not None:
            self.webhook.cancel()
        self._wake()

    async def next_ready(self) -> dict[str, Any] | None:
        """The oldest deliverable update, waiting for one to arrive; None once closed."""
        while not self._closed:
            arrived = self._arrived
            ready = self._ready(1)
            if ready:
                return ready[0]
            await arrived.wait()
        return None

    def confirm_delivered(self, update_id: int) -> None:
        """A webhook delivery succeeded: the update leaves the queue, like a confirmed offset."""
        self._pending = [item for item in self._pending if item[1]["update_id"] != update_id]

    def _wake(self) -> None:
        arrived, self._arrived = self._arrived, asyncio.Event()
        arrived.set()

    def _is_allowed(self, update_type: str) -> bool:
        if self.allowed_updates is None:
            return update_type not in OPT_IN_UPDATES
        return update_type in self.allowed_updates

    def _confirm(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset < 0:  # keep only the last -offset updates
            self._pending = self._pending[offset:]
            return
        self._pending = [item for item in self._pending if item[1]["update_id"] >= offset]

    def _ready(self, limit: int) -> list[dict[str, Any]]:
        # Updates of types the bot did not ask for are discarded, never delivered later.
        self._pending = [item for item in self._pending if self._is_allowed(item[0])]
        return [update for _, update in self._pending[:limit]]

    async def get_updates(
        self,
        offset: int | None,
        limit: int,
        wait_seconds: float,
        allowed_updates: list[str] | None,
    ) -> list[dict[str, Any]]:
        if allowed_updates is not None:
            self.allowed_updates = frozenset(allowed_updates) or None
        self._confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake()  # an older poll still waiting must notice it was superseded
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(wait_seconds, 0)
        while True:
            arrived = self._arrived
            ready = self._ready(limit)
            remaining = deadline - loop.time()
            if ready or remaining <= 0 or self._closed:
                return ready
            self.waiting_polls += 1
            poll_waiting, self._poll_waiting = self._poll_waiting, asyncio.Event()
            poll_waiting.set()
            try:
                await asyncio.wait_for(arrived.wait(), remaining)
            except TimeoutError:
                continue
            finally:
                self.waiting_polls -= 1
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )


@dataclass(eq=False)
class BotAccount:
    """A bot's server-side state: its user, update queue and settings."""

    user: EmuUser
    updates: UpdateQueue = field(default_factory=UpdateQueue)
    started_by: set[int] = field(default_factory=set)  # user ids who started the bot
    blocked_by: set[int] = field(default_factory=set)
    # (scope type, chat id, user id, language code) -> [{"command", "description"}]
    commands: dict[tuple[str, int | None, int | None, str], list[dict[str, str]]] = field(
        default_factory=dict
    )
    webhook_url: str = ""
    # (setting, language or chat id) -> value: name, description, menu button...
    settings: dict[tuple[str, Any], Any] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def token(self) -> str:
        assert self.user.token is not None
        return self.user.token
