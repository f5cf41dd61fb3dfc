"""/setup in a group: kind → timezone → language, then a report of the admin rights the bot lacks.

Each button press saves its choice at once (nothing is lost if the admin stops halfway) and is
re-checked against the database: only the group's admins may press, and only known values count.
"""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.callbacks import SetupCallback
from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer.i18n import SUPPORTED, Texts
from organizer.messenger import Button, Keyboard, keyboard
from organizer.models import GroupKind
from organizer.services import admins, groups, rules_versions
from organizer.services.groups import COMMON_TIMEZONES, GroupInfo, InvalidChoice
from organizer.telegram.chat_info import ANONYMOUS_ADMIN_BOT_ID, bot_rights, fetch_admins


class SetupStates(StatesGroup):
    typing_timezone = State()


def kind_keyboard(texts: Texts) -> Keyboard:
    return keyboard(
        *[[Button(texts(f"kind-{kind.value}"), _cb("kind", kind.value))] for kind in GroupKind]
    )


def timezone_keyboard(texts: Texts) -> Keyboard:
    buttons = [Button(name, _cb("tz", str(i))) for i, name in enumerate(COMMON_TIMEZONES)]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    rows.append([Button(texts("setup-option-other"), _cb("tz", "other"))])
    return keyboard(*rows)


def language_keyboard(deps: HandlerDeps) -> Keyboard:
    return keyboard(
        [
            Button(deps.catalogue.text(code, "language-name"), _cb("lang", code))
            for code in SUPPORTED
        ]
    )


def _cb(step: str, value: str) -> str:
    return SetupCallback(step=step, value=value).pack()


async def start_setup(
    message: Message, bot: Bot, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    now = deps.clock.now()
    await deps.register_group(session, message.chat)
    await admins.sync_group_admins(
        session, message.chat.id, await fetch_admins(bot, message.chat.id), now=now
    )
    if not await _sender_is_admin(message, session, deps):
        await reply(deps, message, texts("error-admins-only"))
        return
    await reply(deps, message, texts("setup-ask-kind"), keyboard=kind_keyboard(texts))


async def _sender_is_admin(message: Message, session: AsyncSession, deps: HandlerDeps) -> bool:
    # An anonymous admin posts as the group itself.
    if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
        return True
    user = message.from_user
    if user is None or user.id == ANONYMOUS_ADMIN_BOT_ID:
        return user is not None
    return await admins.is_group_admin(
        session, message.chat.id, user.id, org_admin_ids=deps.settings.org_admin_ids
    )


async def setup_step(
    query: CallbackQuery,
    callback_data: SetupCallback,
    bot: Bot,
    state: FSMContext,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert query.message is not None
    chat_id, message_id = query.message.chat.id, query.message.message_id
    if await groups.get(session, chat_id) is None:
        await query.answer(texts("error-group-unknown"), show_alert=True)
        return
    if not await admins.is_group_admin(
        session, chat_id, query.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    now = deps.clock.now()
    try:
        if callback_data.step == "kind":
            await groups.configure(session, chat_id, kind=callback_data.value, now=now)
            await deps.messenger.edit_text(
                chat_id, message_id, texts("setup-ask-timezone"), keyboard=timezone_keyboard(texts)
            )
        elif callback_data.step == "tz" and callback_data.value == "other":
            await state.set_state(SetupStates.typing_timezone)
            await state.update_data(wizard_message_id=message_id)
            await send(deps, chat_id, texts("setup-ask-timezone-typed"))
        elif callback_data.step == "tz":
            await groups.configure(
                session, chat_id, timezone=_common_timezone(callback_data.value), now=now
            )
            await deps.messenger.edit_text(
                chat_id, message_id, texts("setup-ask-language"), keyboard=language_keyboard(deps)
            )
        elif callback_data.step == "lang":
            group = await groups.configure(session, chat_id, language=callback_data.value, now=now)
            group = await groups.complete_setup(session, chat_id, now=now)
            await rules_versions.ensure_rules_reminder(session, chat_id, now)
            await state.clear()
            summary = await setup_summary(bot, deps, group, now)
            await deps.messenger.edit_text(chat_id, message_id, summary)
        else:
            raise InvalidChoice(callback_data.step)
    except InvalidChoice:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    await query.answer(texts("setup-step-saved"))


def _common_timezone(value: str) -> str:
    if not value.isdigit() or int(value) >= len(COMMON_TIMEZONES):
        raise InvalidChoice(value)
    return COMMON_TIMEZONES[int(value)]


async def cancel_typing(
    message: Message, state: FSMContext, deps: HandlerDeps, texts: Texts
) -> None:
    await state.clear()
    await reply(deps, message, texts("setup-cancelled"))


async def typed_timezone(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.text is not None
    if not await _sender_is_admin(message, session, deps):
        await state.clear()
        return
    try:
        await groups.configure(
            session, message.chat.id, timezone=message.text, now=deps.clock.now()
        )
    except InvalidChoice:
        await reply(deps, message, texts("setup-timezone-invalid", value=message.text.strip()[:64]))
        return
    except LookupError:
        await state.clear()
        await reply(deps, message, texts("error-group-unknown"))
        return
    await state.clear()
    await reply(deps, message, texts("setup-ask-language"), keyboard=language_keyboard(deps))


async def setup_summary(bot: Bot, deps: HandlerDeps, group: GroupInfo, now: datetime) -> str:
    """The closing report, in the group's (possibly just chosen) language."""
    texts = deps.catalogue.for_language(group.language)
    local = now.astimezone(group.tz).strftime("%Y-%m-%d %H:%M")
    kind = texts(f"kind-{group.kind.value}") if group.kind else texts("kind-unset")
    lines = [
        texts(
            "setup-done",
            kind=kind,
            timezone=group.timezone,
            local_time=local,
            language=texts("language-name"),
        )
    ]
    lines.append(rights_report(texts, await bot_rights(bot, group.id)))
    return "\n\n".join(lines)


def rights_report(texts: Texts, rights: dict[str, bool] | None) -> str:
    missing = admins.missing_rights(rights)
    if not missing:
        return texts("setup-rights-ok")
    listed = "\n".join(f"• {texts(f'right-{right}')}" for right in missing)
    key = "setup-not-admin-bot" if rights is None else "setup-rights-missing"
    return texts(key, rights=listed)


def build_router() -> Router:
    router = Router(name="group_setup")
    router.message.filter(F.chat.type.in_({"group", "supergroup"}))
    router.callback_query.filter(F.message.chat.type.in_({"group", "supergroup"}))
    router.message.register(start_setup, Command("setup"))
    router.callback_query.register(setup_step, SetupCallback.filter())
    router.message.register(
        cancel_typing, StateFilter(SetupStates.typing_timezone), Command("cancel")
    )
    router.message.register(typed_timezone, StateFilter(SetupStates.typing_timezone), F.text)
    return router
