"""How a month's commendation reads: the post in the group (each contributor mentioned, with
what they did most) and the admins' advance copy with its buttons (leave a member out, put
everyone back, skip the month)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from organizer.i18n import Markup, Texts
from organizer.messenger import Button, keyboard
from organizer.services import notify
from organizer.services.commendation_callbacks import drop_callback, restore_callback, skip_callback
from organizer.services.scores_periods import Period

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


@dataclass(frozen=True)
class Commendation:
    group_id: int
    period: Period
    names: list[tuple[int, str, float]]  # (user_id, name, total), best first
    main: dict[int, str] = field(default_factory=dict)  # user_id → component (scores.COMPONENTS)
    ranks: dict[int, int] = field(default_factory=dict)
    group_title: str = ""
    left_out: int = 0  # members the admins left out this month

    @property
    def yyyymm(self) -> str:
        return yyyymm(self.period)


def yyyymm(period: Period) -> str:
    return f"{period.first_day.year:04d}{period.first_day.month:02d}"


def _points(total: float) -> str:
    return f"{total:g}"


def _month(commendation: Commendation, texts: Texts) -> str:
    first = commendation.period.first_day
    return texts("commendations-month", year=str(first.year), month=first.month)


def _lines(commendation: Commendation, texts: Texts, *, mention: bool) -> list[str]:
    lines = []
    for user_id, name, total in commendation.names:
        place = commendation.ranks.get(user_id, 0)
        shown: str = Markup(notify.mention(user_id, name)) if mention else name
        component = commendation.main.get(user_id)
        key = "commendations-item" if component else "commendations-item-plain"
        lines.append(
            texts(key, medal=MEDALS.get(place, "🏅"), name=shown, points=_points(total),
                  main=texts(f"commendations-main-{component}") if component else "")
        )  # fmt: skip
    return lines


def render(commendation: Commendation, texts: Texts) -> str:
    """The post for the group: a thank-you naming each contributor and what they did most."""
    head = texts("commendations-title", month=_month(commendation, texts))
    closing = texts("commendations-closing")
    return "\n".join([head, "", *_lines(commendation, texts, mention=True), "", closing])


def render_preview(commendation: Commendation, texts: Texts, *, post_at: str) -> str:
    """The admins' advance copy: who will be named, when, and how to skip the month."""
    head = texts("commendations-preview-title", group=commendation.group_title,
                 month=_month(commendation, texts), when=post_at)  # fmt: skip
    body = _lines(commendation, texts, mention=False)
    return "\n".join([head, "", *body, "", texts("commendations-preview-note")])


def preview_keyboard(commendation: Commendation, texts: Texts) -> Any:
    """One "leave out" button per named member, then "put everyone back" (when someone is
    left out) and "skip this month"."""
    gid, key = commendation.group_id, commendation.yyyymm
    # A button label is plain text: the name goes in as it is, not HTML-escaped.
    rows = [
        [
            Button(
                texts("commendations-drop-button", name=Markup(name)), drop_callback(gid, key, uid)
            )
        ]
        for uid, name, _ in commendation.names
    ]
    if commendation.left_out:
        rows.append([Button(texts("commendations-restore-button", count=commendation.left_out),
                            restore_callback(gid, key))])  # fmt: skip
    rows.append([Button(texts("commendations-skip-button"), skip_callback(gid, key))])
    return keyboard(*rows)
