"""Texts and buttons of notices that the jobs (and the handlers) show: the "Received" button,
the author's delivery report, the reasons a chat failed."""

from __future__ import annotations

import html
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from organizer import callbacks
from organizer.i18n import Catalogue
from organizer.messenger import Button, Keyboard, keyboard
from organizer.services.notices_types import DeliveryReport

_TAG = re.compile(r"<[^<>]*>")

# Failure codes stored in NoticeDelivery.error as "<code>" or "<code>: <detail>".
NO_RIGHTS = "no-rights"
BOT_REMOVED = "bot-removed"
UNREACHABLE = "unreachable"
NO_PERMISSION = "no-permission"
MIGRATED = "migrated"
GAVE_UP = "gave-up"
CANCELLED = "cancelled"
PIN = "pin"
_CODES = (NO_RIGHTS, BOT_REMOVED, UNREACHABLE, NO_PERMISSION, MIGRATED, GAVE_UP, CANCELLED, PIN)
MAX_DETAIL = 200


def reason(code: str, detail: str | None = None) -> str:
    """The error to store: a code and, where it helps, Telegram's words."""
    return f"{code}: {detail[:MAX_DETAIL]}" if detail else code


def reason_text(catalogue: Catalogue, lang: str, error: str | None) -> str:
    code, _, detail = (error or "").partition(": ")
    if code not in _CODES:
        return catalogue.text(lang, "notices-reason-other", detail=error or "?")
    return catalogue.text(lang, f"notices-reason-{code}", detail=detail or code)


def excerpt(text: str, limit: int = 60) -> str:
    """The notice's first words, as plain text (the catalogue escapes it again)."""
    plain = " ".join(html.unescape(_TAG.sub("", text)).split())
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def ack_keyboard(catalogue: Catalogue, lang: str, notice_id: int) -> Keyboard:
    label = catalogue.text(lang, "notices-ack-button")
    return keyboard([Button(label, callback_data=callbacks.notice_ack_callback(notice_id))])


def local_time(moment: datetime, timezone: str) -> str:
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")


def report_text(
    catalogue: Catalogue,
    lang: str,
    report: DeliveryReport,
    *,
    remind_at: datetime | None = None,
    next_at: datetime | None = None,
) -> str:
    """The author's report: a summary line, then one line per chat."""
    notice = report.notice
    assert notice is not None
    text = notice.text or notice.media_kind or ""
    lines = [
        catalogue.text(lang, "notices-report-title", id=notice.id, excerpt=excerpt(text)),
        catalogue.text(
            lang, "notices-report-summary", delivered=report.delivered, failed=report.failed,
            total=len(report.rows),
        ),
        "",
    ]  # fmt: skip
    for row in report.rows:
        if row.status == "failed":
            why = reason_text(catalogue, lang, row.error)
            lines.append(catalogue.text(lang, "notices-report-failed", group=row.title, reason=why))
        elif row.pinned:
            lines.append(catalogue.text(lang, "notices-report-pinned", group=row.title))
        elif row.error:
            why = reason_text(catalogue, lang, row.error)
            line = catalogue.text(lang, "notices-report-pin-failed", group=row.title, reason=why)
            lines.append(line)
        else:
            lines.append(catalogue.text(lang, "notices-report-delivered", group=row.title))
    if remind_at is not None or next_at is not None:
        lines.append("")
    if remind_at is not None:
        time = local_time(remind_at, notice.timezone)
        lines.append(catalogue.text(lang, "notices-report-remind", time=time, id=notice.id))
    if next_at is not None:
        time = local_time(next_at, notice.timezone)
        lines.append(catalogue.text(lang, "notices-report-next", time=time))
    return "\n".join(lines)
