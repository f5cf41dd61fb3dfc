"""Every group message, before any router: moderation, then content, then the fast path.

An OUTER middleware on message and edited_message (after the activity tracker):
1. the group's context (kind, settings, admins, block words) comes from an in-memory cache;
2. the pure moderation pipeline checks the message; a violation is taken down (enforce.py) and
   no handler sees it; a media notice lets it through;
3. content (hashtags, the library, the news quota, questions and answers) is recorded, opening
   a session only when the message can mean something (intake.needs_database);
4. a plain message — no command, no service content, no conversation state — is done: no
   router would take it, and walking all of them costs more than everything above.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import Message, TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.deps import HandlerDeps
from handlers.moderation import facts as read
from handlers.moderation.content import ContentStep
from handlers.moderation.enforce import Enforcer
from organizer.moderation.pipeline import MessageFacts, Pipeline
from organizer.moderation.policy import ModerationPolicy
from organizer.services.group_context import GroupContext, GroupContextCache

log = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
GROUP_TYPES = ("group", "supergroup")
POLICY_MEMO = "moderation_policy"


def policy_of(context: GroupContext) -> ModerationPolicy:
    policy = context.memo.get(POLICY_MEMO)
    if policy is None:
        added, removed = context.blockwords
        base = ModerationPolicy.from_settings(context.kind, context.settings)
        policy = base.with_lexicon(added, removed)
        context.memo[POLICY_MEMO] = policy
    return policy


class MessageGate(BaseMiddleware):
    def __init__(
        self,
        deps: HandlerDeps,
        session_factory: async_sessionmaker[AsyncSession],
        cache: GroupContextCache,
        pipeline: Pipeline,
        *,
        edits: bool,
    ) -> None:
        self.deps = deps
        self.edits = edits
        self.cache = cache
        self.pipeline = pipeline
        self.enforcer = Enforcer(deps, session_factory)
        self.content = ContentStep(deps, session_factory)

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Message) or event.chat.type not in GROUP_TYPES:
            return await handler(event, data)
        user = event.from_user
        if user is None or (user.is_bot and event.sender_chat is None) or not read.is_chat(event):
            return await handler(event, data)
        context = await self.cache.get(event.chat.id)
        if context is None or not context.setup_done:
            return await handler(event, data)
        policy = policy_of(context)
        is_edit = self.edits
        # The injected clock, like every other time in the bot (flood windows included).
        now = self.deps.clock.now().timestamp()
        hit = self.pipeline.check(self._facts(event, context, is_edit), policy, now=now)
        bot: Bot = data["bot"]
        if hit is not None and hit.is_violation:
            await self.enforcer.take_down(bot, event, hit, context, policy)
            return UNHANDLED
        if hit is not None:
            await self.enforcer.notice(event, hit, context)
        if not is_edit and await self.content.process(event, context, policy):
            return UNHANDLED  # over the news quota: taken down, the author told
        if read.is_plain(event) and data.get("raw_state") is None:
            return UNHANDLED
        return await handler(event, data)

    def _facts(self, message: Message, context: GroupContext, is_edit: bool) -> MessageFacts:
        assert message.from_user is not None
        text = read.text_of(message)
        user_id = message.from_user.id
        own = (message.chat.username, self.deps.settings.bot_username)
        return MessageFacts(
            group_id=context.group_id,
            user_id=user_id,
            text=text,
            urls=read.urls(message, text),
            mentions=read.mentions(message, text),
            forwarded_from_channel=read.forwarded_from_channel(message),
            media=read.media(message),
            sender_is_admin=user_id in context.admin_ids or self.deps.is_org_admin(user_id),
            sent_as_chat=read.sent_as_chat(message),
            is_edit=is_edit,
            own_usernames=frozenset(name.lower() for name in own if name),
        )
