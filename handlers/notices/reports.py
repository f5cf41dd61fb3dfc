"""What /notices shows: one notice's card, its delivery report and who acknowledged it."""

from __future__ import annotations

import html
import re

from handlers.notices.callbacks import manage
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, Keyboard
from organizer.models.notices import NoticeStatus
from organizer.services import notices_render as render
from organizer.services.notices import AckPerson, AckStatus, DeliveryReport, NoticeInfo
from organizer.timeparse import format_local

MAX_NAMES = 50  # per list: beyond this the rest are counted, the message stays readable
EXCERPT = 60
_TAG = re.compile(r"<[^<>]*>")


def excerpt(notice: NoticeInfo, limit: int = EXCERPT) -> str:
    plain = " ".join(html.unescape(_TAG.sub("", notice.text)).split())
    if not plain and notice.media_kind:
        return f"[{notice.media_kind}]"
    return plain if len(plain) <= limit else plain[:limit] + "…"


def card(notice: NoticeInfo, texts: Texts) -> tuple[str, Keyboard]:
    text = texts(
        "notices-ui-card",
        id=notice.id,
        status=texts(f"notices-ui-status-{notice.status}"),
        when=format_local(notice.send_at, notice.timezone, texts.lang),
        n=len(notice.group_ids),
        excerpt=excerpt(notice),
    )
    return text, card_keyboard(notice, texts)


def card_keyboard(notice: NoticeInfo, texts: Texts) -> Keyboard:
    actions = []
    if notice.status == NoticeStatus.SCHEDULED:
        actions.append("cancel")
    if notice.status in (NoticeStatus.SCHEDULED, NoticeStatus.SENT):
        actions.append("edit")
    actions.append("report")
    if notice.ack_required:
        actions.append("acks")
    buttons = [Button(texts(f"notices-ui-action-{a}"), manage(a, notice.id)) for a in actions]
    return (tuple(buttons[:2]), tuple(buttons[2:])) if len(buttons) > 2 else (tuple(buttons),)


def report_text(notice: NoticeInfo, report: DeliveryReport, texts: Texts) -> str:
    lines = [texts("notices-ui-report-title", id=notice.id, excerpt=excerpt(notice))]
    for row in report.rows:
        key = f"notices-ui-report-{row.status}"
        if row.status == "delivered" and row.pinned:
            key = "notices-ui-report-pinned"
        # Already a catalogue text (its arguments escaped): not to be escaped twice.
        why = Markup(
            render.reason_text(texts.catalogue, texts.lang, row.error) if row.error else "—"
        )
        lines.append(texts(key, group=row.title, error=why))
    if not report.rows:
        lines.append(texts("notices-ui-report-empty"))
    lines.append(
        texts(
            "notices-ui-report-summary",
            delivered=report.delivered,
            failed=report.failed,
            pending=report.pending,
        )
    )
    return "\n".join(lines)


def acks_text(notice: NoticeInfo, status: AckStatus, texts: Texts) -> str:
    return "\n\n".join(
        (
            texts("notices-ui-acks-title", id=notice.id, excerpt=excerpt(notice)),
            texts("notices-ui-acks-done", n=len(status.acked), names=names(status.acked, texts)),
            texts(
                "notices-ui-acks-pending", n=len(status.pending), names=names(status.pending, texts)
            ),
        )
    )


def names(people: list[AckPerson], texts: Texts) -> str:
    if not people:
        return texts("notices-ui-acks-nobody")
    shown = ", ".join(person.name for person in people[:MAX_NAMES])
    if len(people) > MAX_NAMES:
        shown += " " + texts("notices-ui-and-more", n=len(people) - MAX_NAMES)
    return shown
