"""FSM states: the composer's steps (the draft lives in the FSM data) and the text edit."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup


class ComposeStates(StatesGroup):
    content = State()
    target = State()
    time = State()
    options = State()
    hours = State()  # typing the acknowledgement reminder delay (a sub-step of options)
    until = State()  # typing the last day of a repeat (a sub-step of options)
    preview = State()


class EditStates(StatesGroup):
    text = State()


# Where Back leads from each step.
PREVIOUS = {
    "target": "content",
    "time": "target",
    "options": "time",
    "hours": "options",
    "until": "options",
    "preview": "options",
}
