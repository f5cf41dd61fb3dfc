"""People joining, leaving, asking to join, adding and removing bots, blocking bots.

Each action pushes what Telegram would: chat_member to admin bots, my_chat_member to a bot
whose own status changed, and a service message (new_chat_members / left_chat_member).
"""

from __future__ import annotations

from typing import Any

from .errors import EmulatorUsageError
from .serialize import chat_json, invite_link_json, user_json
from .state import ADMIN_RIGHTS, EmuChat, EmuInviteLink, EmuJoinRequest, EmuMember, EmuUser
from .world import WorldBuilder


class MembershipActions(WorldBuilder):
    """Membership changes made by people (the bot's own go through the Bot API methods)."""

    def _link(self, group: EmuChat, link: EmuInviteLink | str | None) -> EmuInviteLink | None:
        if link is None or isinstance(link, EmuInviteLink):
            return link
        found = group.invite_links.get(link)
        if found is None:
            raise EmulatorUsageError(f"{link} is not an invite link of {group.title}")
        return found

    async def request_join(
        self, user: EmuUser, group: EmuChat, invite_link: EmuInviteLink | str | None = None
    ) -> EmuJoinRequest:
        """`user` asks to join; admin bots with can_invite_users get chat_join_request."""
        member = group.member(user.id)
        if member is not None and (member.is_present or member.status == "kicked"):
            raise EmulatorUsageError(f"{user.first_name} cannot request to join {group.title}")
        request = EmuJoinRequest(user, self.now(), self._link(group, invite_link))
        group.join_requests[user.id] = request
        payload: dict[str, Any] = {
            "chat": chat_json(group),
            "from": user_json(user),
            "user_chat_id": user.id,
            "date": request.date,
        }
        if request.invite_link is not None:
            payload["invite_link"] = invite_link_json(self, group, request.invite_link)
        for account in self.bots_in(group):
            bot_member = group.member(account.id)
            if bot_member is not None and bot_member.right("can_invite_users"):
                account.updates.push("chat_join_request", payload)
        self.notify_changed()
        return request

    async def join(
        self, user: EmuUser, group: EmuChat, invite_link: EmuInviteLink | str | None = None
    ) -> EmuMember:
        """`user` joins directly: chat_member to admin bots, new_chat_members to all bots."""
        member = group.member(user.id)
        if member is not None and member.status == "kicked":
            raise EmulatorUsageError(f"{user.first_name} is banned from {group.title}")
        if member is not None and member.is_present:
            raise EmulatorUsageError(f"{user.first_name} is already in {group.title}")
        group.join_requests.pop(user.id, None)
        joined = self.set_member(
            group, user, "member", actor=user, invite_link=self._link(group, invite_link)
        )
        self.service_message(group, user, new_chat_members=[user_json(user)])
        return joined

    async def leave(self, user: EmuUser, group: EmuChat) -> None:
        member = group.member(user.id)
        if member is None or not member.is_present or member.status == "creator":
            raise EmulatorUsageError(f"{user.first_name} cannot leave {group.title}")
        self.set_member(group, user, "left", actor=user)
        self.service_message(group, user, left_chat_member=user_json(user))

    async def add_bot_to_group(
        self,
        bot: EmuUser,
        group: EmuChat,
        by: EmuUser,
        admin: bool = True,
        rights: dict[str, bool] | None = None,
    ) -> EmuMember:
        """`by` adds the bot, as admin (all rights unless `rights` says otherwise) or member."""
        self.bot_account(bot)
        adder = group.member(by.id)
        if adder is None or not adder.is_present:
            raise EmulatorUsageError(f"{by.first_name} is not a member of {group.title}")
        current = group.member(bot.id)
        if current is not None and current.is_present:
            raise EmulatorUsageError(f"{bot.first_name} is already in {group.title}")
        unknown = set(rights or {}) - set(ADMIN_RIGHTS)
        if unknown:
            raise EmulatorUsageError(f"unknown admin rights {sorted(unknown)}")
        if admin:
            granted = {right: True for right in ADMIN_RIGHTS} | dict(rights or {})
            added = self.set_member(group, bot, "administrator", actor=by, rights=granted)
        else:
            added = self.set_member(group, bot, "member", actor=by)
        self.service_message(group, by, new_chat_members=[user_json(bot)])
        return added

    async def remove_bot_from_group(self, bot: EmuUser, group: EmuChat, by: EmuUser) -> None:
        self.set_member(group, bot, "kicked", actor=by)
        self.service_message(group, by, left_chat_member=user_json(bot))

    # ------------------------------------------------------------------ private chats

    def block_bot(self, user: EmuUser, bot: EmuUser) -> None:
        """The user blocks the bot: sends then fail with 403; the bot gets my_chat_member."""
        self.bot_account(bot).blocked_by.add(user.id)
        self.set_member(self.private_chat(bot, user), bot, "kicked", actor=user)

    def unblock_bot(self, user: EmuUser, bot: EmuUser) -> None:
        self.bot_account(bot).blocked_by.discard(user.id)
        self.set_member(self.private_chat(bot, user), bot, "member", actor=user)
