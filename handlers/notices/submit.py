"""Send / Schedule on the preview: check the time once more, store the notice, confirm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.notices import draft as drafts
from handlers.notices import preview
from handlers.notices.draft import Draft, DraftError
from organizer.services import notices
from organizer.services.notices import NoticeError
from organizer.timeparse import format_local

if TYPE_CHECKING:
    from handlers.notices.composer import Composer


async def submit(composer: Composer, draft: Draft, edit: int | None) -> None:
    texts, deps = composer.texts, composer.deps
    now, tz = deps.clock.now(), draft.get("tz") or deps.settings.default_timezone
    send_at = drafts.moment(draft, "send_at")
    if send_at is not None and send_at <= now:
        # The preview sat open past the chosen time: choose again, the rest is kept.
        error = texts(
            "timeparse-in-past", when=drafts.stamp(send_at, tz), now=drafts.stamp(now, tz)
        )
        await composer.go("time", draft, error=error)
        return
    try:
        created = await notices.create(
            composer.session, preview.to_notice(draft, composer.user_id),
            org_admin_ids=deps.settings.org_admin_ids, now=now,
        )  # fmt: skip
    except NoticeError as error:
        raise DraftError(error.key, **error.params) from None
    await composer.state.clear()
    when = (
        texts("notices-ui-when-now")
        if send_at is None
        else format_local(created.send_at, tz, texts.lang)
    )
    text = texts("notices-ui-created", n=len(created.group_ids), when=when, id=created.id)
    await composer.put(text, None, edit)
