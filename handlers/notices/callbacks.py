"""Callback data of the notice composer, the notice list and the "Received" button.

Ids and codes only, versioned. Never trusted: the composer checks each press against the FSM
step it belongs to, the list re-checks the presser's rights, the ack re-reads the notice.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class NoticeAck(CallbackData, prefix="v1na"):
    """Must match organizer.callbacks.notice_ack_callback (the core builds the group's button)."""

    notice_id: int


class ComposeCallback(CallbackData, prefix="v1nc"):
    # grp | page | kind | multi | tog | done | all      (target step)
    # now                                             (time step)
    # pin | conf | ack | hours | rep | until | next   (options step)
    # send | back | keep | cancel | cancel_yes | cancel_no | noop   (navigation: value = step)
    action: str
    value: str = ""


class ManageCallback(CallbackData, prefix="v1nm"):
    action: str  # cancel | cancel_yes | edit | report | acks
    notice_id: int


def compose(action: str, value: str | int = "") -> str:
    return ComposeCallback(action=action, value=str(value)).pack()


def manage(action: str, notice_id: int) -> str:
    return ManageCallback(action=action, notice_id=notice_id).pack()
