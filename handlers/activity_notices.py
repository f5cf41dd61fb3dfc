"""Telling people about a change to an activity: the announcement, everyone who answered,
and a fresh confirmation from those going after a time change."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from organizer import callbacks
from organizer.i18n import Markup
from organizer.messenger import Button, keyboard
from organizer.services import announcements, groups, notify
from organizer.services.activity_changes import ChangeOutcome
from organizer.services.announcements import when_text


async def announce_change(
    session: AsyncSession, deps: HandlerDeps, outcome: ChangeOutcome, what: str
) -> None:
    item, now = outcome.activity, deps.clock.now()
    group = await groups.get(session, item.group_id)
    assert group is not None
    await announcements.refresh(session, deps.messenger, item.id, now=now)
    where = item.location or item.online_url or ""
    args = {"title": item.title, "when": when_text(item, group), "where": where}
    catalogue = deps.catalogue
    key = f"activity-changed-{what}"
    others = [u for u in outcome.answered if u not in outcome.reconfirm]
    await notify.many_private_or_one_mention(
        session, deps.messenger, user_ids=others,
        text_for=lambda lang: catalogue.text(lang, key, **args),
        group_id=group.id, group_language=group.language, now=now,
        group_text=lambda mentions: catalogue.text(
            group.language, "activity-changed-group", mentions=Markup(mentions),
            text=Markup(catalogue.text(group.language, key, **args)),
        ),
    )  # fmt: skip
    if not outcome.reconfirm:
        return
    lang = group.language
    buttons = keyboard(
        [
            Button(catalogue.text(lang, "reconfirm-keep"), callbacks.reconfirm(item.id, 1)),
            Button(catalogue.text(lang, "reconfirm-drop"), callbacks.reconfirm(item.id, 0)),
        ]
    )
    await notify.many_private_or_one_mention(
        session, deps.messenger, user_ids=outcome.reconfirm,
        text_for=lambda lang: catalogue.text(lang, "reconfirm-ask", **args),
        keyboard=buttons,
        group_id=group.id, group_language=group.language, now=now,
        group_text=lambda mentions: catalogue.text(
            group.language, "reconfirm-ask-group", mentions=Markup(mentions), **args
        ),
    )  # fmt: skip
