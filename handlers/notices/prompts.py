"""What each composer step says and which buttons it shows (no Telegram, no database)."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.notices import draft as drafts
from handlers.notices.callbacks import compose
from handlers.notices.draft import Draft
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard
from organizer.models.group import GroupKind
from organizer.services.groups import GroupInfo
from organizer.timeparse import format_local

PAGE = 8  # group buttons per page of the target step
Rows = list[tuple[Button, ...]]


def navigation(step: str, texts: Texts) -> Rows:
    row = [] if step == "content" else [Button(texts("notices-ui-back"), compose("back", step))]
    row.append(Button(texts("notices-ui-cancel"), compose("cancel", step)))
    return [tuple(row)]


def content_prompt(draft: Draft, texts: Texts) -> tuple[str, Keyboard]:
    rows: Rows = []
    if draft.get("text") or draft.get("media_file_id"):
        rows.append((Button(texts("notices-ui-keep"), compose("keep", "content")),))
    return texts("notices-ui-ask-content"), tuple(rows + navigation("content", texts))


def target_prompt(
    mine: Sequence[GroupInfo], page: int, *, org: bool, texts: Texts
) -> tuple[str, Keyboard]:
    """One button per group (paged), then the kinds, several groups, and all of them."""
    pages = max(1, -(-len(mine) // PAGE))
    page = min(max(page, 0), pages - 1)
    shown = mine[page * PAGE : (page + 1) * PAGE]
    rows: Rows = [(Button(group.title, compose("grp", group.id)),) for group in shown]
    if pages > 1:
        rows.append(_pager(page, pages))
    kinds = [
        Button(texts(f"notices-ui-kind-{kind.value}"), compose("kind", kind)) for kind in GroupKind
    ]
    rows += [tuple(kinds[:2]), tuple(kinds[2:])]
    every = "notices-ui-all-groups" if org else "notices-ui-all-mine"
    rows.append(
        (
            Button(texts("notices-ui-several"), compose("multi")),
            Button(texts(every), compose("all")),
        )
    )
    return texts("notices-ui-ask-target"), tuple(rows + navigation("target", texts))


def _pager(page: int, pages: int) -> tuple[Button, ...]:
    previous = Button("◀", compose("page", page - 1)) if page else Button(" ", compose("noop"))
    following = (
        Button("▶", compose("page", page + 1)) if page < pages - 1 else Button(" ", compose("noop"))
    )
    return (previous, Button(f"{page + 1}/{pages}", compose("noop")), following)


def several_prompt(
    mine: Sequence[GroupInfo], picked: Sequence[int], texts: Texts
) -> tuple[str, Keyboard]:
    """Toggle buttons (✅ picked, ⬜ not) and Done."""
    rows: Rows = [
        (Button(f"{'✅' if g.id in picked else '⬜'} {g.title}", compose("tog", g.id)),)
        for g in mine
    ]
    rows.append((Button(texts("notices-ui-done", n=len(picked)), compose("done")),))
    # Back leads to the target menu, not out of the step.
    rows.append(
        (
            Button(texts("notices-ui-back"), compose("page", 0)),
            Button(texts("notices-ui-cancel"), compose("cancel", "target")),
        )
    )
    return texts("notices-ui-ask-several"), tuple(rows)


def time_prompt(draft: Draft, texts: Texts) -> tuple[str, Keyboard]:
    tz = draft.get("tz") or "UTC"
    text = texts("notices-ui-ask-time", timezone=tz)
    send_at = drafts.moment(draft, "send_at")
    if send_at is not None:
        text += "\n\n" + texts("notices-ui-current", value=format_local(send_at, tz, texts.lang))
    rows: Rows = [(Button(texts("notices-ui-now"), compose("now")),)]
    return text, tuple(rows + navigation("time", texts))


def options_prompt(draft: Draft, same_day: Sequence[str], texts: Texts) -> tuple[str, Keyboard]:
    parts = [texts("notices-ui-ask-options")]
    if same_day:
        parts.append(texts("notices-ui-same-day", n=len(same_day), items="\n".join(same_day)))
    return "\n\n".join(parts), tuple(_option_rows(draft, texts) + navigation("options", texts))


def _flag(label: str, on: bool, texts: Texts) -> str:
    return f"{label}: {texts('notices-ui-on' if on else 'notices-ui-off')}"


def _option_rows(draft: Draft, texts: Texts) -> Rows:
    rows: Rows = [
        (
            Button(_flag(texts("notices-ui-pin"), draft["pin"], texts), compose("pin")),
            Button(_flag(texts("notices-ui-conf"), draft["confidential"], texts), compose("conf")),
        ),
        (Button(_flag(texts("notices-ui-ack"), draft["ack_required"], texts), compose("ack")),),
    ]
    if draft["ack_required"]:
        hours = texts("notices-ui-remind", n=draft["ack_remind_hours"])
        rows.append((Button(hours, compose("hours")),))
    chosen = draft.get("repeat") or "none"
    rows.append(
        tuple(
            Button(("• " if value == chosen else "") + texts(f"notices-ui-repeat-{value}"),
                   compose("rep", value))
            for value in drafts.REPEATS
        )
    )  # fmt: skip
    if draft.get("repeat"):
        rows.append((Button(_until_label(draft, texts), compose("until")),))
    rows.append((Button(texts("notices-ui-to-preview"), compose("next")),))
    return rows


def _until_label(draft: Draft, texts: Texts) -> str:
    until = drafts.moment(draft, "repeat_until")
    if until is None:
        return texts("notices-ui-until-none")
    return texts("notices-ui-until", date=drafts.stamp(until, draft.get("tz") or "UTC")[:10])


def typed_prompt(step: str, texts: Texts) -> tuple[str, Keyboard]:
    """The two typed sub-steps of the options: reminder hours, repeat end."""
    args = {"min": drafts.HOURS_MIN, "max": drafts.HOURS_MAX} if step == "hours" else {}
    return texts(f"notices-ui-ask-{step}", **args), tuple(navigation(step, texts))


def when_text(draft: Draft, texts: Texts) -> str:
    send_at = drafts.moment(draft, "send_at")
    if send_at is None:
        return texts("notices-ui-when-now")
    return format_local(send_at, draft.get("tz") or "UTC", texts.lang)
