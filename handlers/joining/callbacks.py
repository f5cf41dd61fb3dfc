"""Callback data of the applicant's questions and of the approval cards: ids and codes only.

Never trusted: every press is checked against the request in the database.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from organizer.services.approvers import DECIDE_PREFIX


class AskCallback(CallbackData, prefix="v1ja"):
    action: str  # type | voucher | other | confirm | restart
    request_id: int
    value: str = ""


class DecideCallback(CallbackData, prefix=DECIDE_PREFIX):
    decision: str  # approve | decline
    request_id: int


class ApproversGroupCallback(CallbackData, prefix="v1jg"):
    group_id: int


def ask(action: str, request_id: int, value: str | int = "") -> str:
    return AskCallback(action=action, request_id=request_id, value=str(value)).pack()
