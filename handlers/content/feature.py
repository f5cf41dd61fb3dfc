"""/feature and /unfeature, sent by a group admin as a reply to a member's post or file: the
share is marked as featured (it goes into the library if it was not there) and counts for more
in its author's score; and reactions to shares, which count toward their quality."""

from __future__ import annotations

from aiogram.types import Message, MessageReactionUpdated
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation.facts import text_of
from handlers.moderation_admin.common import is_admin, sent_as_group
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.models.content import ShareResponseKind
from organizer.services import groups, share_feedback
from organizer.services.share_feedback import FeatureResult, FeatureStatus

_ANSWERS = {
    FeatureStatus.FEATURED: "content-feature-done",
    FeatureStatus.ALREADY: "content-feature-already",
    FeatureStatus.UNFEATURED: "content-feature-undone",
    FeatureStatus.NOT_FEATURED: "content-feature-not-featured",
    FeatureStatus.OWN: "content-feature-own",
    FeatureStatus.NOTHING: "content-feature-nothing",
}


async def _target(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> tuple[int, Message] | None:
    """The group and the replied-to post, once the sender is known to be one of its admins."""
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return None
    target = message.reply_to_message
    if target is None or target.from_user is None or target.from_user.is_bot:
        await reply(deps, message, texts("content-feature-usage"))
        return None
    group = await deps.register_group(session, message.chat)
    sender = message.from_user
    if (
        sent_as_group(message)
        or sender is None
        or not await is_admin(session, deps, group.id, sender.id)
    ):
        await reply(deps, message, texts("error-admins-only"))
        return None
    return group.id, target


def _answer(result: FeatureResult, target: Message, texts: Texts) -> str:
    name = target.from_user.full_name if target.from_user else "?"
    return texts(_ANSWERS[result.status], name=name, title=result.title)


async def on_feature(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    found = await _target(message, session, deps, texts)
    if found is None:
        return
    group_id, target = found
    assert message.from_user is not None and target.from_user is not None
    result = await share_feedback.feature(
        session, group_id=group_id, message_id=target.message_id,
        author_id=target.from_user.id, text=text_of(target),
        file_name=target.document.file_name if target.document else None,
        has_media=target.content_type != "text", by=message.from_user.id,
        now=deps.clock.now(),
    )  # fmt: skip
    await reply(deps, message, _answer(result, target, texts))


async def on_unfeature(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    found = await _target(message, session, deps, texts)
    if found is None:
        return
    group_id, target = found
    result = await share_feedback.unfeature(
        session, group_id=group_id, message_id=target.message_id
    )
    await reply(deps, message, _answer(result, target, texts))


async def on_reaction(
    event: MessageReactionUpdated, session: AsyncSession, deps: HandlerDeps
) -> None:
    """Someone reacted (or took their reactions back) on a group message. Anonymous reactions
    (on behalf of a chat) name nobody and are not counted."""
    if event.user is None or event.user.is_bot or event.chat.type == "private":
        return
    group = await groups.get(session, event.chat.id)
    if group is None:
        return
    if event.new_reaction:
        await share_feedback.respond(
            session, group_id=group.id, message_id=event.message_id, user_id=event.user.id,
            kind=ShareResponseKind.REACTION, now=deps.clock.now(),
        )  # fmt: skip
    elif event.old_reaction:
        await share_feedback.withdraw_reaction(
            session, group_id=group.id, message_id=event.message_id, user_id=event.user.id
        )
