"""The activity proposal form (/propose) and the approval of proposals (charter 七(一)).

`build_router` is included before the /start router: it owns the `/start propose_<group id>`
deep link. `build_late_router` is included after every router that reads private text.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter

from handlers.propose import answers, entry, review
from handlers.propose.callbacks import FormCallback, ReviewCallback
from handlers.propose.review import ReviewStates

_PRIVATE = F.chat.type == "private"
_GROUP = F.chat.type.in_({"group", "supergroup"})
_PLAIN_TEXT = F.text & ~F.text.startswith("/")


def build_router() -> Router:
    router = Router(name="propose")
    message = router.message
    message.register(entry.propose_in_group, Command("propose"), _GROUP)
    message.register(
        entry.propose_deep_link,
        CommandStart(deep_link=True, magic=F.args.regexp(entry.DEEP_LINK)),
        _PRIVATE,
        F.from_user,
    )
    message.register(entry.propose_in_private, Command("propose"), _PRIVATE, F.from_user)
    # An admin typing a review note: the FSM state says so, and it outranks an open draft.
    note = StateFilter(ReviewStates.note)
    message.register(review.on_note_cancel, note, Command("cancel"), _PRIVATE)
    message.register(review.on_note, note, _PRIVATE, _PLAIN_TEXT, F.from_user)
    # The form keeps no FSM state: with none set, private text may be an answer to the draft.
    free = StateFilter(None)
    message.register(answers.on_cancel_command, free, Command("cancel"), _PRIVATE, F.from_user)
    message.register(answers.on_text, free, _PRIVATE, _PLAIN_TEXT, F.from_user)
    message.register(answers.on_other_message, free, _PRIVATE, ~F.text, F.from_user)
    router.callback_query.register(answers.on_press, FormCallback.filter())
    router.callback_query.register(review.on_review_press, ReviewCallback.filter())
    return router


def build_late_router() -> Router:
    """Private text that nothing else took, from a user with a draft left alone for a while."""
    router = Router(name="propose.late")
    router.message.register(
        answers.on_idle_text, StateFilter(None), _PRIVATE, _PLAIN_TEXT, F.from_user
    )
    return router
