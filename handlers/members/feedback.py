"""/feedback: a suggestion to the group's admins, with Reply and Mark handled."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, OutboundText, RecipientUnreachable, keyboard
from organizer.services import admins, feedback, groups, notify, users


class FeedbackCallback(CallbackData, prefix=feedback.CALLBACK_PREFIX):
    action: str  # g (group chosen) | r (reply) | h (handled)
    value: int


class FeedbackStates(StatesGroup):
    text = State()
    reply = State()


async def _deliver(session: AsyncSession, deps: HandlerDeps, item: feedback.FeedbackInfo) -> None:
    group = await groups.get(session, item.group_id or 0)
    title = group.title if group else "?"
    member = await users.get(session, item.user_id)
    name = member.display_name if member else str(item.user_id)
    for admin_id in await feedback.recipients(session, item.group_id, deps.settings.org_admin_ids):
        user = await users.get(session, admin_id)
        lang = (
            user.language_or(group.language if group else deps.catalogue.default) if user else "zh"
        )
        t = deps.catalogue.for_language(lang)
        text = t("members-feedback-card", group=title, id=item.id, text=item.text,
                 member=Markup(notify.mention(item.user_id, name)))  # fmt: skip
        reply_data = FeedbackCallback(action="r", value=item.id).pack()
        handle_data = FeedbackCallback(action="h", value=item.id).pack()
        buttons = keyboard(
            [Button(t("members-feedback-reply"), reply_data)],
            [Button(t("members-feedback-handle"), handle_data)],
        )
        try:
            await deps.messenger.send_text(OutboundText(admin_id, text, keyboard=buttons))
        except RecipientUnreachable:
            continue


async def _submit(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, user_id: int, group_id: int, text: str
) -> str:
    now = deps.clock.now()
    item = await feedback.submit(session, group_id=group_id, user_id=user_id, text=text, now=now)
    await _deliver(session, deps, item)
    group = await groups.get(session, group_id)
    return texts("members-feedback-sent", group=group.title if group else "?")


async def feedback_command(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts, state: FSMContext,
) -> None:  # fmt: skip
    assert message.from_user is not None
    user_id, text = message.from_user.id, (command.args or "").strip()
    if message.chat.type != "private":
        await deps.register_group(session, message.chat)
        await deps.messenger.delete(message.chat.id, message.message_id)  # privacy
        if not text:
            await send(deps, message.chat.id, texts("members-feedback-usage"))
            return
        user, target = await users.get(session, user_id), message.chat.id
        if user is not None and user.can_message_privately:  # confirm privately, in their language
            target, texts = user_id, deps.catalogue.for_language(user.language_or(texts.lang))
        await send(
            deps, target, await _submit(session, deps, texts, user_id, message.chat.id, text)
        )
        return
    choices = await feedback.member_groups(session, user_id)
    if not choices:
        await reply(deps, message, texts("members-feedback-no-group"))
        return
    await state.set_state(FeedbackStates.text)
    await state.update_data(feedback_text=text, feedback_group=None)
    if len(choices) > 1:
        rows = [[Button(title, FeedbackCallback(action="g", value=gid).pack())]
                for gid, title in choices]  # fmt: skip
        await reply(deps, message, texts("members-feedback-choose-group"), keyboard=keyboard(*rows))
        return
    await _chosen(message.chat.id, user_id, choices[0][0], session, deps, texts, state)


async def _chosen(
    chat_id: int, user_id: int, group_id: int, session: AsyncSession, deps: HandlerDeps,
    texts: Texts, state: FSMContext,
) -> None:  # fmt: skip
    data = await state.get_data()
    if data.get("feedback_text"):
        await state.clear()
        await send(
            deps,
            chat_id,
            await _submit(session, deps, texts, user_id, group_id, data["feedback_text"]),
        )
        return
    await state.update_data(feedback_group=group_id)
    await send(deps, chat_id, texts("members-feedback-usage"))


async def on_text(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, state: FSMContext
) -> None:
    assert message.from_user is not None and message.text is not None
    data = await state.get_data()
    if data.get("feedback_group") is None:
        await state.update_data(feedback_text=message.text)
        await reply(deps, message, texts("members-feedback-choose-group"))
        return
    await state.clear()
    answer = await _submit(
        session, deps, texts, message.from_user.id, data["feedback_group"], message.text
    )
    await reply(deps, message, answer)


async def on_reply_text(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, state: FSMContext
) -> None:
    assert message.from_user is not None and message.text is not None
    feedback_id = int((await state.get_data())["feedback_id"])
    await state.clear()
    await _handle(
        message.chat.id, message.from_user.id, feedback_id, message.text, session, deps, texts
    )


async def _handle(
    chat_id: int, admin_id: int, feedback_id: int, reply_text: str | None, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    item, handled_now = await feedback.mark_handled(
        session, feedback_id, admin_id=admin_id, reply=reply_text, now=deps.clock.now()
    )
    if not handled_now:
        who = await users.get(session, item.handled_by or 0)
        name = who.display_name if who else str(item.handled_by)
        await send(deps, chat_id, texts("members-feedback-already", id=item.id, admin=name))
        return
    group = await groups.get(session, item.group_id or 0)
    member = await users.get(session, item.user_id)
    lang = member.language_or(group.language if group else "zh") if member else "zh"
    key = (
        "members-feedback-handled-member-reply" if item.reply else "members-feedback-handled-member"
    )
    text = deps.catalogue.text(
        lang, key, group=group.title if group else "?", reply=item.reply or ""
    )
    with contextlib.suppress(RecipientUnreachable):
        await deps.messenger.send_text(OutboundText(item.user_id, text))
    await send(deps, chat_id, texts("members-feedback-handled-admin", id=item.id))


async def on_press(
    query: CallbackQuery, callback_data: FeedbackCallback, session: AsyncSession,
    deps: HandlerDeps, texts: Texts, state: FSMContext,
) -> None:  # fmt: skip
    user_id, chat_id = query.from_user.id, query.from_user.id
    if callback_data.action == "g":
        await query.answer()
        await _chosen(chat_id, user_id, callback_data.value, session, deps, texts, state)
        return
    item = await feedback.get(session, callback_data.value)
    if item is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    allowed = user_id in deps.settings.org_admin_ids or (
        item.group_id is not None and await admins.is_group_admin(session, item.group_id, user_id)
    )
    if not allowed:
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    await query.answer()
    if callback_data.action == "r" and item.status != "handled":
        await state.set_state(FeedbackStates.reply)
        await state.update_data(feedback_id=item.id)
        await send(deps, chat_id, texts("members-feedback-ask-reply", id=item.id))
        return
    await _handle(chat_id, user_id, item.id, None, session, deps, texts)


async def cancel(message: Message, deps: HandlerDeps, texts: Texts, state: FSMContext) -> None:
    await state.clear()
    await reply(deps, message, texts("members-cancelled"))


def build_router() -> Router:
    router = Router(name="members.feedback")
    states = StateFilter(FeedbackStates.text, FeedbackStates.reply)
    router.message.register(cancel, Command("cancel"), states)
    router.message.register(feedback_command, Command("feedback"), F.from_user)
    router.message.register(on_text, FeedbackStates.text, F.chat.type == "private", F.text)
    router.message.register(on_reply_text, FeedbackStates.reply, F.chat.type == "private", F.text)
    router.callback_query.register(on_press, FeedbackCallback.filter())
    return router
