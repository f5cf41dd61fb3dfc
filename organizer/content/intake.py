"""What one group message means for content, in one call the message pipeline makes:
categories, the library, the news quota, question tracking and answers.

Hot path (DESIGN §2): most messages have no hashtag, no question mark, no reply and no file.
`needs_database` says so from cheap substring checks, and the pipeline then skips opening a
session; `process` on such a message returns at once without touching the session either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.content import categories as cats
from organizer.models.content import ShareResponseKind
from organizer.services import library, news_quota, questions, share_feedback


@dataclass(frozen=True)
class ContentFacts:
    """The parts of a group message content cares about (the text is the caption for media)."""

    group_id: int
    message_id: int
    user_id: int
    text: str = ""
    reply_to_message_id: int | None = None
    reply_to_user_id: int | None = None
    document_file_name: str | None = None
    has_media: bool = False
    group_timezone: str = "Asia/Shanghai"
    user_name: str = ""  # shown as "（代 X 发布）" when a deferred news post goes out


@dataclass(frozen=True)
class ContentOutcome:
    categories: tuple[str, ...] = ()
    catalogued: bool = False
    question_tracked: bool = False
    question_id: int | None = None
    answered_question_id: int | None = None
    # The reply was the question's first answer (the asker may want to hear about it).
    first_answer: bool = False
    news_counted: bool = False
    # Over the daily news quota: the caller takes the message down and tells the author
    # when `next_slot` (UTC) opens; the text is already scheduled to be posted then.
    news_over_quota: bool = False
    next_slot: datetime | None = None
    deferred_action_id: int | None = None


NOTHING = ContentOutcome()


def needs_database(facts: ContentFacts) -> bool:
    """False for a plain message (no hashtag, no question mark, no reply to someone else and no
    file) and for a command. Only cheap checks, so it may run on every message."""
    text = facts.text
    if text.startswith("/"):
        return False  # a command ("/materials #政策") is not a share, a question or news
    return bool(
        facts.document_file_name
        or (facts.reply_to_message_id is not None and facts.reply_to_user_id != facts.user_id)
        or cats.has_hashtag_sign(text)
        or "?" in text
        or "？" in text
    )


async def process(
    session: AsyncSession,
    facts: ContentFacts,
    *,
    now: datetime,
    policy_quota: int,
    raise_after_hours: int = questions.DEFAULT_RAISE_AFTER_HOURS,
) -> ContentOutcome:
    """Record what the message means; the group must be registered. `policy_quota` below 1
    means news is not capped (the caller passes that for admins too, if its policy exempts
    them). Flushes, never commits: the caller's unit of work commits."""
    if not needs_database(facts):
        return NOTHING
    tags = cats.categories(facts.text)
    counted = policy_quota >= 1 and _is_news(tags) and not _bare_tag(facts)
    if counted:
        refused = await _news(session, facts, tags, now=now, quota=policy_quota)
        if refused is not None:
            return refused  # the message comes down: nothing else about it is kept
    item_id = await _catalogue(session, facts, tags, now=now)
    question_id = await _track(session, facts, now=now, hours=raise_after_hours)
    answered = await _answer(session, facts, now=now)
    await _respond_to_share(session, facts, now=now)
    return ContentOutcome(
        categories=tags,
        catalogued=item_id is not None,
        question_tracked=question_id is not None,
        question_id=question_id,
        answered_question_id=answered.question_id if answered else None,
        first_answer=bool(answered and answered.first_answer),
        news_counted=counted,
    )


def _bare_tag(facts: ContentFacts) -> bool:
    # Nothing but the tag ("#政策"): not a news post to count against the quota.
    return not library.title_for(facts.text, facts.document_file_name) and not facts.has_media


def _is_news(tags: tuple[str, ...]) -> bool:
    return any(tag in cats.NEWS_CATEGORIES for tag in tags)


async def _news(
    session: AsyncSession, facts: ContentFacts, tags: tuple[str, ...], *, now: datetime,
    quota: int,
) -> ContentOutcome | None:  # fmt: skip
    """None when the post took one of the day's slots; else the refusal, its text deferred."""
    zone = ZoneInfo(facts.group_timezone)
    outcome = await news_quota.claim(
        session, group_id=facts.group_id, author_id=facts.user_id, message_id=facts.message_id,
        day=now.astimezone(zone).date(), quota=quota, now=now,
    )  # fmt: skip
    if outcome.allowed or outcome.next_slot is None:
        return None
    action_id = None
    # Only text can be reposted; the author of a photo or file is asked to post it again.
    if not facts.has_media and not facts.document_file_name:
        action_id = await news_quota.defer(
            session, group_id=facts.group_id, author_id=facts.user_id, text=facts.text,
            slot=outcome.next_slot, now=now, author_name=facts.user_name,
            tag=cats.primary_tag(tags, cats.NEWS_CATEGORIES),
        )  # fmt: skip
    return ContentOutcome(
        categories=tags, news_over_quota=True, next_slot=outcome.next_slot,
        deferred_action_id=action_id,
    )  # fmt: skip


async def _catalogue(
    session: AsyncSession, facts: ContentFacts, tags: tuple[str, ...], *, now: datetime
) -> int | None:
    tag = cats.primary_tag(tags, cats.LIBRARY_CATEGORIES)
    if tag is None and not facts.document_file_name:
        return None
    return await library.catalogue(
        session, group_id=facts.group_id, message_id=facts.message_id, author_id=facts.user_id,
        tag=tag, title=library.title_for(facts.text, facts.document_file_name),
        kind=library.kind_for(
            facts.text, file_name=facts.document_file_name, has_media=facts.has_media
        ),
        file_name=facts.document_file_name, now=now,
    )  # fmt: skip


async def _track(
    session: AsyncSession, facts: ContentFacts, *, now: datetime, hours: int
) -> int | None:
    if not cats.is_question(facts.text):
        return None
    return await questions.track(
        session, group_id=facts.group_id, message_id=facts.message_id, asker_id=facts.user_id,
        text=facts.text, now=now, raise_after_hours=hours,
    )  # fmt: skip


async def _respond_to_share(session: AsyncSession, facts: ContentFacts, *, now: datetime) -> None:
    # A reply to someone else's share counts toward that share's quality (once per person).
    if facts.reply_to_message_id is None or facts.reply_to_user_id == facts.user_id:
        return
    await share_feedback.respond(
        session, group_id=facts.group_id, message_id=facts.reply_to_message_id,
        user_id=facts.user_id, kind=ShareResponseKind.REPLY, now=now,
    )  # fmt: skip


async def _answer(
    session: AsyncSession, facts: ContentFacts, *, now: datetime
) -> questions.AnswerOutcome | None:
    if facts.reply_to_message_id is None or facts.reply_to_user_id == facts.user_id:
        return None
    return await questions.answer(
        session, group_id=facts.group_id, question_message_id=facts.reply_to_message_id,
        answer_message_id=facts.message_id, user_id=facts.user_id, now=now,
    )  # fmt: skip
