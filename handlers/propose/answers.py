"""Answers to the form's steps: typed text, and the presses of the form's own buttons.

Typed text in private (with no other conversation's FSM state) is the answer to the draft's
step while the draft is in use, that is, touched within `IN_USE`. A draft left alone longer
lets the text pass, so that a later conversation with no FSM state of its own (the feedback
survey) gets it; if nothing takes it, `on_idle_text` (a router included last) offers to
continue the draft.

A press counts only if the user's draft is at the step the button belongs to; an older
message's buttons get a polite "this button has expired" and change nothing.
"""

from __future__ import annotations

from datetime import timedelta

from aiogram import Bot
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.propose import buttons, entry, inputs
from handlers.propose.callbacks import FormCallback
from handlers.propose.fields import FieldError
from handlers.propose.form import Form
from organizer.i18n import Texts
from organizer.services import drafts, groups
from organizer.services.drafts import DraftInfo
from organizer.timeparse import ParseError

IN_USE = timedelta(hours=12)


async def _draft_in_use(session: AsyncSession, deps: HandlerDeps, user_id: int) -> DraftInfo:
    """The user's draft if it claims their typed text now; otherwise the text is not ours."""
    draft = await drafts.get(session, user_id)
    if draft is None or deps.clock.now() - draft.updated_at > IN_USE:
        raise SkipHandler
    return draft


async def on_text(message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts) -> None:
    assert message.from_user is not None and message.text is not None
    draft = await _draft_in_use(session, deps, message.from_user.id)
    form_ = Form(session, deps, texts, message.from_user.id)
    group = await groups.get(session, draft.group_id) if draft.group_id else None
    if group is None:
        await form_.show(draft)
        return
    try:
        data = inputs.read_text(
            draft.step, message.text, draft.data, tz=group.timezone, now=deps.clock.now()
        )
    except (FieldError, ParseError) as error:
        await form_.show(draft, error=texts(error.code, **error.params))
        return
    if draft.step == "agenda":
        await form_.go(draft, "agenda", data)  # one item per message: stay for the next
    else:
        await form_.advance(draft, data)


async def on_other_message(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    """A photo or sticker while the form waits for text."""
    assert message.from_user is not None
    draft = await _draft_in_use(session, deps, message.from_user.id)
    form_ = Form(session, deps, texts, message.from_user.id)
    await form_.show(draft, error=texts("propose-error-text-only"))


async def on_idle_text(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    """Text nobody else took, from a user whose draft waited long: continue or start over?"""
    assert message.from_user is not None
    draft = await drafts.get(session, message.from_user.id)
    if draft is None:
        raise SkipHandler
    await entry.offer(Form(session, deps, texts, message.from_user.id), draft, restart_group=None)


async def on_cancel_command(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    draft = await drafts.get(session, message.from_user.id)
    if draft is None:
        raise SkipHandler
    form_ = Form(session, deps, texts, message.from_user.id)
    await form_.put(*buttons.cancel_question(draft.step, texts))


async def on_press(
    query: CallbackQuery,
    callback_data: FormCallback,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    action, value = callback_data.action, callback_data.value
    edit = query.message.message_id if query.message is not None else None
    form_ = Form(session, deps, texts, query.from_user.id)
    if action == "noop":
        await query.answer()
        return
    if action in entry.ACTIONS:
        await entry.on_entry_press(query, callback_data, bot, form_, edit)
        return
    draft = await drafts.get(session, query.from_user.id)
    if draft is None:
        await query.answer(texts("propose-error-no-draft"), show_alert=True)
        return
    handler = buttons.ACTIONS.get(action)
    group = await groups.get(session, draft.group_id) if draft.group_id else None
    if handler is None or draft.step != buttons.OWN_STEP.get(action, value):
        await query.answer(texts("propose-error-stale"), show_alert=True)
        return
    if group is None:
        await query.answer()
        await form_.show(draft, edit=edit)
        return
    try:
        await handler(buttons.Press(form_, draft, group, value, edit, bot))
    except (FieldError, ParseError) as error:
        await query.answer(texts(error.code, **error.params), show_alert=True)
        return
    await query.answer()
