"""Notices (issue 6): /announce composes one in private (text or media, target groups, time,
options, preview), /notices and /acks manage them, and the groups' "Received" button.

`build_router` must be included before the /start router: it owns the `/start announce` deep
link. Typed answers are taken only in this package's FSM states, so other conversations'
private text is never claimed.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter

from handlers.notices import ack, entry, inputs, manage, presses
from handlers.notices.callbacks import ComposeCallback, ManageCallback, NoticeAck
from handlers.notices.states import ComposeStates, EditStates

_PRIVATE = F.chat.type == "private"
_GROUP = F.chat.type.in_({"group", "supergroup"})
_NOT_COMMAND = ~(F.text.startswith("/"))


def build_router() -> Router:
    router = Router(name="notices")
    message = router.message
    message.register(entry.announce_in_group, Command("announce"), _GROUP)
    message.register(
        entry.announce, CommandStart(deep_link=True, magic=F.args == entry.DEEP_LINK), _PRIVATE,
        F.from_user,
    )  # fmt: skip
    message.register(entry.announce, Command("announce"), _PRIVATE, F.from_user)
    message.register(manage.list_notices, Command("notices"), _PRIVATE, F.from_user)
    message.register(manage.acks_command, Command("acks"), _PRIVATE, F.from_user)
    ours = StateFilter(ComposeStates, EditStates)
    message.register(entry.on_cancel_command, ours, Command("cancel"), _PRIVATE)
    composing = StateFilter(ComposeStates)
    message.register(inputs.on_input, composing, _PRIVATE, _NOT_COMMAND, F.from_user)
    message.register(
        manage.on_edit_text, StateFilter(EditStates.text), _PRIVATE, F.text, _NOT_COMMAND,
        F.from_user,
    )  # fmt: skip
    router.callback_query.register(presses.on_press, ComposeCallback.filter())
    router.callback_query.register(manage.on_manage_press, ManageCallback.filter())
    router.callback_query.register(ack.on_ack, NoticeAck.filter())
    return router
