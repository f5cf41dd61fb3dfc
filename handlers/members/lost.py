"""/lost: report a compromised account; admins restrict it in every shared group at once."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ChatPermissions, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.messenger import Button, OutboundText, RecipientUnreachable, keyboard
from organizer.services import admins, groups, lost_accounts, users
from organizer.telegram.chat_info import profile


class LostCallback(CallbackData, prefix="v1ls"):
    action: str  # this | other | r (restrict everywhere)
    value: int


class LostStates(StatesGroup):
    other = State()


async def lost_command(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    buttons = keyboard(
        [Button(texts("members-lost-this"), LostCallback(action="this", value=0).pack())],
        [Button(texts("members-lost-other"), LostCallback(action="other", value=0).pack())],
    )
    await reply(deps, message, texts("members-lost-ask"), keyboard=buttons)


async def on_choice(
    query: CallbackQuery, callback_data: LostCallback, state: FSMContext,
    session: AsyncSession, deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    await query.answer()
    if callback_data.action == "other":
        await state.set_state(LostStates.other)
        await deps.messenger.send_text(
            OutboundText(query.from_user.id, texts("members-lost-ask-other"))
        )
        return
    await _report(session, deps, texts, query.from_user.id, query.from_user.id)


async def on_other_account(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None and message.text is not None
    reported = await lost_accounts.resolve_account(session, message.text)
    if reported is None:
        await reply(deps, message, texts("members-lost-unknown", who=message.text.strip()[:64]))
        return
    await state.clear()
    await _report(session, deps, texts, message.from_user.id, reported)


async def cancel(message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts) -> None:
    await state.clear()
    await reply(deps, message, texts("flow-cancelled"))


async def _name(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    if user is None:
        return str(user_id)
    return f"{user.display_name} (@{user.username})" if user.username else user.display_name


async def _report(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, reporter: int, reported: int
) -> None:
    now = deps.clock.now()
    lost = await lost_accounts.report(
        session, reporter_id=reporter, reported_user_id=reported, now=now
    )
    titles = [g.title for g in [await groups.get(session, gid) for gid in lost.group_ids] if g]
    restrict = keyboard(
        [Button(texts("members-lost-restrict"), LostCallback(action="r", value=lost.id).pack())]
    )
    alert = {
        "id": lost.id, "reporter": await _name(session, reporter),
        "reported": await _name(session, reported), "groups": "、".join(titles) or "—",
    }  # fmt: skip
    alerted = 0
    for admin_id in await lost_accounts.admins_of(session, lost.group_ids):
        admin = await users.get(session, admin_id)
        if admin is None or not admin.can_message_privately or admin_id == reported:
            continue
        lang = admin.language_or(deps.settings.default_language)
        try:
            await deps.messenger.send_text(
                OutboundText(
                    admin_id,
                    deps.catalogue.text(lang, "members-lost-alert", **alert),
                    keyboard=restrict,
                )
            )
            alerted += 1
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, admin_id, now=now)
    await deps.messenger.send_text(
        OutboundText(reporter, texts("members-lost-recorded", count=len(lost.group_ids)))
    )


async def on_restrict(
    query: CallbackQuery, callback_data: LostCallback, bot: Bot,
    session: AsyncSession, deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    lost = await lost_accounts.get(session, callback_data.value)
    admin_id = query.from_user.id
    allowed = lost is not None and (
        deps.is_org_admin(admin_id)
        or admin_id in await lost_accounts.admins_of(session, lost.group_ids)
    )
    if lost is None or not allowed:
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    earlier = await lost_accounts.mark_restricted(
        session, lost.id, admin_id=admin_id, now=deps.clock.now()
    )
    if earlier is not None:
        await query.answer(
            texts("members-lost-already", admin=await _name(session, earlier)), show_alert=True
        )
        return
    done = 0
    for group_id in lost.group_ids:
        if not (
            deps.is_org_admin(admin_id) or await admins.is_group_admin(session, group_id, admin_id)
        ):
            continue
        try:
            await bot.restrict_chat_member(
                group_id, lost.reported_user_id, ChatPermissions(can_send_messages=False)
            )
            done += 1
        except TelegramAPIError:
            continue  # the bot lacks the right there; the count says how many worked
    await query.answer(
        texts("members-lost-restricted", admin=await _name(session, admin_id), count=done),
        show_alert=True,
    )


def build_router() -> Router:
    router = Router(name="lost")
    private = F.chat.type == "private"
    router.message.register(lost_command, Command("lost"), private, F.from_user)
    router.callback_query.register(on_restrict, LostCallback.filter(F.action == "r"))
    router.callback_query.register(on_choice, LostCallback.filter(F.action.in_({"this", "other"})))
    router.message.register(cancel, StateFilter(LostStates.other), Command("cancel"), private)
    router.message.register(on_other_account, StateFilter(LostStates.other), F.text, private)
    return router
