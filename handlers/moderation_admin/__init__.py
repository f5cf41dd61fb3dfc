"""The admins' moderation tools (charter 四(三), 五, 八(一)): commands by reply (/warn, /unwarn,
/mute, /unmute, /kick, /ban, /unban, /del), members' /report with its admin card, /setlog (where
the admin log goes), /blockword (a group's banned terms) and the Undo button of admin-log cards.

For the automatic moderation pipeline: `post_to_admin_log`, `undo_keyboard`, `UndoViolation`.
For /help: HELP_ADMIN_KEY (admins) and HELP_MEMBER_KEY (everyone); for the command menus:
GROUP_ADMIN_COMMANDS and MEMBER_COMMANDS (descriptions under the usual `cmd-<name>` keys).
"""

from __future__ import annotations

from aiogram import Router

from handlers.moderation_admin import (
    blockword,
    report_cards,
    report_cmd,
    sanctions,
    setlog,
    undo,
)
from handlers.moderation_admin.callbacks import UndoViolation
from handlers.moderation_admin.log_cards import post_to_admin_log, undo_keyboard

HELP_ADMIN_KEY = "modcmd-help-admin"
HELP_MEMBER_KEY = "modcmd-help-member"
GROUP_ADMIN_COMMANDS = (*sanctions.COMMANDS, "setlog", "blockword")
MEMBER_COMMANDS = ("report",)

__all__ = [
    "GROUP_ADMIN_COMMANDS",
    "HELP_ADMIN_KEY",
    "HELP_MEMBER_KEY",
    "MEMBER_COMMANDS",
    "UndoViolation",
    "build_router",
    "post_to_admin_log",
    "undo_keyboard",
]


def build_router() -> Router:
    router = Router(name="moderation_admin")
    router.include_routers(
        sanctions.build_router(),
        report_cmd.build_router(),
        report_cards.build_router(),
        undo.build_router(),
        setlog.build_router(),
        blockword.build_router(),
    )
    return router
