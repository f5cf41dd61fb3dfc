"""Setting the scene: users, bots, groups, admins and permissions (no updates for creation)."""

from __future__ import annotations

from .errors import EmulatorUsageError
from .observe import ChatObserver
from .state import ADMIN_RIGHTS, CHAT_PERMISSIONS, EmuChat, EmuMember, EmuUser
from .updates import BotAccount


class WorldBuilder(ChatObserver):
    """Creating users, bots and groups and arranging ranks, as a test's setup does."""

    def create_user(
        self,
        first_name: str,
        username: str | None = None,
        language_code: str | None = "en",
        last_name: str | None = None,
    ) -> EmuUser:
        user = EmuUser(
            id=next(self._user_ids),
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self.users[user.id] = user
        return user

    def create_bot(
        self,
        token: str | None = None,
        username: str = "emulator_bot",
        first_name: str = "Bot",
    ) -> EmuUser:
        """A bot account; its id is the token's numeric prefix, as aiogram assumes."""
        if token is None:
            bot_id = next(self._bot_ids)
            token = f"{bot_id}:EMULATOR-{bot_id}-abcdefghijklmnopqrstuvwxyz"
        else:
            prefix, _, secret = token.partition(":")
            if not prefix.isdigit() or not secret:
                raise EmulatorUsageError(f"bot token must look like '123:secret', got {token!r}")
            bot_id = int(prefix)
        if bot_id in self.users or token in self._bots_by_token:
            raise EmulatorUsageError(f"a bot with id {bot_id} already exists")
        user = EmuUser(id=bot_id, first_name=first_name, username=username, is_bot=True)
        user.token = token
        self.users[bot_id] = user
        account = BotAccount(user)
        self.bot_accounts[bot_id] = account
        self._bots_by_token[token] = account
        return user

    def create_group(
        self,
        title: str,
        owner: EmuUser,
        members: list[EmuUser] | tuple[EmuUser, ...] = (),
        username: str | None = None,
    ) -> EmuChat:
        """A supergroup (id -100…) with `owner` as creator and `members` as plain members."""
        chat_id = -(10**12 + 10**9 + next(self._group_numbers))
        chat = EmuChat(id=chat_id, type="supergroup", title=title, username=username)
        chat.members[owner.id] = EmuMember(owner, "creator")
        for user in members:
            chat.members[user.id] = EmuMember(user, "member")
        self.groups[chat_id] = chat
        return chat

    def promote(self, group: EmuChat, user: EmuUser, **rights: bool) -> EmuMember:
        """Make `user` an administrator; rights not named default to True."""
        unknown = set(rights) - set(ADMIN_RIGHTS)
        if unknown:
            raise EmulatorUsageError(f"unknown admin rights {sorted(unknown)}; use {ADMIN_RIGHTS}")
        granted = {right: rights.get(right, True) for right in ADMIN_RIGHTS}
        owner = next(m.user for m in group.members.values() if m.status == "creator")
        return self.set_member(group, user, "administrator", actor=owner, rights=granted)

    def set_chat_permissions(self, group: EmuChat, **permissions: bool) -> None:
        """Change what ordinary members may do (names as in ChatPermissions)."""
        unknown = set(permissions) - set(CHAT_PERMISSIONS)
        if unknown:
            raise EmulatorUsageError(f"unknown permissions {sorted(unknown)}")
        group.permissions.update(permissions)

    def restrict(self, group: EmuChat, user: EmuUser, **permissions: bool) -> EmuMember:
        """Restrict a member (the owner acting); unnamed permissions stay allowed."""
        granted = {name: permissions.get(name, True) for name in CHAT_PERMISSIONS}
        owner = next(m.user for m in group.members.values() if m.status == "creator")
        present = (group.member(user.id) or EmuMember(user, "left")).is_present
        return self.set_member(
            group, user, "restricted", actor=owner, permissions=granted, is_member=present
        )

    def deactivate_user(self, user: EmuUser) -> None:
        """The account is deleted: sends to it fail with 403 "user is deactivated"."""
        user.deactivated = True
