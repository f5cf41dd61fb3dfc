"""/setrules (new rules version, acknowledged by members) and /rulesreminder (admins)."""

from __future__ import annotations

from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from handlers.welcome.callbacks import RulesAck
from organizer.i18n import Markup, Texts
from organizer.messenger import Button, keyboard
from organizer.services import admins, rules_versions
from organizer.services.groups import GroupInfo
from organizer.telegram.chat_info import profile


async def _admin_group(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> GroupInfo | None:
    group = await deps.register_group(session, message.chat)
    user_id = message.from_user.id if message.from_user else 0
    if not await admins.is_group_admin(
        session, group.id, user_id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return None
    return group


async def set_rules(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    group = await _admin_group(message, session, deps, texts)
    if group is None:
        return
    text = command.args or ""
    source = message.reply_to_message
    if not text.strip() and source is not None:
        text = source.text or source.caption or ""
    if not text.strip():
        await reply(deps, message, texts("setrules-usage"))
        return
    if len(text.strip()) > rules_versions.MAX_RULES_CHARS:
        await reply(deps, message, texts("setrules-too-long", max=rules_versions.MAX_RULES_CHARS))
        return
    version = await rules_versions.set_rules(session, group.id, text, now=deps.clock.now())
    stored = (await deps.register_group(session, message.chat)).rules_text or ""
    body = texts("rules-updated", version=version, rules=Markup(stored))
    button = Button(texts("rules-ack-button"), RulesAck(version=version).pack())
    await send(deps, group.id, body, keyboard=keyboard([button]))


async def ack_pressed(
    query: CallbackQuery,
    callback_data: RulesAck,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    if query.message is None or query.message.chat.type == "private":
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    chat_id = query.message.chat.id
    try:
        current = await rules_versions.current_version(session, chat_id)
    except LookupError:
        current = None
    if current != callback_data.version:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    recorded = await rules_versions.acknowledge(
        session, chat_id, profile(query.from_user), now=deps.clock.now()
    )
    key = "rules-ack-recorded" if recorded else "rules-ack-already"
    await query.answer(texts(key, version=current), show_alert=True)


async def rules_reminder(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    group = await _admin_group(message, session, deps, texts)
    if group is None:
        return
    args = (command.args or "").split()
    if not args:
        reminder = rules_versions.reminder_settings(group.settings)
        due = await rules_versions.ensure_rules_reminder(session, group.id, deps.clock.now())
    else:
        try:
            values = rules_versions.parse_reminder(args[0].lower(), *args[1:3])
        except (rules_versions.InvalidReminder, TypeError):
            await reply(deps, message, texts("rulesreminder-usage"))
            return
        reminder, due = await rules_versions.configure_reminder(
            session, group.id, values, now=deps.clock.now()
        )
    if reminder.mode == "off" or due is None:
        await reply(deps, message, texts("rulesreminder-off"))
        return
    text = texts(
        "rulesreminder-weekly",
        weekday=texts("rules-weekday", day=reminder.weekday),
        time=reminder.at_text,
        timezone=group.timezone,
        next=due.astimezone(group.tz).strftime("%Y-%m-%d %H:%M"),
    )
    await reply(deps, message, text)
