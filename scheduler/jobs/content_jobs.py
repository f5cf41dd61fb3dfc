"""Content jobs: `questions.raise` (a question still unanswered after some hours goes to the
group's admins and experts) and `news.post_deferred` (a news post over the day's quota, posted
by the bot at its reserved slot on behalf of its author)."""

from __future__ import annotations

import logging
from typing import Any

from organizer.config import Settings
from organizer.content import render
from organizer.i18n import Catalogue, Markup, shared_catalogue
from organizer.messenger import OutboundText, Priority, RecipientUnreachable
from organizer.services import experts, groups, library, news_quota, notify, questions, users
from organizer.services.groups import GroupInfo
from scheduler.registry import ActionContext, ActionRegistry, PermanentActionError

log = logging.getLogger(__name__)
POST_MAX = 3800  # the deferred text plus its "on behalf of" line stays under 4096


def _catalogue(ctx: ActionContext) -> Catalogue:
    settings = ctx.settings
    return shared_catalogue(settings.default_language if isinstance(settings, Settings) else "zh")


async def _group(ctx: ActionContext, group_id: int) -> GroupInfo:
    group = await groups.get(ctx.session, group_id)
    if group is None or not group.bot_is_member:
        raise PermanentActionError(f"group {group_id} is gone")
    return group


async def _name(ctx: ActionContext, user_id: int) -> str:
    user = await users.get(ctx.session, user_id)
    return user.display_name if user else str(user_id)


async def raise_question(ctx: ActionContext, payload: dict[str, Any]) -> None:
    """One private alert to each admin and expert who started the bot; the others get ONE group
    message mentioning them. An answered (or already raised) question needs nothing."""
    now = ctx.clock.now()
    question = await questions.start_raise(ctx.session, int(payload["question_id"]), now=now)
    if question is None:
        return
    group = await _group(ctx, question.group_id)
    recipients = await experts.responders(ctx.session, group.id, exclude=question.asker_id)
    if not recipients:
        log.info("question %s unanswered, but its group has no admins or experts", question.id)
        return
    catalogue = _catalogue(ctx)
    args = {
        "group": group.title, "asker": await _name(ctx, question.asker_id),
        "hours": max(1, int((now - question.asked_at).total_seconds() // 3600)),
        "link": library.message_link(group.id, question.message_id),
        "text": render.excerpt(question.text, 200),
    }  # fmt: skip
    await notify.many_private_or_one_mention(
        ctx.session, ctx.messenger, user_ids=recipients,
        text_for=lambda lang: catalogue.text(lang, "content-question-raise", **args),
        group_id=group.id,
        group_text=lambda mentions: catalogue.text(
            group.language, "content-question-raise-group", mentions=Markup(mentions), **args
        ),
        group_language=group.language, now=now,
    )  # fmt: skip


async def post_deferred(ctx: ActionContext, payload: dict[str, Any]) -> None:
    """Post the text "（代 X 发布）", count it on its reserved slot and put it in the library."""
    now = ctx.clock.now()
    group = await _group(ctx, int(payload["group_id"]))
    author_id = int(payload["author_id"])
    name = str(payload.get("author_name") or "") or await _name(ctx, author_id)
    text = str(payload["text"])[:POST_MAX]
    body = _catalogue(ctx).text(
        group.language, "content-news-deferred-post", text=text,
        author=Markup(notify.mention(author_id, name)),
    )  # fmt: skip
    try:
        sent = await ctx.messenger.send_text(OutboundText(group.id, body, priority=Priority.BULK))
    except RecipientUnreachable as error:
        raise PermanentActionError(str(error)) from error
    await news_quota.mark_posted(
        ctx.session, int(payload["news_post_id"]), message_id=sent.message_id, now=now
    )
    tag = payload.get("tag")
    await library.catalogue(
        ctx.session, group_id=group.id, message_id=sent.message_id, author_id=author_id,
        tag=str(tag) if tag else None, title=library.title_for(text, None),
        kind=library.kind_for(text, file_name=None, has_media=False), file_name=None, now=now,
    )  # fmt: skip


def register(registry: ActionRegistry) -> None:
    registry.register(questions.RAISE_KIND, raise_question)
    registry.register(news_quota.DEFERRED_KIND, post_deferred)
