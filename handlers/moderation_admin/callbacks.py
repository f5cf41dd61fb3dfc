"""Buttons of the admins' moderation tools: ids and short codes only (≤ 64 bytes).

Never trusted: every press re-checks the presser's admin rights and the record's state.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class UndoViolation(CallbackData, prefix="v1ud"):
    """Undo one violation (and lift the mute or ban it caused) from an admin-log card."""

    violation_id: int


class ReportAction(CallbackData, prefix="v1rp"):
    action: str  # delete | warn | mute | dismiss (organizer.services.reports.RESOLUTIONS)
    report_id: int


class SetLogChoice(CallbackData, prefix="v1sl"):
    """Make the chat of the press the admin log of a group; 0: the organisation-wide log."""

    group_id: int


ORG_WIDE = 0
