"""Step 5: the notice exactly as the groups will see it, then what, where, when and how.

The notice's own parts go out as the group messages will (split by the service's
`split_text`, the Received button on the last part); the summary below them carries the
Send / Schedule, Back and Cancel buttons.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from handlers.notices import draft as drafts
from handlers.notices import prompts
from handlers.notices.callbacks import compose
from handlers.notices.draft import Draft
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, OutboundText, Priority
from organizer.services import notices
from organizer.services.notices import NoticeDraft, NoticeError, TargetGroup, split_text

if TYPE_CHECKING:
    from handlers.notices.composer import Composer

SAME_DAY_SNIPPET = 40  # characters of each other notice shown on the options step
MAX_TITLES = 20  # group titles listed in the summary; the rest are counted
_TAG = re.compile(r"<[^<>]*>")


def to_notice(draft: Draft, author_id: int) -> NoticeDraft:
    return NoticeDraft(
        author_id=author_id,
        text=draft["text"],
        media_kind=draft["media_kind"],
        media_file_id=draft["media_file_id"],
        target_kind=draft["target_kind"],
        target_value=draft["target_value"],
        send_at=drafts.moment(draft, "send_at"),
        pin=draft["pin"],
        confidential=draft["confidential"],
        ack_required=draft["ack_required"],
        ack_remind_hours=draft["ack_remind_hours"],
        repeat=draft["repeat"],
        repeat_until=drafts.moment(draft, "repeat_until"),
    )


async def targets(composer: Composer, draft: Draft) -> list[TargetGroup]:
    return await notices.resolve_targets(
        composer.session, composer.user_id, draft["target_kind"], draft["target_value"],
        org_admin_ids=composer.deps.settings.org_admin_ids,
    )  # fmt: skip


async def same_day(composer: Composer, draft: Draft) -> list[str]:
    """ "09:00 · first words" for each other notice due on the chosen (local) day."""
    tz = _tz(draft)
    when = drafts.moment(draft, "send_at") or composer.deps.clock.now()
    start, end = drafts.local_day(when, tz)
    found = await notices.scheduled_on(
        composer.session, composer.user_id, start, end,
        org_admin_ids=composer.deps.settings.org_admin_ids,
    )  # fmt: skip
    return [f"{drafts.stamp(item.send_at, tz)[11:]} · {_snippet(item.text)}" for item in found]


def _snippet(html_text: str) -> str:
    plain = " ".join(html.unescape(_TAG.sub("", html_text)).split())
    return plain if len(plain) <= SAME_DAY_SNIPPET else plain[:SAME_DAY_SNIPPET] + "…"


async def show(composer: Composer, draft: Draft, *, error: str | None = None) -> None:
    try:
        found = await targets(composer, draft)
    except NoticeError as problem:
        found, error = [], composer.texts(problem.key, **problem.params)
    await _send_rendering(composer, draft)
    summary = summary_text(draft, found, composer.texts)
    await composer.put(
        f"{error}\n\n{summary}" if error else summary, keyboard(draft, composer.texts)
    )


async def _send_rendering(composer: Composer, draft: Draft) -> None:
    """The parts as the job sends them: the Received button (inert here) on the last one."""
    texts, messenger, chat_id = composer.texts, composer.deps.messenger, composer.user_id
    ack: Keyboard | None = None
    if draft["ack_required"]:
        ack = ((Button(texts("notices-ack-button"), compose("noop")),),)
    protect = bool(draft["confidential"])
    if draft["media_kind"]:
        await messenger.send_media(
            chat_id, draft["media_kind"], draft["media_file_id"], caption=draft["text"] or None,
            keyboard=ack, protect_content=protect, priority=Priority.INTERACTIVE,
        )  # fmt: skip
        return
    parts = split_text(draft["text"])
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await messenger.send_text(
            OutboundText(chat_id, part, keyboard=ack if last else None, protect_content=protect)
        )


def summary_text(draft: Draft, found: list[TargetGroup], texts: Texts) -> str:
    titles = [target.title for target in found[:MAX_TITLES]]
    if len(found) > MAX_TITLES:
        titles.append(texts("notices-ui-and-more", n=len(found) - MAX_TITLES))
    return texts(
        "notices-ui-preview",
        n=len(found),
        groups="、".join(titles) if texts.lang == "zh" else ", ".join(titles),
        when=prompts.when_text(draft, texts),
        options=options_text(draft, texts),
    )


def options_text(draft: Draft, texts: Texts) -> str:
    chosen = []
    if draft["pin"]:
        chosen.append(texts("notices-ui-pin"))
    if draft["confidential"]:
        chosen.append(texts("notices-ui-conf"))
    if draft["ack_required"]:
        chosen.append(texts("notices-ui-ack-summary", n=draft["ack_remind_hours"]))
    if draft["repeat"]:
        until = drafts.moment(draft, "repeat_until")
        rule = texts(f"notices-ui-repeat-{draft['repeat']}")
        if until is not None:
            rule = texts(
                "notices-ui-repeat-until", rule=rule, date=drafts.stamp(until, _tz(draft))[:10]
            )
        chosen.append(rule)
    return "; ".join(chosen) if chosen else texts("notices-ui-no-options")


def _tz(draft: Draft) -> str:
    return str(draft.get("tz") or "UTC")


def keyboard(draft: Draft, texts: Texts) -> Keyboard:
    send_key = "notices-ui-schedule" if draft.get("send_at") else "notices-ui-send"
    return (
        (Button(texts(send_key), compose("send")),),
        (
            Button(texts("notices-ui-back"), compose("back", "preview")),
            Button(texts("notices-ui-cancel"), compose("cancel", "preview")),
        ),
    )
