"""The buttons on the commendation preview the admins get in advance: "Skip this month",
"✖ <name>" (leave a member out; the next-ranked moves up) and "Put back"."""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from organizer.i18n import Texts
from organizer.messenger import MessengerError
from organizer.models import Group
from organizer.services import admins, commendation_adjust, commendation_callbacks, commendations


class CommendCallback(CallbackData, prefix=commendation_callbacks.CALLBACK_PREFIX):
    action: str
    group_id: int
    yyyymm: str


class AdjustCallback(CallbackData, prefix=commendation_callbacks.ADJUST_PREFIX):
    action: str
    group_id: int
    yyyymm: str
    user_id: int


async def _allowed(
    query: CallbackQuery, group_id: int, yyyymm: str, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> bool:  # fmt: skip
    if not await admins.is_group_admin(
        session, group_id, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return False
    if not commendation_callbacks.valid_month(yyyymm):
        await query.answer(texts("error-stale-button"), show_alert=True)
        return False
    return True


async def on_skip(
    query: CallbackQuery,
    callback_data: CommendCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    data = callback_data
    if not await _allowed(query, data.group_id, data.yyyymm, session, deps, texts):
        return
    await commendations.skip(session, data.group_id, data.yyyymm)
    group = await session.get(Group, data.group_id)
    month = texts("commendations-month", year=data.yyyymm[:4], month=int(data.yyyymm[4:]))
    title = group.title if group else str(data.group_id)
    await query.answer(texts("commendations-skipped", group=title, month=month), show_alert=True)


async def on_adjust(
    query: CallbackQuery,
    callback_data: AdjustCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    data = callback_data
    if not await _allowed(query, data.group_id, data.yyyymm, session, deps, texts):
        return
    before = await commendations.preview_again(
        session, data.group_id, data.yyyymm, now=deps.clock.now()
    )
    if before is None:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    names = {uid: name for uid, name, _ in before[0].names}
    if data.action == commendation_callbacks.DROP:
        if data.user_id not in names:  # an old copy of the list: nothing to do
            await query.answer(texts("error-stale-button"), show_alert=True)
            return
        await commendation_adjust.exclude(session, data.group_id, data.yyyymm, data.user_id)
        notice = texts("commendations-dropped", name=names[data.user_id])
    else:
        await commendation_adjust.restore(session, data.group_id, data.yyyymm)
        notice = texts("commendations-restored")
    after = await commendations.preview_again(
        session, data.group_id, data.yyyymm, now=deps.clock.now()
    )
    assert after is not None
    await session.commit()
    await _show(query, after, deps, texts)
    await query.answer(notice if after[0].names else texts("commendations-list-empty"))


async def _show(
    query: CallbackQuery, state: tuple[commendations.Commendation, str], deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    message = query.message
    if not isinstance(message, Message):
        return  # too old to edit: the answer to the press still says what changed
    commendation, when = state
    # If the edit fails the change is still saved; the copy on screen is just not refreshed.
    with contextlib.suppress(MessengerError):
        await deps.messenger.edit_text(
            message.chat.id, message.message_id,
            commendations.render_preview(commendation, texts, post_at=when),
            keyboard=commendations.preview_keyboard(commendation, texts),
        )  # fmt: skip


def register(router: Router) -> None:
    router.callback_query.register(on_skip, CommendCallback.filter(F.action == "skip"))
    router.callback_query.register(
        on_adjust, AdjustCallback.filter(F.action.in_({"drop", "restore"}))
    )
