"""The content texts handlers and jobs share: library and question lists, the raise alert and
the over-quota notice (the message pipeline sends that one; it lives here so it reads the same
wherever it is sent from)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from organizer.content.categories import CATEGORY_KEYS, display_tag
from organizer.i18n import Texts
from organizer.services.library import LibraryEntry, message_link
from organizer.services.questions import QuestionInfo
from organizer.timeparse import format_local

EXCERPT = 80


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """One line of at most `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def tag_list(lang: str) -> str:
    return " ".join(display_tag(key, lang) for key in CATEGORY_KEYS)


def materials(
    texts: Texts, entries: Sequence[LibraryEntry], *, group_title: str, timezone: str,
    username: str | None = None,
) -> str:  # fmt: skip
    if not entries:
        return "\n".join((texts("content-materials-none", tags=tag_list(texts.lang)),
                          texts("content-materials-usage")))  # fmt: skip
    zone = ZoneInfo(timezone)
    lines = [texts("content-materials-title", group=group_title, count=len(entries))]
    for n, entry in enumerate(entries, 1):
        tag = display_tag(entry.tag, texts.lang) if entry.tag else ""
        link = message_link(entry.group_id, entry.message_id, username)
        day = entry.created_at.astimezone(zone).strftime("%Y-%m-%d")
        lines.append(texts("content-materials-line", n=n, link=link,
                           title=excerpt(entry.title), tag=tag, date=day))  # fmt: skip
    return "\n".join(lines)


def age(texts: Texts, since: datetime, now: datetime) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return texts("content-questions-age-minutes", minutes=minutes)
    if minutes < 48 * 60:
        return texts("content-questions-age-hours", hours=minutes // 60)
    return texts("content-questions-age-days", days=minutes // (24 * 60))


def open_questions(
    texts: Texts, found: Sequence[QuestionInfo], *, group_title: str,
    name_of: Callable[[int], str], now: datetime, username: str | None = None,
) -> str:  # fmt: skip
    if not found:
        return texts("content-questions-none")
    lines = [texts("content-questions-title", group=group_title, count=len(found))]
    for n, question in enumerate(found, 1):
        link = message_link(question.group_id, question.message_id, username)
        lines.append(texts("content-questions-line", n=n, link=link,
                           text=excerpt(question.text), asker=name_of(question.asker_id),
                           age=age(texts, question.asked_at, now)))  # fmt: skip
    lines.append(texts("content-questions-hint"))
    return "\n".join(lines)


def over_quota_notice(
    texts: Texts, *, group_title: str, quota: int, slot: datetime, timezone: str, text: str,
    deferred: bool,
) -> str:  # fmt: skip
    """For the author, privately: the post came down, and when it goes out (or may be posted
    again, when it could not be deferred, e.g. a photo without a caption)."""
    when = format_local(slot, timezone, texts.lang)
    if deferred:
        return texts("content-news-over-quota", group=group_title, quota=quota, slot=when,
                     text=text)  # fmt: skip
    return texts("content-news-over-quota-resend", group=group_title, quota=quota, slot=when)
