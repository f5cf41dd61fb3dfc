"""What simulated people do in chats: write, send files, edit, press buttons, vote.

Each action changes state and pushes the update(s) Telegram would send to the bots concerned.
Actions a real user could not perform raise EmulatorUsageError, so a broken test fails loudly
instead of exercising the bot with impossible input.
"""

from __future__ import annotations

import asyncio
from typing import Any

from .actions_membership import MembershipActions
from .core import ChatLike, PendingCallback
from .errors import EmulatorUsageError
from .files import store_file
from .formatting import auto_entities
from .serialize import chat_json, message_json, poll_json, user_json
from .state import CallbackAnswer, EmuChat, EmuMessage, EmuUser
from .validation import Upload


class PressedButton:
    """A callback query in flight; `await answer()` gives what the bot answered."""

    def __init__(self, pending: PendingCallback, label: str) -> None:
        self._pending = pending
        self.id = pending.id
        self.data = pending.data
        self.label = label
        self.message = pending.message

    @property
    def answered(self) -> bool:
        return self._pending.answered.done()

    async def answer(self, timeout: float = 15.0) -> CallbackAnswer:  # noqa: ASYNC109
        try:
            return await asyncio.wait_for(asyncio.shield(self._pending.answered), timeout)
        except TimeoutError:
            raise AssertionError(
                f"the bot did not answer callback query {self.id} ({self.label!r}, "
                f"data={self.data!r}) within {timeout}s"
            ) from None


