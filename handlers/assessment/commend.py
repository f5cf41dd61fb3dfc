"""The "Skip this month" button on the commendation preview the admins get in advance."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from organizer.i18n import Texts
from organizer.models import Group
from organizer.services import admins, commendation_callbacks, commendations


class CommendCallback(CallbackData, prefix=commendation_callbacks.CALLBACK_PREFIX):
    action: str
    group_id: int
    yyyymm: str


async def on_skip(
    query: CallbackQuery,
    callback_data: CommendCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    data = callback_data
    if not await admins.is_group_admin(
        session, data.group_id, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    if len(data.yyyymm) != 6 or not data.yyyymm.isdigit():
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    await commendations.skip(session, data.group_id, data.yyyymm)
    group = await session.get(Group, data.group_id)
    month = texts("commendations-month", year=data.yyyymm[:4], month=int(data.yyyymm[4:]))
    title = group.title if group else str(data.group_id)
    await query.answer(texts("commendations-skipped", group=title, month=month), show_alert=True)


def register(router: Router) -> None:
    router.callback_query.register(on_skip, CommendCallback.filter(F.action == "skip"))
