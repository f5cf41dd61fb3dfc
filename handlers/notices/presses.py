"""The composer's buttons. A press counts only at the step its button belongs to (the FSM
state); an older message's buttons get "this button has expired" and change nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices import draft as drafts
from handlers.notices import preview, prompts, submit
from handlers.notices.callbacks import ComposeCallback, compose
from handlers.notices.composer import Composer
from handlers.notices.draft import Draft, DraftError
from handlers.notices.states import PREVIOUS
from organizer.i18n import Texts
from organizer.messenger import Button
from organizer.services import groups
from organizer.services.notices import NoticeError
from organizer.timeparse import ParseError

# The step each step-specific button belongs to; navigation buttons carry theirs as value.
OWN_STEP = {
    **dict.fromkeys(("grp", "page", "kind", "multi", "tog", "done", "all"), "target"),
    "now": "time",
    **dict.fromkeys(("pin", "conf", "ack", "hours", "rep", "until", "next"), "options"),
    "send": "preview",
}


@dataclass
class Press:
    composer: Composer
    draft: Draft
    step: str
    value: str
    edit: int | None

    async def go(self, step: str, draft: Draft | None = None, page: int = 0) -> None:
        draft = self.draft if draft is None else draft
        await self.composer.go(step, draft, edit=self._edit(step), page=page)

    def _edit(self, step: str) -> int | None:
        return None if step == "preview" else self.edit


def _number(value: str) -> int:
    if not value.lstrip("-").isdigit() or len(value) > 18:
        raise DraftError("notices-ui-error-stale")
    return int(value)


async def _target(press: Press, kind: str, value: object) -> None:
    """Store the target if it reaches at least one group; its first group's zone is the one
    typed times are read in."""
    draft = {**press.draft, "target_kind": kind, "target_value": value}
    try:
        found = await preview.targets(press.composer, draft)
    except NoticeError as error:
        raise DraftError(error.key, **error.params) from None
    if not found:
        raise DraftError("notices-ui-error-no-targets")
    first = await groups.get(press.composer.session, found[0].group_id)
    tz = first.timezone if first else press.composer.deps.settings.default_timezone
    await press.go("time", {**draft, "tz": tz})


async def _group(press: Press) -> None:
    await _target(press, "group", _number(press.value))


async def _kind(press: Press) -> None:
    await _target(press, "kind", press.value)


async def _all(press: Press) -> None:
    await _target(press, "all", None)


async def _page(press: Press) -> None:
    await press.go("target", page=_number(press.value))


async def _several(press: Press) -> None:
    mine = await press.composer.targetable()
    prompt = prompts.several_prompt(mine, press.draft["picked"], press.composer.texts)
    await press.composer.put(*prompt, press.edit)


async def _toggle(press: Press) -> None:
    group_id, picked = _number(press.value), list(press.draft["picked"])
    picked = [g for g in picked if g != group_id] if group_id in picked else [*picked, group_id]
    press.draft = {**press.draft, "picked": picked}
    await press.composer.state.update_data(draft=press.draft)
    await _several(press)


async def _done(press: Press) -> None:
    if not press.draft["picked"]:
        raise DraftError("notices-ui-error-none-picked")
    await _target(press, "groups", list(press.draft["picked"]))


async def _now(press: Press) -> None:
    await press.go("options", {**press.draft, "send_at": None})


async def _flag(press: Press, flag: str) -> None:
    await press.go("options", drafts.toggled(press.draft, flag))


async def _repeat(press: Press) -> None:
    await press.go("options", drafts.with_repeat(press.draft, press.value))


async def _back(press: Press) -> None:
    previous = PREVIOUS.get(press.step)
    if previous is None:
        raise DraftError("notices-ui-error-stale")
    await press.go(previous)


async def _cancel(press: Press) -> None:
    texts = press.composer.texts
    buttons = (
        Button(texts("notices-ui-cancel-yes"), compose("cancel_yes", press.step)),
        Button(texts("notices-ui-cancel-no"), compose("cancel_no", press.step)),
    )
    await press.composer.put(texts("notices-ui-cancel-confirm"), (buttons,), press.edit)


async def _cancel_yes(press: Press) -> None:
    await press.composer.state.clear()
    await press.composer.put(press.composer.texts("notices-ui-cancelled"), None, press.edit)


ACTIONS: dict[str, Callable[[Press], Awaitable[None]]] = {
    "grp": _group, "kind": _kind, "all": _all, "page": _page, "multi": _several,
    "tog": _toggle, "done": _done, "now": _now,
    "pin": lambda p: _flag(p, "pin"), "conf": lambda p: _flag(p, "conf"),
    "ack": lambda p: _flag(p, "ack"), "hours": lambda p: p.go("hours"),
    "rep": _repeat, "until": lambda p: p.go("until"), "next": lambda p: p.go("preview"),
    "send": lambda p: submit.submit(p.composer, p.draft, p.edit),
    "back": _back, "cancel": _cancel, "cancel_yes": _cancel_yes,
    "cancel_no": lambda p: p.go(p.step), "keep": lambda p: p.go("target"),
}  # fmt: skip


async def on_press(
    query: CallbackQuery, callback_data: ComposeCallback, bot: Bot, state: FSMContext,
    session: AsyncSession, deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    action, value = callback_data.action, callback_data.value
    composer = Composer(session, deps, texts, state, query.from_user.id, bot)
    step = await composer.step()
    handler = ACTIONS.get(action)
    if action == "noop":
        await query.answer()
        return
    if handler is None or step is None or step != OWN_STEP.get(action, value):
        await query.answer(texts("notices-ui-error-stale"), show_alert=True)
        return
    edit = query.message.message_id if query.message is not None else None
    press = Press(composer, await composer.draft(), step, value, edit)
    try:
        await handler(press)
    except (DraftError, ParseError) as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    await query.answer()
