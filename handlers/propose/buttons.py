"""The form's own buttons, one function per action; `answers.on_press` checks each press
against the draft first (the draft must be at the step the button belongs to)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiogram import Bot

from handlers.propose import inputs, picker, prompts, steps, submit
from handlers.propose.callbacks import form
from handlers.propose.fields import FieldError
from handlers.propose.form import Form
from organizer.i18n import Texts
from organizer.messenger import Button
from organizer.models import ActivityKind
from organizer.services import drafts
from organizer.services.drafts import DraftData, DraftInfo, moment
from organizer.services.groups import GroupInfo

# The step a step-specific button belongs to; the other buttons carry their step as value.
OWN_STEP = {
    "kind": "kind",
    "nav": "start",
    "day": "start",
    "hour": "start",
    "min": "start",
    "dur": "end",
    "dl": "deadline",
    "done": "agenda",
    "undo": "agenda",
    "rep": "repeat",
    "times": "until",
    "submit": "preview",
    "edit": "preview",
    "field": "preview",
}


def cancel_question(step: str, texts: Texts) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    return texts("propose-cancel-confirm"), (
        (
            Button(texts("propose-cancel-yes"), form("cancel_yes", step)),
            Button(texts("propose-cancel-no"), form("cancel_no", step)),
        ),
    )


@dataclass
class Press:
    """A press of one of the form's buttons, with what its handler needs."""

    form: Form
    draft: DraftInfo
    group: GroupInfo
    value: str
    edit: int | None  # the message whose button was pressed: the answer replaces it
    bot: Bot

    @property
    def texts(self) -> Texts:
        return self.form.texts

    @property
    def data(self) -> DraftData:
        return self.draft.data

    @property
    def tz(self) -> str:
        return self.group.timezone

    @property
    def now(self) -> datetime:
        return self.form.deps.clock.now()

    async def advance(self, data: DraftData) -> None:
        await self.form.advance(self.draft, data, edit=self.edit)

    async def go(self, step: str, data: DraftData | None = None) -> None:
        await self.form.go(self.draft, step, data, edit=self.edit)


async def _kind(press: Press) -> None:
    if press.value not in {kind.value for kind in ActivityKind}:
        raise FieldError("propose-error-stale")
    await press.advance({**press.data, "kind": press.value})


async def _month(press: Press) -> None:
    await press.form.show(press.draft, edit=press.edit, month=press.value)


async def _day(press: Press) -> None:
    day = picker.parse_day(press.value)
    if day is None or len(press.value) != 8 or day < picker.today_in(press.tz, press.now):
        raise FieldError("propose-error-stale")
    await press.form.put(*prompts.hour_prompt(day, press.texts), press.edit)


async def _hour(press: Press) -> None:
    chosen = picker.parse_hour(press.value)
    if chosen is None:
        raise FieldError("propose-error-stale")
    await press.form.put(*prompts.minute_prompt(*chosen, press.texts), press.edit)


async def _minute(press: Press) -> None:
    starts_at = inputs.picked_start(press.value, tz=press.tz)
    try:
        data = inputs.with_start(press.data, starts_at, now=press.now, tz=press.tz)
    except FieldError as error:
        await press.form.show(
            press.draft, error=press.texts(error.code, **error.params), edit=press.edit
        )
        return
    await press.advance(data)


def _number(value: str) -> int:
    if not value.isdigit():
        raise FieldError("propose-error-stale")
    return int(value)


async def _duration(press: Press) -> None:
    await press.advance(inputs.with_duration(press.data, _number(press.value)))


async def _deadline(press: Press) -> None:
    starts_at = moment(press.data, "starts_at")
    minutes = _number(press.value)
    if starts_at is None or minutes not in (60, 24 * 60):
        raise FieldError("propose-error-stale")
    deadline = starts_at - timedelta(minutes=minutes)
    await press.advance(inputs.with_deadline(press.data, deadline, now=press.now, tz=press.tz))


async def _agenda_done(press: Press) -> None:
    await press.go(steps.next_step("agenda", press.data))


async def _agenda_undo(press: Press) -> None:
    await press.go("agenda", inputs.without_last_agenda_item(press.data))


async def _repeat(press: Press) -> None:
    await press.advance(inputs.with_repeat(press.data, _number(press.value)))


async def _times(press: Press) -> None:
    await press.advance(inputs.with_occurrences(press.data, _number(press.value), tz=press.tz))


async def _back(press: Press) -> None:
    previous = steps.previous_step(press.draft.step, press.data)
    if previous is None:
        raise FieldError("propose-error-stale")
    await press.go(previous)


async def _skip(press: Press) -> None:
    if press.draft.step not in steps.OPTIONAL:
        raise FieldError("propose-error-stale")
    await press.go(
        steps.next_step(press.draft.step, press.data), steps.skipped(press.draft.step, press.data)
    )


async def _keep(press: Press) -> None:
    if not steps.has_value(press.draft.step, press.data, press.now):
        raise FieldError("propose-error-stale")
    await press.advance(press.data)


async def _cancel(press: Press) -> None:
    await press.form.put(*cancel_question(press.draft.step, press.texts), press.edit)


async def _cancel_yes(press: Press) -> None:
    await drafts.discard(press.form.session, press.form.user_id)
    await press.form.put(press.texts("propose-cancelled"), None, press.edit)


async def _cancel_no(press: Press) -> None:
    await press.go(press.draft.step)


async def _edit(press: Press) -> None:
    await press.form.put(
        press.texts("propose-edit-choose"), prompts.edit_menu(press.texts), press.edit
    )


async def _field(press: Press) -> None:
    if press.value == "preview":
        await press.form.show(press.draft, edit=press.edit)
    elif press.value in steps.EDITABLE:
        await press.go(press.value, {**press.data, "jump": True})
    else:
        raise FieldError("propose-error-stale")


async def _submit(press: Press) -> None:
    await submit.submit(press.form, press.draft, press.group, press.bot, edit=press.edit)


ACTIONS: dict[str, Callable[[Press], Awaitable[None]]] = {
    "kind": _kind,
    "nav": _month,
    "day": _day,
    "hour": _hour,
    "min": _minute,
    "dur": _duration,
    "dl": _deadline,
    "done": _agenda_done,
    "undo": _agenda_undo,
    "rep": _repeat,
    "times": _times,
    "back": _back,
    "skip": _skip,
    "keep": _keep,
    "cancel": _cancel,
    "cancel_yes": _cancel_yes,
    "cancel_no": _cancel_no,
    "edit": _edit,
    "field": _field,
    "submit": _submit,
}
