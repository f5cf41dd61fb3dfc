"""The admin digest as one HTML message (≤ 4096 characters, Telegram's limit).

Each section lists its first items (fewer when the whole would not fit) and "…and N more";
every item carries its action: a link to the message, or the command to use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from organizer.i18n import Markup
from organizer.services.digest import Digest

TELEGRAM_LIMIT = 4096
ITEM_LIMITS = (5, 3, 1, 0)  # per section, tried in turn until the text fits


class TextSource(Protocol):
    def __call__(self, key: str, **args: Any) -> str: ...


class GroupLike(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def timezone(self) -> str: ...


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%m-%d %H:%M")


def _link(url: str | None, label: str) -> Markup:
    if not url:
        return Markup(escape(label, quote=False))
    return Markup(f'<a href="{escape(url)}">{escape(label, quote=False)}</a>')


def _sections(digest: Digest, texts: TextSource, zone: ZoneInfo) -> list[tuple[str, list[str]]]:
    def when(moment: datetime) -> str:
        return _when(moment, zone)

    open_label = texts("digest-open")
    sections: list[tuple[str, list[str]]] = [
        ("digest-joins", [
            texts("digest-join-item", name=j.name, user_id=j.user_id, since=when(j.requested_at))
            for j in digest.join_requests
        ]),
        ("digest-reports", [
            texts("digest-report-item", name=r.reported_name, reporters=r.reporters,
                  link=_link(r.link, open_label))
            for r in digest.reports
        ]),
        ("digest-questions", [
            texts("digest-question-item", name=q.asker_name, text=q.text, since=when(q.asked_at),
                  link=_link(q.link, open_label))
            for q in digest.questions
        ]),
        ("digest-activities", [
            texts("digest-activity-item", title=a.title, starts=when(a.starts_at),
                  link=_link(a.link, open_label) if a.link else Markup("/events"))
            for a in digest.activities
        ]),
        ("digest-proposals", [
            texts("digest-proposal-item", title=p.title, name=p.proposer_name,
                  starts=when(p.starts_at))
            for p in digest.proposals
        ]),
        ("digest-sweep", [
            texts("digest-sweep-item", name=s.name, user_id=s.user_id, review=when(s.review_at))
            for s in digest.sweep_due
        ]),
        ("digest-violations", [
            texts("digest-violation-item", rule=v.rule, count=v.count) for v in digest.violations
        ]),
        ("digest-notices", [
            texts("digest-notice-item", id=n.notice_id, text=n.preview, pending=n.pending,
                  link=_link(n.link, open_label) if n.link else Markup("/notices"))
            for n in digest.notices
        ]),
    ]  # fmt: skip
    return [(key, items) for key, items in sections if items]


def _compose(
    head: list[str], sections: Sequence[tuple[str, list[str]]], texts: TextSource,
    counts: Callable[[str, list[str]], int], limit: int,
) -> str:  # fmt: skip
    lines = list(head)
    for key, items in sections:
        lines += ["", texts(f"{key}-heading", count=counts(key, items))]
        shown = items[:limit]
        lines += shown
        if len(items) > len(shown):
            lines.append(texts("digest-more", count=len(items) - len(shown)))
    return "\n".join(lines)


def render(digest: Digest, texts: TextSource, group: GroupLike) -> str:
    """The digest for one group in the language of `texts`; an "all quiet" line when nothing
    waits. Sections are shortened (then cut to their headings) to stay within 4096 chars."""
    zone = ZoneInfo(group.timezone)
    head = [
        texts("digest-title", group=group.title),
        texts("digest-period", since=_when(digest.since, zone), now=_when(digest.now, zone)),
    ]
    if digest.quiet:
        return "\n".join([*head, "", texts("digest-all-quiet")])

    def counts(key: str, items: list[str]) -> int:
        return digest.violation_total if key == "digest-violations" else len(items)

    sections = _sections(digest, texts, zone)
    text = ""
    for limit in ITEM_LIMITS:
        text = _compose(head, sections, texts, counts, limit)
        if len(text) <= TELEGRAM_LIMIT:
            return text
    return text[: TELEGRAM_LIMIT - 1] + "…"  # headings alone too long: cannot happen in practice
