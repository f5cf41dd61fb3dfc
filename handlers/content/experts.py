"""/experts list | add | remove: who unanswered questions are raised to besides the admins.
Anyone may list; group admins change the list, naming the member by reply or @username."""

from __future__ import annotations

from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.services import admins, approvers, experts, users
from organizer.services.approvers import ApproverError
from organizer.services.groups import GroupInfo
from organizer.services.users import UserInfo
from organizer.telegram.chat_info import profile


async def on_experts(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return
    group = await deps.register_group(session, message.chat)
    args = (message.text or "").split()[1:]
    action = args[0].lower() if args else "list"
    if action == "list":
        await reply(deps, message, await render_list(session, group, texts))
        return
    if action not in ("add", "remove"):
        await reply(deps, message, texts("content-experts-usage"))
        return
    if not await admins.is_group_admin(
        session, group.id, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return
    await reply(deps, message, await _change(message, session, deps, texts, group, args))


async def render_list(session: AsyncSession, group: GroupInfo, texts: Texts) -> str:
    ids = await experts.list_ids(session, group.id)
    if not ids:
        return "\n".join((texts("content-experts-none"), texts("content-experts-usage")))
    lines = [texts("content-experts-title", group=group.title)]
    for user_id in ids:
        user = await users.get(session, user_id)
        name = user.display_name if user else str(user_id)
        name += f" @{user.username}" if user and user.username else ""
        lines.append(texts("content-experts-line", name=name))
    return "\n".join(lines)


async def _target(
    message: Message, session: AsyncSession, deps: HandlerDeps, args: list[str]
) -> UserInfo | None:
    """The member named by @username, else the author of the message replied to."""
    if len(args) > 1 and args[1].startswith("@"):
        return await approvers.find_by_username(session, args[1])
    replied = message.reply_to_message.from_user if message.reply_to_message else None
    if replied is None or replied.is_bot:
        return None
    return await users.remember(session, profile(replied), now=deps.clock.now())


async def _change(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, group: GroupInfo,
    args: list[str],
) -> str:  # fmt: skip
    assert message.from_user is not None
    try:
        user = await _target(message, session, deps, args)
    except ApproverError:
        return texts("content-experts-unknown-user", username=args[1])
    if user is None:
        return texts("content-experts-usage")
    name = user.display_name
    if args[0].lower() == "remove":
        removed = await experts.remove(session, group.id, user.id)
        return texts("content-experts-removed" if removed else "content-experts-not-listed",
                     name=name)  # fmt: skip
    added = await experts.add(
        session, group.id, user.id, added_by=message.from_user.id, now=deps.clock.now()
    )
    return texts("content-experts-added" if added else "content-experts-already", name=name)
