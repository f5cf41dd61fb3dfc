"""The bot joining or leaving a group, and members' status changes (admins are synced here;
members' joins and leaves are handled by handlers.welcome.arrival)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import (
    ADMINISTRATOR,
    IS_MEMBER,
    IS_NOT_MEMBER,
    MEMBER,
    RESTRICTED,
    ChatMemberUpdatedFilter,
)
from aiogram.types import ChatMemberUpdated
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.group_setup import rights_report
from handlers.replies import send
from handlers.welcome.arrival import member_joined, member_left
from organizer.services import admins, groups
from organizer.telegram.chat_info import bot_rights, fetch_admins, member_state, profile


async def bot_added(
    event: ChatMemberUpdated, bot: Bot, session: AsyncSession, deps: HandlerDeps
) -> None:
    now = deps.clock.now()
    group = await deps.register_group(session, event.chat)
    texts = deps.catalogue.for_language(group.language)
    rights = await bot_rights(bot, event.chat.id)
    if rights is not None:
        await admins.sync_group_admins(
            session, event.chat.id, await fetch_admins(bot, event.chat.id), now=now
        )
    body = "\n\n".join((texts("group-bot-added", title=group.title), rights_report(texts, rights)))
    await send(deps, event.chat.id, body)


async def bot_removed(event: ChatMemberUpdated, session: AsyncSession, deps: HandlerDeps) -> None:
    await groups.mark_bot_removed(session, event.chat.id, now=deps.clock.now())


async def bot_promoted(
    event: ChatMemberUpdated, bot: Bot, session: AsyncSession, deps: HandlerDeps
) -> None:
    """Made admin after joining: now the admin list can be read, so sync it."""
    if await groups.get(session, event.chat.id) is None:
        return
    now = deps.clock.now()
    await admins.sync_group_admins(
        session, event.chat.id, await fetch_admins(bot, event.chat.id), now=now
    )


async def member_changed(
    event: ChatMemberUpdated, session: AsyncSession, deps: HandlerDeps
) -> None:
    """Promotions and demotions (joins and leaves go to handlers.welcome)."""
    if event.new_chat_member.user.is_bot or await groups.get(session, event.chat.id) is None:
        return
    plain = {"member", "restricted"}
    if event.old_chat_member.status in plain and event.new_chat_member.status in plain:
        # Restrictions are the bot's own doing (the welcome flow records them). Updates are
        # handled concurrently, so an old "restricted" report could land after the member
        # accepted the rules and overwrite it: nothing here is news, so record nothing.
        return
    status, role = member_state(event.new_chat_member.status)
    await admins.record_member_status(
        session,
        event.chat.id,
        profile(event.new_chat_member.user),
        status=status,
        role=role,
        now=deps.clock.now(),
    )


def build_router() -> Router:
    router = Router(name="group_membership")
    router.my_chat_member.filter(F.chat.type.in_({"group", "supergroup"}))
    router.chat_member.filter(F.chat.type.in_({"group", "supergroup"}))
    router.my_chat_member.register(bot_added, ChatMemberUpdatedFilter(IS_NOT_MEMBER >> IS_MEMBER))
    router.my_chat_member.register(bot_removed, ChatMemberUpdatedFilter(IS_MEMBER >> IS_NOT_MEMBER))
    router.my_chat_member.register(
        bot_promoted, ChatMemberUpdatedFilter((MEMBER | RESTRICTED) >> ADMINISTRATOR)
    )
    # Telegram sends chat_member updates only to admin bots.
    router.chat_member.register(member_joined, ChatMemberUpdatedFilter(IS_NOT_MEMBER >> IS_MEMBER))
    router.chat_member.register(member_left, F.new_chat_member.status.in_({"left", "kicked"}))
    router.chat_member.register(member_changed)
    return router
