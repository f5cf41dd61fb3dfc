"""Which bot commands a user sees: Telegram's scope and language fallback order."""

from __future__ import annotations

from .state import EmuChat, EmuUser
from .updates import BotAccount

ScopeKey = tuple[str, int | None, int | None]


def _scopes_for(user: EmuUser, chat: EmuChat | None) -> list[ScopeKey]:
    """Most specific first, per the Bot API's "Determining list of commands"."""
    if chat is None or chat.is_private:
        return [("chat", user.id, None), ("all_private_chats", None, None), ("default", None, None)]
    member = chat.member(user.id)
    is_admin = member is not None and member.is_admin
    scopes: list[ScopeKey] = [("chat_member", chat.id, user.id)]
    if is_admin:
        scopes.append(("chat_administrators", chat.id, None))
    scopes.append(("chat", chat.id, None))
    if is_admin:
        scopes.append(("all_chat_administrators", None, None))
    scopes += [("all_group_chats", None, None), ("default", None, None)]
    return scopes


def visible_commands(
    account: BotAccount, user: EmuUser, chat: EmuChat | None = None
) -> list[dict[str, str]]:
    language = (user.language_code or "")[:2]
    for scope_type, chat_id, user_id in _scopes_for(user, chat):
        for lang in ([language] if language else []) + [""]:
            commands = account.commands.get((scope_type, chat_id, user_id, lang))
            if commands:
                return [dict(command) for command in commands]
    return []
