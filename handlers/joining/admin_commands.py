"""/invite (an invite link that creates join requests) and /approvers (who approves whom)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.joining.callbacks import ApproversGroupCallback
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, OutboundText, RecipientUnreachable
from organizer.services import admins, approvers, groups, joining, users
from organizer.services.approvers import ApproverError
from organizer.services.groups import GroupInfo
from organizer.telegram.chat_info import bot_rights, profile


async def _is_admin(session: AsyncSession, deps: HandlerDeps, group_id: int, user_id: int) -> bool:
    return await admins.is_group_admin(
        session, group_id, user_id, org_admin_ids=deps.settings.org_admin_ids
    )


async def on_invite(
    message: Message, bot: Bot, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return
    group = await deps.register_group(session, message.chat)
    if not await _is_admin(session, deps, group.id, message.from_user.id):
        await reply(deps, message, texts("error-admins-only"))
        return
    rights = await bot_rights(bot, group.id)
    if not rights or not rights.get("can_invite_users"):
        await reply(deps, message, texts("join-invite-no-right"))
        return
    try:
        link = await bot.create_chat_invite_link(
            group.id, name="Organizer", creates_join_request=True
        )
    except TelegramAPIError:
        await reply(deps, message, texts("join-invite-no-right"))
        return
    now = deps.clock.now()
    if "require_join_request" not in group.settings:
        await joining.set_group_setting(session, group.id, "require_join_request", True, now=now)
    text = texts("join-invite-link", link=link.invite_link, group=group.title)
    admin = await users.get(session, message.from_user.id)
    if admin is not None and admin.can_message_privately:
        try:
            await deps.messenger.send_text(OutboundText(admin.id, text))
            await reply(deps, message, texts("join-invite-sent-privately"))
            return
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, admin.id, now=now)
    await reply(deps, message, text)


async def render_list(session: AsyncSession, group: GroupInfo, texts: Texts) -> str:
    lines = [texts("approvers-title", group=group.title)]
    listed = await approvers.list_for(session, group.id)
    for kind in approvers.ASSIGNABLE_TYPES:
        names = []
        for entry in listed:
            if entry.member_type != kind.value:
                continue
            label = entry.name + (f" @{entry.username}" if entry.username else "")
            label += f" ({entry.label})" if entry.label else ""
            names.append(label if entry.present else texts("approvers-absent", name=label))
        none = texts("approvers-none")
        lines.append(texts("approvers-line", type=texts(f"join-type-{kind.value}"),
                           names="; ".join(names) or none))  # fmt: skip
    lines.append(texts("approvers-usage"))
    return "\n".join(lines)


async def on_approvers(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    args = (message.text or "").split()[1:]
    if message.chat.type == "private":
        await _private(message, session, deps, texts, args)
        return
    group = await deps.register_group(session, message.chat)
    if not await _is_admin(session, deps, group.id, message.from_user.id):
        await reply(deps, message, texts("error-admins-only"))
        return
    await _run(message, session, deps, texts, group, args)


async def _private(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, args: list[str]
) -> None:
    assert message.from_user is not None
    group_ids = await admins.administered_group_ids(session, message.from_user.id)
    found = [g for g in [await groups.get(session, gid) for gid in group_ids] if g is not None]
    if not found:
        await reply(deps, message, texts("approvers-no-groups"))
        return
    if len(found) == 1:
        await _run(message, session, deps, texts, found[0], args)
        return
    keyboard = tuple(
        (Button(g.title, ApproversGroupCallback(group_id=g.id).pack()),) for g in found
    )
    await send(deps, message.chat.id, texts("approvers-choose-group"), keyboard=keyboard)


async def on_group_chosen(
    query: CallbackQuery,
    callback_data: ApproversGroupCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    group = await groups.get(session, callback_data.group_id)
    if group is None or not await _is_admin(session, deps, group.id, query.from_user.id):
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    await query.answer()
    await send(deps, query.from_user.id, await render_list(session, group, texts))


async def _run(
    message: Message,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    group: GroupInfo,
    args: list[str],
) -> None:
    if not args:
        await reply(deps, message, await render_list(session, group, texts))
        return
    try:
        text = await _change(message, session, deps, texts, group, args)
    except ApproverError as error:
        text = texts(error.code, **error.params)
    await reply(deps, message, text)


async def _change(
    message: Message,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    group: GroupInfo,
    args: list[str],
) -> str:
    assert message.from_user is not None
    action = args[0].lower()
    if action not in ("add", "remove") or len(args) < 2:
        return texts("approvers-usage")
    kind = approvers.parse_type(args[1])
    rest = args[2:]
    target = message.reply_to_message.from_user if message.reply_to_message else None
    now = deps.clock.now()
    if rest and rest[0].startswith("@"):
        user = await approvers.find_by_username(session, rest[0])
        rest = rest[1:]
    elif target is not None and not target.is_bot:
        user = await users.remember(session, profile(target), now=now)
    else:
        return texts("approvers-usage")
    kind_text = texts(f"join-type-{kind.value}")
    if action == "remove":
        removed = await approvers.remove(session, group.id, kind, user.id)
        key = "approvers-removed" if removed else "approvers-not-listed"
        return texts(key, name=user.display_name, type=kind_text)
    label = " ".join(rest) or None
    await approvers.add(
        session, group.id, kind, user.id, label=label, added_by=message.from_user.id, now=now
    )
    text = texts("approvers-added", name=user.display_name, type=kind_text)
    if not await approvers.is_present(session, group.id, user.id):
        text += "\n" + texts("approvers-not-in-group", name=user.display_name)
    return text
