"""The "Received" button under a notice in a group: any member may press it, once counts.

The press is checked against the database, not the button: an unknown or cancelled notice,
or one that never reached this chat (nor a group of the presser), gets the stale answer.
"""

from __future__ import annotations

from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices.callbacks import NoticeAck
from organizer.i18n import Texts
from organizer.models.notices import NoticeStatus
from organizer.services import notices, users
from organizer.services.notices import NoticeError
from organizer.telegram.chat_info import profile


async def on_ack(
    query: CallbackQuery,
    callback_data: NoticeAck,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    notice = await notices.get(session, callback_data.notice_id)
    if notice is None or notice.status == NoticeStatus.CANCELLED or query.message is None:
        await query.answer(texts("notices-ui-ack-stale"), show_alert=True)
        return
    now = deps.clock.now()
    # Remembered so the author's list of acknowledgements shows a name, not a number.
    await users.remember(session, profile(query.from_user), now=now)
    try:
        outcome = await notices.acknowledge(
            session, notice.id, query.from_user.id, query.message.chat.id, now
        )
    except NoticeError as error:  # not sent to this chat, nor to a group of the presser
        await query.answer(texts(error.key, **error.params), show_alert=True)
        return
    key = "notices-ui-ack-done" if outcome.first else "notices-ui-ack-again"
    await query.answer(texts(key), show_alert=True)
