"""A member arrives: record how, restrict, welcome; the newcomer accepts; a member leaves."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Chat, ChatMemberUpdated, Message
from aiogram.types import User as TgUser
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.welcome.callbacks import WelcomeAccept
from handlers.welcome.gatekeeper import turned_away
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, MessengerError, OutboundText, keyboard
from organizer.models import MemberStatus
from organizer.moderation_port import ModerationFailed
from organizer.services import groups, notify, rules_versions, welcome
from organizer.telegram.chat_info import profile
from organizer.telegram.moderator import TelegramModerator

log = logging.getLogger(__name__)


def joined_via(event: ChatMemberUpdated) -> str:
    """How a chat_member join came about: request | link | added | unknown."""
    if event.via_join_request or (event.invite_link and event.invite_link.creates_join_request):
        return "request"
    if event.invite_link is not None or event.via_chat_folder_invite_link:
        return "link"
    if event.from_user.id != event.new_chat_member.user.id:
        return "added"
    return "unknown"


async def welcome_arrival(
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    chat: Chat,
    user: TgUser,
    *,
    via: str,
    join_message_id: int | None = None,
    is_admin: bool = False,
) -> None:
    if user.is_bot:
        return
    now = deps.clock.now()
    group = await deps.register_group(session, chat)
    arrival = await welcome.record_arrival(
        session, chat.id, profile(user), joined_via=via, now=now, is_admin=is_admin
    )
    if not arrival.needs_welcome:
        if arrival.welcome_pending and join_message_id is not None:
            await welcome.attach_join_message(session, chat.id, user.id, join_message_id, now=now)
        return
    # Commit the "welcome being posted" mark before posting: a second report of this join then
    # sees it, and the newcomer's press (possible as soon as the welcome shows) finds it.
    await session.commit()
    try:
        await TelegramModerator(bot).restrict(chat.id, user.id)
    except ModerationFailed as error:
        log.warning("cannot restrict newcomer: %s", error)
    texts = deps.catalogue.for_language(group.language)
    rules = rules_versions.short_rules(group.rules_text, texts("welcome-rules-short"))
    body = texts(
        "welcome-message",
        mention=Markup(notify.mention(user.id, user.full_name)),
        title=group.title,
        hours=welcome.timeout_hours(group.settings),
        rules=Markup(rules),
    )
    body = f"{body}\n\n{texts('welcome-rules-more')}"
    button = Button(texts("welcome-accept-button"), WelcomeAccept(user_id=user.id).pack())
    try:
        sent = await deps.messenger.send_text(
            OutboundText(chat.id, body, keyboard=keyboard([button]))
        )
    except MessengerError as error:
        log.warning("cannot post the welcome in %s: %s", chat.id, error)
        if await welcome.posting_failed(session, chat.id, user.id, now=now):
            await _unrestrict(bot, chat.id, user.id)
        return
    due = await welcome.welcome_posted(
        session, chat.id, user.id, message_id=sent.message_id, join_message_id=join_message_id,
        now=now,
    )  # fmt: skip
    if due is None:  # accepted or gone while it was being posted
        await _delete(deps, chat.id, sent.message_id)


async def member_joined(
    event: ChatMemberUpdated, bot: Bot, session: AsyncSession, deps: HandlerDeps
) -> None:
    status = event.new_chat_member.status
    via = joined_via(event)
    if await turned_away(event, bot, session, deps, via):
        return
    await welcome_arrival(
        bot, session, deps, event.chat, event.new_chat_member.user, via=via,
        is_admin=status in ("administrator", "creator"),
    )  # fmt: skip


async def join_service_message(
    message: Message, bot: Bot, session: AsyncSession, deps: HandlerDeps
) -> None:
    """The "X joined" / "X added Y" service message: the same welcome, and its id for cleaning."""
    adder = message.from_user.id if message.from_user else None
    for user in message.new_chat_members or []:
        via = "added" if adder is not None and adder != user.id else "unknown"
        if await _stale_report(bot, session, message.chat.id, user.id):
            continue
        if via == "unknown" and await _request_groups_decide_later(session, message, user.id, deps):
            continue
        await welcome_arrival(
            bot, session, deps, message.chat, user, via=via, join_message_id=message.message_id
        )


async def _request_groups_decide_later(
    session: AsyncSession, message: Message, user_id: int, deps: HandlerDeps
) -> bool:
    """In a group that requires join requests, a self-join is judged on the chat_member report
    (which says whether a request was approved); this message only lends its id for cleaning."""
    group = await groups.get(session, message.chat.id)
    if group is None or not welcome.requires_request(group.settings):
        return False
    await welcome.attach_join_message(
        session, message.chat.id, user_id, message.message_id, now=deps.clock.now()
    )
    return True


async def _stale_report(bot: Bot, session: AsyncSession, chat_id: int, user_id: int) -> bool:
    """A join message for someone we already removed (say, turned away for joining without a
    request) arrives after the removal: ask Telegram whether they are still there."""
    if not await welcome.believed_gone(session, chat_id, user_id):
        return False
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError:
        return False
    return member.status in ("left", "kicked")


async def member_left(event: ChatMemberUpdated, session: AsyncSession, deps: HandlerDeps) -> None:
    user = event.new_chat_member.user
    if user.is_bot:
        return
    status = MemberStatus.LEFT if event.new_chat_member.status == "left" else MemberStatus.BANNED
    welcome_id = await welcome.record_departure(
        session, event.chat.id, user.id, status=status, now=deps.clock.now()
    )
    if welcome_id:
        await _delete(deps, event.chat.id, welcome_id)


async def _unrestrict(bot: Bot, chat_id: int, user_id: int) -> None:
    try:
        await TelegramModerator(bot).unrestrict(chat_id, user_id)
    except ModerationFailed as error:
        log.warning("cannot lift the newcomer's restriction: %s", error)


async def _delete(deps: HandlerDeps, chat_id: int, message_id: int) -> None:
    try:
        await deps.messenger.delete(chat_id, message_id)
    except MessengerError as error:
        log.info("cannot delete %s in %s: %s", message_id, chat_id, error)


async def accept_pressed(
    query: CallbackQuery,
    callback_data: WelcomeAccept,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    if query.message is None or query.message.chat.type == "private":
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    chat_id = query.message.chat.id
    if query.from_user.id != callback_data.user_id:
        await query.answer(texts("welcome-not-for-you"), show_alert=True)
        return
    try:
        accepted = await welcome.accept(session, chat_id, query.from_user.id, now=deps.clock.now())
    except LookupError:
        await query.answer(texts("welcome-nothing-pending"), show_alert=True)
        return
    await _unrestrict(bot, chat_id, query.from_user.id)
    await query.answer(texts("welcome-accepted"), show_alert=True)
    await _delete(deps, chat_id, accepted.welcome_message_id or query.message.message_id)
    if accepted.clean_join_messages and accepted.join_message_id:
        await _delete(deps, chat_id, accepted.join_message_id)
