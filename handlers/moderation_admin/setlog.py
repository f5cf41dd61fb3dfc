"""/setlog: choose the chat where moderation cards go (charter 五: an admin log per group, or one
for the organisation).

Sent in the chat that should become the log (usually a private group of the admins, with the
bot in it): the bot answers with a button per group the sender administers — organisation
admins also get "All groups" — and a press makes this chat that group's log. `/setlog off` in a
managed group sends its cards back to the organisation's log (or, without one, to the admins
privately); `/setlog off all` by an organisation admin clears the organisation's log.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.callbacks import ORG_WIDE, SetLogChoice
from handlers.moderation_admin.common import is_admin, sent_as_group
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, keyboard
from organizer.services import admin_log, admins, audit, groups

MAX_CHOICES = 40  # a keyboard longer than this is unusable; org admins use "All groups"


async def _choices(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, user_id: int
) -> list[tuple[int, str]]:
    if deps.is_org_admin(user_id):
        found = [(g.id, g.title) for g in await groups.list_active(session)]
        return [(ORG_WIDE, texts("modcmd-setlog-all")), *found][:MAX_CHOICES]
    titles = []
    for group_id in await admins.administered_group_ids(session, user_id):
        group = await groups.get(session, group_id)
        if group is not None and group.bot_is_member:
            titles.append((group.id, group.title))
    return titles[:MAX_CHOICES]


async def on_setlog(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    args = (command.args or "").lower().split()
    if args[:1] == ["off"]:
        await _off(message, session, deps, texts, all_groups=args[1:2] == ["all"])
        return
    if sent_as_group(message):
        await reply(deps, message, texts("modcmd-anonymous-admin"))
        return
    choices = await _choices(session, deps, texts, message.from_user.id)
    if not choices:
        await reply(deps, message, texts("modcmd-setlog-not-admin"))
        return
    rows = [[Button(title, SetLogChoice(group_id=group_id).pack())] for group_id, title in choices]
    await reply(deps, message, texts("modcmd-setlog-choose"), keyboard=keyboard(*rows))


async def _off(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, *, all_groups: bool
) -> None:
    assert message.from_user is not None
    user_id, now = message.from_user.id, deps.clock.now()
    group = None if all_groups else await groups.get(session, message.chat.id)
    if all_groups and not deps.is_org_admin(user_id):
        await reply(deps, message, texts("modcmd-setlog-org-only"))
        return
    if not all_groups and (group is None or not await is_admin(session, deps, group.id, user_id)):
        await reply(deps, message, texts("error-admins-only"))
        return
    group_id = group.id if group else None
    await admin_log.set_destination(session, group_id=group_id, chat_id=None, by=user_id, now=now)
    await audit.log(session, group_id=group_id, actor_id=user_id, action="setlog",
                    details={"chat_id": None}, now=now)  # fmt: skip
    key = "modcmd-setlog-off" if group else "modcmd-setlog-off-all"
    await reply(deps, message, texts(key, group=group.title if group else ""))


async def _chosen_title(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, group_id: int, user_id: int
) -> str | None:
    """The title of the chosen group (or "All groups"), None when the presser may not."""
    if group_id == ORG_WIDE:
        return texts("modcmd-setlog-all") if deps.is_org_admin(user_id) else None
    group = await groups.get(session, group_id)
    if group is None or not await is_admin(session, deps, group.id, user_id):
        return None
    return group.title


async def on_choice(
    query: CallbackQuery, callback_data: SetLogChoice, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    if query.message is None or query.message.chat.type == "private":
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    chat_id, user_id, now = query.message.chat.id, query.from_user.id, deps.clock.now()
    title = await _chosen_title(session, deps, texts, callback_data.group_id, user_id)
    if title is None:
        await query.answer(texts("error-admins-only"), show_alert=True)
        return
    group_id = None if callback_data.group_id == ORG_WIDE else callback_data.group_id
    changed = await admin_log.set_destination(
        session, group_id=group_id, chat_id=chat_id, by=user_id, now=now
    )
    await audit.log(session, group_id=group_id, actor_id=user_id, action="setlog",
                    details={"chat_id": chat_id, "previous": changed.previous_chat_id},
                    now=now)  # fmt: skip
    text = texts("modcmd-setlog-done", group=title)
    if chat_id == group_id:  # cards name members and reporters' reasons: say who sees them
        text += "\n" + texts("modcmd-setlog-public")
    await query.answer()
    await send(deps, chat_id, text)


async def in_private(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    await reply(deps, message, texts("modcmd-setlog-usage"))


def build_router() -> Router:
    router = Router(name="moderation_admin.setlog")
    group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(on_setlog, Command("setlog"), group, F.from_user)
    router.message.register(in_private, Command("setlog"), F.chat.type == "private")
    router.callback_query.register(on_choice, SetLogChoice.filter(), F.from_user)
    return router
