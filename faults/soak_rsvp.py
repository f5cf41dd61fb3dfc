"""RSVP traffic for the soak: a few of its groups get a published activity with its
announcement, and their members keep pressing Going and Maybe in turn, as undecided people do."""

from __future__ import annotations

import asyncio
import contextlib
import random
from dataclasses import dataclass, field

import aiohttp

from faults.activity import button_label, post_announcement, publish
from faults.common import Db, Emu
from stack.topology import StackError

CHOICES = ("✅", "🤔")  # the Going and Maybe buttons' first character, in every language


@dataclass
class RsvpTraffic:
    emu: Emu
    db: Db
    announcements: dict[int, tuple[int, int]] = field(default_factory=dict)  # chat: activity, msg
    presses: int = 0
    pressed_by: dict[int, set[int]] = field(default_factory=dict)  # activity: members

    async def set_up(self, owner_id: int, groups: dict[int, list[int]], count: int) -> None:
        for chat_id in list(groups)[:count]:
            activity_id = await publish(self.db, owner_id, chat_id, f"Soak {chat_id}", None)
            message_id = await post_announcement(self.emu, self.db, activity_id)
            self.announcements[chat_id] = (activity_id, message_id)

    async def press(self, chat_id: int, user_id: int, choice: str) -> None:
        activity_id, message_id = self.announcements[chat_id]
        messages = await self.emu.messages(chat_id)
        announcement = next(m for m in messages if m["message_id"] == message_id)
        body = {"chat_id": chat_id, "message_id": message_id, "user_id": user_id}
        await self.emu.call(
            "POST", "/_emu/press", body | {"label": button_label(announcement, choice)}
        )
        self.presses += 1
        self.pressed_by.setdefault(activity_id, set()).add(user_id)

    async def run(self, groups: dict[int, list[int]], stop: asyncio.Event) -> None:
        """About two presses a second over the activity groups, Going and Maybe in turn."""
        rng, turn = random.Random(2), 0
        while not stop.is_set():
            chat_id = rng.choice(list(self.announcements))
            turn += 1
            # A label changed by a refresh between reading and pressing is no press; retried.
            with contextlib.suppress(StackError, aiohttp.ClientError):
                await self.press(chat_id, rng.choice(groups[chat_id]), CHOICES[turn % 2])
            await asyncio.sleep(0.5)

    async def missing(self) -> int:
        """Members who pressed but have no answer recorded."""
        missing = 0
        for activity_id, members in self.pressed_by.items():
            stored = await self.db.scalar(
                "SELECT count(*) FROM rsvps WHERE activity_id = :a AND user_id = ANY(:ids)",
                a=activity_id, ids=sorted(members),
            )  # fmt: skip
            missing += len(members) - int(stored)
        return missing