class UserActions(MembershipActions):
    # ------------------------------------------------------------------ writing

    def _chat_to_write(self, sender: EmuUser, target: ChatLike) -> EmuChat:
        if isinstance(target, EmuUser) and target.is_bot:
            return self.private_chat(target, sender)
        chat = self.resolve_chat(target)
        if chat.is_private:
            if chat.private_user is not sender:
                raise EmulatorUsageError(f"{sender.first_name} is not in {chat.id}")
            return chat
        member = chat.member(sender.id)
        if member is None or not member.is_present:
            raise EmulatorUsageError(f"{sender.first_name} is not a member of {chat.title}")
        if not member.is_admin and not (
            chat.permissions.get("can_send_messages")
            and (member.status != "restricted" or member.permissions.get("can_send_messages"))
        ):
            raise EmulatorUsageError(f"{sender.first_name} may not write in {chat.title}")
        return chat

    def _mark_started(self, sender: EmuUser, chat: EmuChat) -> None:
        """Writing to a bot starts it (and unblocks it, like pressing "Restart")."""
        if not chat.is_private or chat.private_bot is None:
            return
        account = self.bot_account(chat.private_bot)
        if sender.id in account.blocked_by:
            self.unblock_bot(sender, chat.private_bot)
        account.started_by.add(sender.id)

    async def send_message(
        self,
        sender: EmuUser,
        chat: ChatLike,
        text: str,
        reply_to: EmuMessage | int | None = None,
        *,
        entities: list[dict[str, Any]] | None = None,
    ) -> EmuMessage:
        """`sender` writes `text` to a group, or to a bot (its private chat) when `chat` is a
        bot. Commands, mentions and links get their entities as in Telegram."""
        target = self._chat_to_write(sender, chat)
        self._mark_started(sender, target)
        reply_id = reply_to.message_id if isinstance(reply_to, EmuMessage) else reply_to
        message = self.add_message(
            target,
            sender,
            text=text,
            entities=auto_entities(text, list(entities or [])),
            reply_to_message_id=reply_id,
        )
        self.deliver_message(target, message)
        return message

    async def send_document(
        self,
        sender: EmuUser,
        chat: ChatLike,
        filename: str,
        data: bytes,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
    ) -> EmuMessage:
        target = self._chat_to_write(sender, chat)
        self._mark_started(sender, target)
        file = store_file(self, Upload(filename, data, mime_type), "document")
        message = self.add_message(target, sender, document=file, caption=caption)
        self.deliver_message(target, message)
        return message

    async def edit_message(self, sender: EmuUser, message: EmuMessage, text: str) -> EmuMessage:
        """A user edits their own message: bots get an edited_message update."""
        if message.from_id != sender.id or message.deleted or message.text is None:
            raise EmulatorUsageError(
                f"{sender.first_name} cannot edit message {message.message_id}"
            )
        message.text = text
        message.entities = auto_entities(text, [])
        message.edited += 1
        message.edit_date = self.now()
        self.notify_changed()
        assert message.chat is not None
        self.deliver_message(message.chat, message, "edited_message")
        return message

    # ------------------------------------------------------------------ buttons and polls

    async def press_button(self, user: EmuUser, message: EmuMessage, label: str) -> PressedButton:
        """`user` presses the inline button labelled exactly `label` on `message`."""
        chat = message.chat
        assert chat is not None
        if message.deleted:
            raise EmulatorUsageError(f"message {message.message_id} was deleted")
        if chat.is_private and chat.private_user is not user:
            raise EmulatorUsageError(f"{user.first_name} cannot see private chat {chat.id}")
        member = chat.member(user.id)
        if not chat.is_private and (member is None or not member.is_present):
            raise EmulatorUsageError(f"{user.first_name} is not a member of {chat.title}")
        button = next(
            (b for row in message.reply_markup or [] for b in row if b["text"] == label), None
        )
        if button is None:
            raise EmulatorUsageError(
                f"no button {label!r} on message #{message.message_id}; "
                f"its buttons are {message.buttons}"
            )
        if "callback_data" not in button:
            kind = next(k for k in button if k != "text")
            raise EmulatorUsageError(
                f"button {label!r} is a {kind} button; it sends nothing to the bot"
            )
        query_id = str(4_000_000_000_000_000 + self.next_serial())
        pending = PendingCallback(query_id, message.from_id, message, button["callback_data"])
        self.callbacks[query_id] = pending
        self.bot_account(message.from_id).updates.push(
            "callback_query",
            {
                "id": query_id,
                "from": user_json(user),
                "message": message_json(self, message),
                "chat_instance": str(abs(chat.id) * 31 + message.from_id),
                "data": button["callback_data"],
            },
        )
        return PressedButton(pending, label)

    async def react(self, user: EmuUser, message: EmuMessage, emoji: list[str]) -> None:
        """`user` sets their reactions on a group message (an empty list takes them back).
        Like Telegram, only bots that administer the chat hear of it (message_reaction, an
        update a bot must ask for by name)."""
        chat = message.chat
        assert chat is not None
        member = chat.member(user.id)
        if chat.is_private or member is None or not member.is_present or message.deleted:
            raise EmulatorUsageError(f"{user.first_name} cannot react to {message.message_id}")
        old = message.reactions.get(user.id, [])
        if emoji:
            message.reactions[user.id] = list(emoji)
        else:
            message.reactions.pop(user.id, None)
        payload = {
            "chat": chat_json(chat), "message_id": message.message_id, "user": user_json(user),
            "date": self.now(),
            "old_reaction": [{"type": "emoji", "emoji": e} for e in old],
            "new_reaction": [{"type": "emoji", "emoji": e} for e in emoji],
        }  # fmt: skip
        for account in self.bots_in(chat):
            bot_member = chat.member(account.id)
            if bot_member is not None and bot_member.status in ("administrator", "creator"):
                account.updates.push("message_reaction", payload)
        self.notify_changed()

    async def vote_poll(self, user: EmuUser, message: EmuMessage, option_ids: list[int]) -> None:
        poll = message.poll
        if poll is None or poll.is_closed:
            raise EmulatorUsageError(f"message {message.message_id} has no open poll")
        poll.votes[user.id] = list(option_ids)
        if not poll.votes[user.id]:
            del poll.votes[user.id]
        account = self.bot_account(message.from_id)
        account.updates.push("poll", poll_json(poll))
        if not poll.is_anonymous:
            account.updates.push(
                "poll_answer",
                {"poll_id": poll.id, "user": user_json(user), "option_ids": list(option_ids)},
            )
        self.notify_changed()
