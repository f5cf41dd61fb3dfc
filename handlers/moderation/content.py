"""The content step of the message gate: categories, library, news quota, questions."""

from __future__ import annotations

import logging

from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.deps import HandlerDeps
from handlers.moderation.facts import text_of
from organizer.content import intake, render
from organizer.database import unit_of_work
from organizer.messenger import MessengerError, OutboundText
from organizer.moderation.policy import ModerationPolicy
from organizer.services import group_settings, users
from organizer.services.group_context import GroupContext

log = logging.getLogger(__name__)


class ContentStep:
    def __init__(
        self, deps: HandlerDeps, session_factory: async_sessionmaker[AsyncSession]
    ) -> None:
        self.deps = deps
        self.session_factory = session_factory

    def _facts(self, message: Message, context: GroupContext) -> intake.ContentFacts:
        assert message.from_user is not None
        reply = message.reply_to_message
        return intake.ContentFacts(
            group_id=context.group_id,
            message_id=message.message_id,
            user_id=message.from_user.id,
            text=text_of(message),
            reply_to_message_id=reply.message_id if reply else None,
            reply_to_user_id=reply.from_user.id if reply and reply.from_user else None,
            document_file_name=message.document.file_name if message.document else None,
            has_media=message.content_type != "text",
            group_timezone=context.timezone,
            user_name=message.from_user.full_name,
        )

    async def process(
        self, message: Message, context: GroupContext, policy: ModerationPolicy
    ) -> bool:
        """True when the message was taken down for being over the daily news quota."""
        facts = self._facts(message, context)
        if not intake.needs_database(facts):
            return False
        admin = facts.user_id in context.admin_ids
        quota = 0 if admin else policy.news_quota_per_day  # admins post notices freely
        async with unit_of_work(self.session_factory) as session:
            outcome = await intake.process(
                session, facts, now=self.deps.clock.now(), policy_quota=quota,
                raise_after_hours=group_settings.question_raise_hours(context.settings),
            )  # fmt: skip
            if outcome.news_over_quota and outcome.next_slot is not None:
                await self._over_quota(session, message, context, policy, outcome, facts.text)
                return True
        return False

    async def _over_quota(
        self,
        session: AsyncSession,
        message: Message,
        context: GroupContext,
        policy: ModerationPolicy,
        outcome: intake.ContentOutcome,
        text: str,
    ) -> None:
        assert outcome.next_slot is not None and message.from_user is not None
        try:
            await self.deps.messenger.delete(message.chat.id, message.message_id)
        except MessengerError as error:
            log.warning("cannot take down a news post over the quota: %s", error)
        user = await users.get(session, message.from_user.id)
        lang = user.language_or(context.language) if user else context.language
        private = user is not None and user.can_message_privately
        body = render.over_quota_notice(
            self.deps.catalogue.for_language(lang), group_title=context.title,
            quota=policy.news_quota_per_day, slot=outcome.next_slot, timezone=context.timezone,
            text=text if private else "", deferred=outcome.deferred_action_id is not None,
        )  # fmt: skip
        target = message.from_user.id if private else message.chat.id
        try:
            await self.deps.messenger.send_text(OutboundText(target, body))
        except MessengerError as error:
            log.info("quota notice not sent: %s", error)
