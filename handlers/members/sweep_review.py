"""The admins' review card of silent members, and /away."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.messenger import OutboundText, RecipientUnreachable
from organizer.services import admins, sweep, sweep_review, users


class ReviewCallback(CallbackData, prefix=sweep_review.CALLBACK_PREFIX):
    action: str  # t (toggle) | all | sel | keep
    group_id: int
    review_id: int
    user_id: int


async def kick(bot: Bot, chat_id: int, user_id: int) -> bool:
    """Remove without a ban: ban, then lift it at once."""
    try:
        await bot.ban_chat_member(chat_id, user_id)
        await bot.unban_chat_member(chat_id, user_id, only_if_banned=True)
    except TelegramAPIError:
        return False
    return True


async def _name(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    return user.display_name if user else str(user_id)


async def on_review(
    query: CallbackQuery,
    callback_data: ReviewCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    bot: Bot,
) -> None:
    data, now = callback_data, deps.clock.now()
    if not await admins.is_group_admin(
        session, data.group_id, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    if data.action == "t":
        outcome = await sweep_review.toggle(
            session, data.group_id, data.review_id, data.user_id, now=now
        )
    else:
        if data.action == "sel":
            opened = await sweep_review.toggle(session, data.group_id, data.review_id, 0, now=now)
            if opened.status == "ok" and opened.review and not opened.review["selected"]:
                await query.answer(texts("members-review-none-selected"), show_alert=True)
                return
        outcome = await sweep_review.decide(
            session, data.group_id, data.review_id, data.action, query.from_user.id, now=now
        )
    if outcome.status == "stale":
        await query.answer(texts("members-review-stale"), show_alert=True)
        return
    if outcome.status == "handled":
        who = await _name(session, outcome.handled_by or 0)
        await query.answer(texts("members-review-already", admin=who), show_alert=True)
        return
    assert outcome.group is not None and outcome.review is not None
    message = query.message
    if data.action == "t":
        names = await sweep_review.review_names(session, outcome.review)
        keyboard = sweep_review.review_keyboard(
            deps.catalogue, texts.lang, data.group_id, outcome.review, names
        )
        if message is not None:
            await deps.messenger.edit_keyboard(message.chat.id, message.message_id, keyboard)
        await query.answer()
        return
    removed = [uid for uid in outcome.remove if await kick(bot, data.group_id, uid)]
    await sweep.mark_removed(session, data.group_id, removed, now=now)
    group = outcome.group
    for uid in removed:
        try:
            text = deps.catalogue.text(group.language, "members-removed-notice", group=group.title)
            user = await users.get(session, uid)
            if user is not None and user.can_message_privately:
                await deps.messenger.send_text(OutboundText(uid, text))
        except RecipientUnreachable:
            continue
    admin = query.from_user.full_name
    if data.action == "keep":
        result = texts("members-review-done-kept", group=group.title, admin=admin)
    else:
        result = texts(
            "members-review-done-removed", group=group.title, admin=admin,
            removed=len(removed), kept=len(outcome.keep),
        )  # fmt: skip
    failed = len(outcome.remove) - len(removed)
    if failed:
        result += "\n" + texts("members-review-kick-failed", count=failed)
    for chat_id, message_id in outcome.review["cards"]:
        await deps.messenger.edit_text(chat_id, message_id, result, keyboard=None)
    await query.answer()


async def away(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    if message.from_user is None:
        return
    arg, now = (command.args or "").strip().lower(), deps.clock.now()
    if arg in ("off", "关闭", "取消", "0"):
        await sweep.set_away(session, message.from_user.id, None, now=now)
        await reply(deps, message, texts("members-away-off"))
        return
    if not arg.isdigit() or not 1 <= int(arg) <= sweep.MAX_AWAY_DAYS:
        await reply(deps, message, texts("members-away-usage"))
        return
    until = now + timedelta(days=int(arg))
    count = await sweep.set_away(session, message.from_user.id, until, now=now)
    shown = until.strftime("%Y-%m-%d")
    await reply(deps, message, texts("members-away-set", until=shown, count=count))


def build_router() -> Router:
    router = Router(name="members.sweep")
    router.callback_query.register(on_review, ReviewCallback.filter())
    router.message.register(away, Command("away"), F.from_user)
    return router
