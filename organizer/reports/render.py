"""The summary as one Telegram HTML message, posted to the group and sent to the organizer.

Every label comes from the catalogue (reports.ftl). User text (title, comments, notes) is
HTML-escaped: as a catalogue argument, or by hand for the notes, which can be too long for one.
A message must stay within Telegram's 4096 characters, so when it would not, the lowest-ranked
comments go first, then improvement items, then the organizer's notes are shortened; the
figures always stay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from organizer.i18n import Catalogue, Texts, escape
from organizer.reports import formatting as fmt
from organizer.reports.comments import ELLIPSIS
from organizer.reports.summary import ActivitySummary, RatingStats, Trend

MESSAGE_LIMIT = 4096
TITLE_MAX_LENGTH = 100  # keeps the fixed part of the message far below the limit
HISTOGRAM_WIDTH = 10


def render_summary(summary: ActivitySummary, texts: Catalogue | Texts, *, language: str) -> str:
    """`texts` may be bound to another language: the group and the organizer may differ."""
    catalogue = texts.catalogue if isinstance(texts, Texts) else texts
    t = catalogue.for_language(language)
    parts = _Parts(
        head=_head(summary, t),
        # A comment (at most 200 characters) stays within Fluent's 1000-character limit on an
        # argument even when every character escapes to "&amp;".
        comments=[t("summary-item", text=text) for text in summary.comments],
        improvements=[t("summary-item", text=text) for text in summary.improvements],
        notes=(summary.organizer_notes or "").strip(),
    )
    return _fit(parts, t)


def telegram_length(text: str) -> int:
    """Telegram counts UTF-16 code units: an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Parts:
    head: list[str]
    comments: list[str]
    improvements: list[str]
    notes: str


def _fit(parts: _Parts, t: Texts) -> str:
    shown_comments, shown_improvements = len(parts.comments), len(parts.improvements)

    def compose(notes: str) -> str:
        sections = [
            *parts.head,
            _listing(t, "summary-comments-title", parts.comments, shown_comments),
            _listing(t, "summary-improvements-title", parts.improvements, shown_improvements),
            _notes(t, notes),
        ]
        return "\n\n".join(section for section in sections if section)

    while telegram_length(message := compose(parts.notes)) > MESSAGE_LIMIT:
        if shown_comments:
            shown_comments -= 1
        elif shown_improvements:
            shown_improvements -= 1
        else:
            return compose(_longest_fitting_notes(parts.notes, compose))
    return message


def _longest_fitting_notes(notes: str, compose: Callable[[str], str]) -> str:
    """Binary search on the plain text: escaping makes the HTML length of a prefix uneven."""
    fits, too_long = 0, len(notes)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if telegram_length(compose(_cut(notes, middle))) <= MESSAGE_LIMIT:
            fits = middle
        else:
            too_long = middle
    return _cut(notes, fits) if fits else ""


def _cut(text: str, length: int) -> str:
    return text[:length].rstrip() + ELLIPSIS


def _listing(t: Texts, title_key: str, items: list[str], shown: int) -> str:
    if not items:
        return ""
    lines = [t(title_key), *items[:shown]]
    if shown < len(items):
        lines.append(t("summary-more", count=len(items) - shown))
    return "\n".join(lines)


def _notes(t: Texts, notes: str) -> str:
    # Escaped here, not as a catalogue argument: Fluent refuses arguments over 1000 characters.
    return f"{t('summary-notes-title')}\n{escape(notes)}" if notes else ""


def _head(summary: ActivitySummary, t: Texts) -> list[str]:
    return [
        _heading(summary, t),
        _turnout(summary, t),
        _feedback(summary, t),
        _trend(summary.trend, t),
    ]


def _heading(summary: ActivitySummary, t: Texts) -> str:
    title = summary.title.strip()
    if len(title) > TITLE_MAX_LENGTH:
        title = _cut(title, TITLE_MAX_LENGTH - len(ELLIPSIS))
    start, end = fmt.period(summary.starts_at, summary.ends_at, summary.timezone)
    when = t(
        "summary-when",
        kind=kind_name(summary.kind, t),
        start=start,
        end=end,
        timezone=summary.timezone,
    )
    return f"{t('summary-title', title=title)}\n{when}"


def kind_name(kind: str, t: Texts) -> str:
    key = f"summary-kind-{kind.replace('_', '-')}"
    return t(key) if t.catalogue.has(t.lang, key) else t("summary-kind-other")


def _turnout(summary: ActivitySummary, t: Texts) -> str:
    rsvp = summary.rsvp
    counts = t(
        "summary-rsvp", going=rsvp.going, maybe=rsvp.maybe, no=rsvp.no, waitlist=rsvp.waitlist
    )
    if summary.capacity is not None:
        counts += " · " + t("summary-capacity", capacity=summary.capacity)
    attendance = t(
        "summary-attendance",
        attended=summary.attended,
        late=summary.late,
        rate=fmt.percent(summary.attendance_rate),
    )
    no_shows = t("summary-no-shows", count=summary.no_shows, rate=fmt.percent(summary.no_show_rate))
    return "\n".join((counts, attendance, no_shows))


def _feedback(summary: ActivitySummary, t: Texts) -> str:
    survey = t(
        "summary-survey",
        answers=summary.answers,
        sent=summary.surveys_sent,
        rate=fmt.percent(summary.response_rate),
    )
    if not summary.answers:
        return f"{survey}\n{t('summary-no-answers')}"
    ratings = t(
        "summary-ratings",
        overall=fmt.average(summary.overall.average),
        content=fmt.average(summary.content.average),
        organisation=fmt.average(summary.organisation.average),
    )
    histogram = f"<pre>{histogram_lines(summary.overall)}</pre>"  # digits and bars: no escaping
    return "\n".join((survey, ratings, t("summary-histogram-title"), histogram))


def histogram_lines(stats: RatingStats) -> str:
    """`5★ ██████████ 3`, highest rating first, bars scaled to the most common rating."""
    most = max(stats.distribution) or 1
    lines = []
    for stars in range(5, 0, -1):
        count = stats.distribution[stars - 1]
        width = round(count / most * HISTOGRAM_WIDTH)
        bar = "█" * max(width, 1 if count else 0)
        lines.append(f"{stars}★ {bar} {count}".replace("  ", " "))
    return "\n".join(lines)


def _trend(trend: Trend, t: Texts) -> str:
    if not trend.previous:
        return t("summary-trend-first")
    lines = [t("summary-trend-title", count=len(trend.previous), label=_label(trend.label, t))]
    if trend.attendance_change is not None:
        lines.append(
            t(
                "summary-trend-attendance",
                change=fmt.signed_points(trend.attendance_change),
                label=_label(trend.attendance_label, t),
            )
        )
    if trend.overall_change is not None:
        lines.append(
            t(
                "summary-trend-overall",
                change=fmt.signed_average(trend.overall_change),
                label=_label(trend.overall_label, t),
            )
        )
    return "\n".join(lines)


def _label(label: str | None, t: Texts) -> str:
    return t(f"summary-trend-{label}") if label else fmt.MISSING
