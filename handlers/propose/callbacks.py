"""Callback data of the proposal form and of the approval cards: versioned, codes and ids only.

Never trusted: the form checks every press against the user's draft (its step must be the one
the button belongs to), the cards re-check the presser's rights and the proposal's state.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class FormCallback(CallbackData, prefix="v1pf"):
    # kind | nav | day | hour | min | dur | dl | done | undo | rep | times   (a step's own)
    # back | skip | keep | cancel | edit | submit | field               (navigation)
    # cancel_yes | cancel_no | continue | restart | group | revise | noop
    action: str
    # The step the button belongs to (stale presses are refused) or the action's value.
    value: str = ""


class ReviewCallback(CallbackData, prefix="v1rv"):
    decision: str  # approve | reject | changes
    activity_id: int


def form(action: str, value: str | int = "") -> str:
    return FormCallback(action=action, value=str(value)).pack()


def review(decision: str, activity_id: int) -> str:
    return ReviewCallback(decision=decision, activity_id=activity_id).pack()
