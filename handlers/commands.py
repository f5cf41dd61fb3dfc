"""The command menus Telegram shows, per chat type and language (setMyCommands)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats

from organizer.i18n import SUPPORTED, Catalogue

PRIVATE_COMMANDS = (
    "start", "help", "propose", "myevents", "manage", "checkin", "survey", "attendance", "notes",
    "feedback", "away", "lost", "mystats", "stats", "export", "announce", "notices", "acks",
    "lang", "calendar",
)  # fmt: skip
GROUP_COMMANDS = (
    "help", "rules", "events", "propose", "calendar", "materials", "questions", "report",
    "mystats", "leaderboard", "stats", "export",
    "feedback", "setup", "settings", "modlist", "invite", "approvers", "setrules",
    "rulesreminder", "surveyq", "experts", "feature", "warn", "unwarn", "mute", "unmute", "kick",
    "ban", "unban", "del", "setlog", "blockword", "lang",
)  # fmt: skip


def menu(catalogue: Catalogue, lang: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=catalogue.text(lang, f"cmd-{name}")) for name in names
    ]


async def register_commands(bot: Bot, catalogue: Catalogue) -> None:
    scopes = (
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
    )
    for scope, names in scopes:
        # Users whose Telegram language has no menu of its own see the default language's.
        await bot.set_my_commands(menu(catalogue, catalogue.default, names), scope=scope)
        for lang in SUPPORTED:
            await bot.set_my_commands(menu(catalogue, lang, names), scope=scope, language_code=lang)
