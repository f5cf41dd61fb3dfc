"""Ways into the form: /propose in a group (a deep link to the private chat), the deep link
itself, /propose in private (which group?), "continue the draft or start over", and the
proposer's "revise" button after an admin asked for changes."""

from __future__ import annotations

import re

from aiogram import Bot
from aiogram.exceptions import AiogramError
from aiogram.filters import CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram.types import User as TgUser
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.propose.callbacks import FormCallback, form
from handlers.propose.form import Form
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.messenger import Button
from organizer.models import ActivityStatus
from organizer.services import activities, admins, drafts, groups, users
from organizer.services.drafts import DraftInfo
from organizer.telegram.chat_info import member_state, profile

DEEP_LINK_PREFIX = "propose_"
# Chat ids fit in 52 bits (16 digits): longer numbers are forged and would overflow BIGINT.
CHAT_ID = r"-?\d{1,16}"
DEEP_LINK = rf"^{DEEP_LINK_PREFIX}{CHAT_ID}$"
ACTIONS = frozenset({"group", "continue", "restart", "revise"})


async def propose_in_group(
    message: Message, bot: Bot, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    """The form is private (it asks many questions): offer a button that opens that chat."""
    group = await deps.register_group(session, message.chat)
    me = await bot.me()
    url = f"https://t.me/{me.username}?start={DEEP_LINK_PREFIX}{group.id}"
    button = Button(texts("propose-open-button"), url=url)
    await reply(
        deps, message, texts("propose-open-private", group=group.title), keyboard=((button,),)
    )


async def propose_deep_link(
    message: Message,
    command: CommandObject,
    bot: Bot,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert message.from_user is not None and command.args is not None
    await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    form_ = Form(session, deps, texts, message.from_user.id)
    group_id = int(command.args.removeprefix(DEEP_LINK_PREFIX))
    if not await _may_propose(form_, bot, message.from_user, group_id):
        return
    await _offer_or_start(form_, group_id)


async def propose_in_private(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    await users.mark_started(session, profile(message.from_user), now=deps.clock.now())
    form_ = Form(session, deps, texts, message.from_user.id)
    draft = await drafts.get(session, form_.user_id)
    if draft is not None:
        await offer(form_, draft, restart_group=None)
        return
    await _ask_group(form_)


async def _may_propose(form_: Form, bot: Bot, user: TgUser, group_id: int) -> bool:
    """The group is one the bot is in, and the user is in it (as stored, or as Telegram says)."""
    group = await groups.get(form_.session, group_id)
    if group is None or not group.bot_is_member:
        await form_.put(form_.texts("error-group-unknown"), None)
        return False
    if form_.deps.is_org_admin(user.id) or await _stored_member(form_, group_id):
        return True
    try:
        member = await bot.get_chat_member(group_id, user.id)
    except AiogramError:  # Telegram refused, or its answer could not be read
        member = None
    present = member is not None and member.status in ("creator", "administrator", "member")
    if member is not None and member.status == "restricted":
        present = bool(getattr(member, "is_member", False))
    if member is None or not present:
        await form_.put(form_.texts("propose-not-member", group=group.title), None)
        return False
    status, role = member_state(member.status)
    now = form_.deps.clock.now()
    await admins.record_member_status(
        form_.session, group_id, profile(user), status=status, role=role, now=now
    )
    return True


async def _stored_member(form_: Form, group_id: int) -> bool:
    mine = await drafts.proposable_groups(form_.session, form_.user_id)
    return any(group.id == group_id for group in mine)


async def _ask_group(form_: Form, edit: int | None = None) -> None:
    mine = await drafts.proposable_groups(form_.session, form_.user_id)
    if not mine:
        await form_.put(form_.texts("propose-no-groups"), None, edit)
        return
    keyboard = tuple((Button(group.title, form("group", group.id)),) for group in mine)
    await form_.put(form_.texts("propose-choose-group"), keyboard, edit)


async def _offer_or_start(form_: Form, group_id: int, edit: int | None = None) -> None:
    draft = await drafts.get(form_.session, form_.user_id)
    if draft is not None:
        await offer(form_, draft, restart_group=group_id, edit=edit)
        return
    draft = await drafts.start(
        form_.session, form_.user_id, group_id=group_id, step="kind", now=form_.deps.clock.now()
    )
    await form_.show(draft, edit=edit)


async def offer(
    form_: Form, draft: DraftInfo, *, restart_group: int | None, edit: int | None = None
) -> None:
    """A draft is open: continue it, or start over (for `restart_group`, else ask which)."""
    texts = form_.texts
    group = await groups.get(form_.session, draft.group_id) if draft.group_id else None
    text = texts(
        "propose-draft-exists",
        title=draft.data.get("title") or texts("propose-draft-untitled"),
        group=group.title if group else "—",
        step=texts(f"propose-name-{draft.step}"),
    )
    keyboard = (
        (
            Button(texts("propose-button-continue"), form("continue")),
            Button(texts("propose-button-restart"), form("restart", restart_group or "")),
        ),
    )
    await form_.put(text, keyboard, edit)


async def on_entry_press(
    query: CallbackQuery, data: FormCallback, bot: Bot, form_: Form, edit: int | None
) -> None:
    texts, value = form_.texts, data.value
    if data.action == "continue":
        draft = await drafts.get(form_.session, form_.user_id)
        if draft is None:
            await query.answer(texts("propose-error-no-draft"), show_alert=True)
            return
        await form_.go(draft, draft.step, edit=edit)  # saved again: the draft is in use now
    elif data.action in ("group", "restart") and re.fullmatch(CHAT_ID, value):
        if not await _may_propose(form_, bot, query.from_user, int(value)):
            await query.answer()
            return
        if data.action == "restart":
            await drafts.discard(form_.session, form_.user_id)
        await _offer_or_start(form_, int(value), edit)
    elif data.action == "restart" and not value:
        await drafts.discard(form_.session, form_.user_id)
        await _ask_group(form_, edit)
    elif data.action == "revise" and value.isdigit() and len(value) <= 18:
        if not await _revise(query, form_, int(value)):
            return
    else:
        await query.answer(texts("propose-error-stale"), show_alert=True)
        return
    await query.answer()


async def _revise(query: CallbackQuery, form_: Form, activity_id: int) -> bool:
    """Reopen a proposal the admins asked to change, as a draft at its preview."""
    texts, session = form_.texts, form_.session
    activity = await activities.get(session, activity_id)
    if (
        activity is None
        or activity.proposer_id != form_.user_id
        or activity.status != ActivityStatus.CHANGES_REQUESTED
    ):
        await query.answer(texts("propose-revise-unavailable"), show_alert=True)
        return False
    draft = await drafts.get(session, form_.user_id)
    if draft is not None and draft.activity_id != activity_id:
        await query.answer(texts("propose-revise-busy"), show_alert=True)
        return False
    if draft is None:
        data = drafts.from_proposal(await activities.proposal_of(session, activity_id))
        data["review_note"] = activity.review_note
        draft = await drafts.start(
            session,
            form_.user_id,
            group_id=activity.group_id,
            step="preview",
            data=data,
            activity_id=activity_id,
            now=form_.deps.clock.now(),
        )
    await form_.show(draft)  # a new message: the admin's note stays readable above
    return True
