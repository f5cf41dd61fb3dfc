"""What a moderation hit does: delete, give the text back, record, sanction, log with Undo.

Runs in the message gate (an outer middleware), so it opens its own session: no handler runs
for a message that was taken down. If the bot lacks a right, the violation is still recorded
and the admins are told once (per group and right, per process) what is missing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from aiogram import Bot
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.deps import HandlerDeps
from handlers.moderation.facts import text_of
from handlers.moderation_admin.log_cards import post_to_admin_log, undo_keyboard
from organizer.database import unit_of_work
from organizer.i18n import Markup, Texts
from organizer.messenger import MessengerError, OutboundText, RecipientUnreachable
from organizer.moderation.hits import PRIVATE_DATA, Hit
from organizer.moderation.policy import ModerationPolicy
from organizer.moderation_port import ModerationFailed
from organizer.services import audit, notify, users, violations
from organizer.services.group_context import GroupContext
from organizer.services.violations import ViolationOutcome
from organizer.telegram.chat_info import profile
from organizer.telegram.moderator import TelegramModerator
from organizer.timeparse.formatting import format_local

log = logging.getLogger(__name__)


@dataclass
class Enforcer:
    deps: HandlerDeps
    session_factory: async_sessionmaker[AsyncSession]
    _told_missing: set[tuple[int, str]] = field(default_factory=set)

    async def notice(self, message: Message, hit: Hit, context: GroupContext) -> None:
        """Media hits: the message stays; a polite word in reply."""
        assert message.from_user is not None
        texts = self.deps.catalogue.for_language(context.language)
        body = texts(
            "modflow-media-notice",
            mention=Markup(notify.mention(message.from_user.id, message.from_user.full_name)),
            reason=texts(hit.message_key),
        )
        try:
            await self.deps.messenger.send_text(
                OutboundText(message.chat.id, body, reply_to_message_id=message.message_id)
            )
        except MessengerError as error:
            log.info("media notice not sent in %s: %s", message.chat.id, error)

    async def take_down(
        self, bot: Bot, message: Message, hit: Hit, context: GroupContext, policy: ModerationPolicy
    ) -> ViolationOutcome:
        assert message.from_user is not None
        moderator = TelegramModerator(bot)
        deleted = await self._delete(moderator, message, context)
        now = self.deps.clock.now()
        # The record is committed before anything is said about it: a warning in the group
        # always has its violation row, even if the database fails right after.
        async with unit_of_work(self.session_factory) as session:
            await users.remember(session, profile(message.from_user), now=now)
            outcome = await violations.record(
                session, group_id=context.group_id, user_id=message.from_user.id,
                rule=hit.rule, category=hit.category, charter_ref=hit.charter_ref,
                evidence=hit.evidence, message_text=text_of(message)[:4096],
                message_id=message.message_id, by_user_id=None, now=now,
                ladder=policy.ladder, window_days=policy.ladder_window_days,
            )  # fmt: skip
        applied = await self._sanction(moderator, message, outcome, context)
        # No transaction is open while Telegram is called: a send that finds the member
        # unreachable records that in a transaction of its own, which must not wait on ours.
        async with unit_of_work(self.session_factory) as session:
            await audit.log(
                session, group_id=context.group_id, actor_id=None, action=f"auto.{hit.category}",
                target_user_id=message.from_user.id, violation_id=outcome.violation_id,
                details={"rule": hit.rule, "deleted": deleted, "sanction": outcome.sanction,
                         "applied": applied}, now=now,
            )  # fmt: skip
            await self._give_back(session, message, hit, context, outcome)
            await self._log_card(session, message, hit, context, outcome, deleted)
            await self._tell_missing(session, context, deleted, applied)
        return outcome

    async def _delete(
        self, moderator: TelegramModerator, message: Message, context: GroupContext
    ) -> bool:
        try:
            await moderator.delete_message(message.chat.id, message.message_id)
            return True
        except ModerationFailed as error:
            log.warning("cannot delete %s in %s: %s", message.message_id, message.chat.id, error)
            return False

    async def _sanction(
        self,
        moderator: TelegramModerator,
        message: Message,
        outcome: ViolationOutcome,
        context: GroupContext,
    ) -> bool:
        chat_id, user_id = message.chat.id, outcome_user(message)
        try:
            if outcome.sanction == "mute":
                await moderator.restrict(chat_id, user_id, until=outcome.sanction_until)
            elif outcome.sanction == "kick":
                await moderator.kick(chat_id, user_id)
            elif outcome.sanction == "ban":
                await moderator.ban(chat_id, user_id, until=outcome.sanction_until)
            return True
        except ModerationFailed as error:
            log.warning("cannot apply %s to %s: %s", outcome.sanction, user_id, error)
            return False

    def _sanction_line(
        self, texts: Texts, prefix: str, outcome: ViolationOutcome, context: GroupContext
    ) -> str:
        until = ""
        if outcome.sanction_until is not None:
            until = format_local(outcome.sanction_until, context.timezone, texts.lang)
        key = f"{prefix}-{outcome.sanction}"
        return texts(key, count=outcome.count_in_window, until=until)

    async def _give_back(
        self,
        session: AsyncSession,
        message: Message,
        hit: Hit,
        context: GroupContext,
        outcome: ViolationOutcome,
    ) -> None:
        user = message.from_user
        assert user is not None
        stored = await users.get(session, user.id)
        texts = self.deps.catalogue.for_language(
            stored.language_or(context.language) if stored else context.language
        )
        key = "modflow-returned-private" if hit.category == PRIVATE_DATA else "modflow-returned"
        body = texts(
            key, group=context.title, reason=texts(hit.message_key), text=text_of(message),
            sanction=self._sanction_line(texts, "modflow-sanction", outcome, context),
        )  # fmt: skip
        if stored is not None and stored.can_message_privately:
            try:
                await self.deps.messenger.send_text(OutboundText(user.id, body))
                return
            except RecipientUnreachable:
                await users.mark_private_unreachable(session, user.id, now=self.deps.clock.now())
        group_texts = self.deps.catalogue.for_language(context.language)
        notice = group_texts(
            "modflow-group-notice",
            mention=Markup(notify.mention(user.id, user.full_name)),
            reason=group_texts(hit.message_key),
        )
        try:
            await self.deps.messenger.send_text(OutboundText(message.chat.id, notice))
        except MessengerError as error:
            log.info("group notice not sent in %s: %s", message.chat.id, error)

    async def _log_card(
        self,
        session: AsyncSession,
        message: Message,
        hit: Hit,
        context: GroupContext,
        outcome: ViolationOutcome,
        deleted: bool,
    ) -> None:
        assert message.from_user is not None
        texts = self.deps.catalogue.for_language(context.language)
        sanction = self._sanction_line(texts, "modflow-log-sanction", outcome, context)
        if not deleted:
            sanction = f"{sanction}\n{texts('modflow-log-not-deleted')}"
        body = texts(
            "modflow-log-card", group=context.title,
            member=Markup(notify.mention(message.from_user.id, message.from_user.full_name)),
            reason=texts(hit.message_key), evidence=hit.evidence, sanction=sanction,
            text=text_of(message)[:1500],
        )  # fmt: skip
        keyboard = undo_keyboard(texts, outcome.violation_id)
        await post_to_admin_log(session, self.deps, context.group_id, body, keyboard)

    async def _tell_missing(
        self, session: AsyncSession, context: GroupContext, deleted: bool, applied: bool
    ) -> None:
        texts = self.deps.catalogue.for_language(context.language)
        for ok, right, action in (
            (deleted, "modflow-right-delete", "modflow-action-delete"),
            (applied, "modflow-right-restrict", "modflow-action-restrict"),
        ):
            key = (context.group_id, right)
            if ok or key in self._told_missing:
                continue
            self._told_missing.add(key)
            body = texts(
                "modflow-rights-missing", group=context.title, right=texts(right),
                action=texts(action),
            )  # fmt: skip
            await post_to_admin_log(session, self.deps, context.group_id, body, None)


def outcome_user(message: Message) -> int:
    assert message.from_user is not None
    return message.from_user.id
