"""Joining by request (charter 二): /invite, the applicant's questions, the approval cards,
and /approvers."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter

from handlers.joining.admin_commands import on_approvers, on_group_chosen, on_invite
from handlers.joining.applicant import JoinStates, on_ask_press, on_join_request, on_typed
from handlers.joining.callbacks import ApproversGroupCallback, AskCallback, DecideCallback
from handlers.joining.decisions import DeclineStates, on_decide_press, on_reason
from handlers.joining.gate import JoinRequestSession


def build_router() -> Router:
    router = Router(name="joining")
    router.chat_join_request.middleware(JoinRequestSession())
    router.chat_join_request.register(on_join_request)
    router.message.register(on_invite, Command("invite"))
    router.message.register(on_approvers, Command("approvers"))
    private = F.chat.type == "private"
    router.message.register(on_reason, StateFilter(DeclineStates.reason), private)
    router.message.register(
        on_typed, StateFilter(JoinStates.department, JoinStates.voucher), private, F.text
    )
    router.callback_query.register(on_ask_press, AskCallback.filter())
    router.callback_query.register(on_decide_press, DecideCallback.filter())
    router.callback_query.register(on_group_chosen, ApproversGroupCallback.filter())
    return router
