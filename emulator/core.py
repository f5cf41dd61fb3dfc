"""The emulator's state container and the operations every other part builds on.

Both sides change state here: Bot API methods (the bot acting) and test actions (users acting).
Every change that a user would see calls `notify_changed`, which is what `wait_for_message`
waits on; every change a bot would be told about is pushed to that bot's update queue.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

from .errors import EmulatorUsageError
from .limits import EmulatorLimits, FaultInjector, RateLimiter
from .serialize import chat_json, invite_link_json, member_json, message_json, user_json
from .state import (
    ApiCall,
    EmuChat,
    EmuFile,
    EmuInviteLink,
    EmulatorStats,
    EmuMember,
    EmuMessage,
    EmuUser,
)
from .updates import BotAccount

ChatLike = EmuChat | EmuUser | int


class PendingCallback:
    """A callback query sent to a bot and not yet answered."""

    def __init__(self, query_id: str, bot_id: int, message: EmuMessage, data: str) -> None:
        self.id = query_id
        self.bot_id = bot_id
        self.message = message
        self.data = data
        self.answered: asyncio.Future[Any] = asyncio.get_running_loop().create_future()


class EmulatorCore:
    def __init__(
        self,
        limits: EmulatorLimits | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.limits = limits or EmulatorLimits()
        self.monotonic = monotonic  # for rate limits
        self.wall_clock = wall_clock  # for message dates
        self.rate_limiter = RateLimiter(self.limits, monotonic)
        self.faults = FaultInjector(self.limits)
        self.users: dict[int, EmuUser] = {}  # people and bots, one id space
        self.bot_accounts: dict[int, BotAccount] = {}
        self._bots_by_token: dict[str, BotAccount] = {}
        self.groups: dict[int, EmuChat] = {}
        self._private_chats: dict[tuple[int, int], EmuChat] = {}  # (bot id, user id)
        self.files: dict[str, EmuFile] = {}
        self.callbacks: dict[str, PendingCallback] = {}
        self.calls: list[ApiCall] = []
        self.stats = EmulatorStats()
        self.internal_errors: list[str] = []  # tracebacks of emulator bugs hit by requests
        self._user_ids = itertools.count(100_000_001)
        self._bot_ids = itertools.count(7_000_000_001)
        self._group_numbers = itertools.count(1)
        self._message_seq = itertools.count(1)
        self._serials = itertools.count(1)  # file, poll, callback and link ids
        self._changed = asyncio.Event()

    # ------------------------------------------------------------------ basics

    def now(self) -> int:
        return int(self.wall_clock())

    def next_serial(self) -> int:
        return next(self._serials)

    def notify_changed(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    # ------------------------------------------------------------------ lookups

    def bot_account(self, bot: EmuUser | int) -> BotAccount:
        bot_id = bot if isinstance(bot, int) else bot.id
        account = self.bot_accounts.get(bot_id)
        if account is None:
            raise EmulatorUsageError(f"{bot_id} is not a bot created with create_bot()")
        return account

    def bot_by_token(self, token: str) -> BotAccount | None:
        return self._bots_by_token.get(token)

    def private_chat(self, bot: EmuUser, user: EmuUser) -> EmuChat:
        key = (bot.id, user.id)
        chat = self._private_chats.get(key)
        if chat is None:
            chat = EmuChat(id=user.id, type="private", private_user=user, private_bot=bot)
            chat.members[user.id] = EmuMember(user, "member")
            chat.members[bot.id] = EmuMember(bot, "member")
            self._private_chats[key] = chat
        return chat

    def private_chats(self) -> list[EmuChat]:
        return list(self._private_chats.values())

    def group_by_username(self, username: str) -> EmuChat | None:
        wanted = username.lstrip("@").lower()
        return next(
            (g for g in self.groups.values() if g.username and g.username.lower() == wanted), None
        )

    def resolve_chat(self, chat: ChatLike, bot: EmuUser | None = None) -> EmuChat:
        """A test's way of naming a chat: the chat, a group id, or a user (their private chat
        with `bot`, or with the only bot they have talked to / the only bot there is)."""
        if isinstance(chat, EmuChat):
            return chat
        if isinstance(chat, int):
            if chat in self.groups:
                return self.groups[chat]
            if chat not in self.users:
                raise EmulatorUsageError(f"no chat or user with id {chat}")
            chat = self.users[chat]
        if chat.is_bot:
            raise EmulatorUsageError("name the user, not the bot, for a private chat")
        if bot is None:
            talked = [key[0] for key in self._private_chats if key[1] == chat.id]
            candidates = talked or list(self.bot_accounts)
            if len(candidates) != 1:
                raise EmulatorUsageError(
                    f"{chat.first_name} has private chats with several bots; pass bot="
                )
            bot = self.users[candidates[0]]
        return self.private_chat(bot, chat)

    def bots_in(self, chat: EmuChat) -> list[BotAccount]:
        """Bots that are in the chat now and so receive its updates."""
        if chat.is_private:
            assert chat.private_bot is not None
            return [self.bot_account(chat.private_bot)]
        return [
            self.bot_accounts[user_id]
            for user_id, member in chat.members.items()
            if user_id in self.bot_accounts and member.is_present
        ]

    # ------------------------------------------------------------------ messages

    def add_message(self, chat: EmuChat, sender: EmuUser, **fields: Any) -> EmuMessage:
        message = EmuMessage(
            message_id=chat.next_message_id,
            chat_id=chat.id,
            from_id=sender.id,
            date=self.now(),
            seq=next(self._message_seq),
            chat=chat,
            **fields,
        )
        chat.next_message_id += 1
        chat.messages.append(message)
        self.notify_changed()
        return message

    def deliver_message(
        self, chat: EmuChat, message: EmuMessage, update_type: str = "message"
    ) -> None:
        """Tell the chat's bots about a message from a user (bots never see bots' messages)."""
        if self.users[message.from_id].is_bot:
            return
        payload = message_json(self, message)
        for account in self.bots_in(chat):
            account.updates.push(update_type, payload)

    # ------------------------------------------------------------------ membership

    def set_member(
        self,
        chat: EmuChat,
        user: EmuUser,
        status: str,
        *,
        actor: EmuUser,
        rights: dict[str, bool] | None = None,
        permissions: dict[str, bool] | None = None,
        until_date: int = 0,
        is_member: bool = True,
        invite_link: EmuInviteLink | None = None,
        via_join_request: bool = False,
    ) -> EmuMember:
        """Change a member's status and send my_chat_member / chat_member like Telegram:
        my_chat_member to the bot whose own status changed, chat_member to admin bots."""
        old = chat.members.get(user.id) or EmuMember(user, "left")
        new = EmuMember(
            user,
            status,
            rights=dict(rights or {}),
            permissions=dict(permissions or {}),
            until_date=until_date,
            is_member=is_member,
            promoted_by=actor.id if status == "administrator" else None,
        )
        chat.members[user.id] = new
        extra: dict[str, Any] = {}
        if invite_link is not None:
            extra["invite_link"] = invite_link_json(self, chat, invite_link)
        if via_join_request:
            extra["via_join_request"] = True
        for account in self.bot_accounts.values():
            if account.id == user.id:
                update_type = "my_chat_member"
            elif self._is_admin_bot(chat, account.id):
                update_type = "chat_member"
            else:
                continue
            account.updates.push(
                update_type,
                {
                    "chat": chat_json(chat),
                    "from": user_json(actor),
                    "date": self.now(),
                    "old_chat_member": member_json(old, account.id),
                    "new_chat_member": member_json(new, account.id),
                    **extra,
                },
            )
        self.notify_changed()
        return new

    @staticmethod
    def _is_admin_bot(chat: EmuChat, bot_id: int) -> bool:
        member = chat.members.get(bot_id)
        return not chat.is_private and member is not None and member.is_admin

    def service_message(self, chat: EmuChat, sender: EmuUser, **service: Any) -> EmuMessage:
        """A service message (joins, leaves, pins) that the chat's bots receive."""
        message = self.add_message(chat, sender, service=service)
        self.deliver_message(chat, message)
        return message

    def record_call(self, call: ApiCall) -> None:
        self.calls.append(call)
        self.stats.responses_by_code[call.error_code or 200] += 1
        if call.error_code == 429:
            self.stats.responses_429 += 1
