"""/notices and /acks in private: the user's scheduled and recent notices, each with Cancel,
Edit text, Report and Acks; every press re-reads the notice and re-checks the presser."""

from __future__ import annotations

from aiogram.filters import CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices import reports
from handlers.notices.callbacks import ManageCallback, manage
from handlers.notices.states import EditStates
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, MessengerError
from organizer.services import admins, groups, notices
from organizer.services import notices_render as render
from organizer.services.notices import NoticeError, NoticeInfo

LIST_LIMIT = 10  # one message per notice: more would flood the chat


async def list_notices(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    found = await notices.list_for(
        session, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids, limit=LIST_LIMIT
    )
    if not found:
        await reply(deps, message, texts("notices-ui-list-none"))
        return
    await reply(deps, message, texts("notices-ui-list-title", n=len(found)))
    for notice in found:
        text, keyboard = reports.card(notice, texts)
        await send(deps, message.chat.id, text, keyboard=keyboard)


async def may_view(
    session: AsyncSession, deps: HandlerDeps, notice: NoticeInfo, user_id: int
) -> bool:
    """The author, an organisation admin, or an admin of a group the notice goes to."""
    if user_id == notice.author_id or deps.is_org_admin(user_id):
        return True
    mine = set(await admins.administered_group_ids(session, user_id))
    return bool(mine.intersection(notice.group_ids))


async def acks_command(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    arg = (command.args or "").strip().lstrip("#")
    if not arg.isdigit() or len(arg) > 18:
        await reply(deps, message, texts("notices-ui-acks-usage"))
        return
    notice = await notices.get(session, int(arg))
    if notice is None or not await may_view(session, deps, notice, message.from_user.id):
        await reply(deps, message, texts("notices-error-not-found"))
        return
    await reply(deps, message, await _acks(session, notice, texts))


async def _acks(session: AsyncSession, notice: NoticeInfo, texts: Texts) -> str:
    if not notice.ack_required:
        return texts("notices-error-no-ack")
    return reports.acks_text(notice, await notices.ack_status(session, notice.id), texts)


async def on_manage_press(
    query: CallbackQuery, callback_data: ManageCallback, state: FSMContext,
    session: AsyncSession, deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    notice = await notices.get(session, callback_data.notice_id)
    user_id, action = query.from_user.id, callback_data.action
    if notice is None or not await may_view(session, deps, notice, user_id):
        await query.answer(texts("notices-ui-error-stale"), show_alert=True)
        return
    try:
        text, keyboard = await _act(action, notice, user_id, state, session, deps, texts)
    except NoticeError as error:
        await query.answer(texts(error.key, **error.params), show_alert=True)
        return
    await query.answer()
    await send(deps, user_id, text, keyboard=keyboard)


async def _act(
    action: str, notice: NoticeInfo, user_id: int, state: FSMContext, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> tuple[str, Keyboard | None]:  # fmt: skip
    """The answer to one press; the service refuses what this user may not do (NoticeError)."""
    org, now = deps.settings.org_admin_ids, deps.clock.now()
    if action == "cancel":
        yes = Button(texts("notices-ui-cancel-notice-yes"), manage("cancel_yes", notice.id))
        return texts("notices-ui-cancel-notice", id=notice.id), ((yes,),)
    if action == "cancel_yes":
        await notices.cancel(session, notice.id, by=user_id, now=now, org_admin_ids=org)
        return texts("notices-ui-cancelled-notice", id=notice.id), None
    if action == "edit":
        if notice.status not in ("scheduled", "sent"):
            raise NoticeError("notices-error-not-editable")
        await state.set_state(EditStates.text)
        await state.set_data({"notice_id": notice.id})
        return texts("notices-ui-ask-edit", id=notice.id), None
    if action == "report":
        report = await notices.delivery_report(session, notice.id)
        return reports.report_text(notice, report, texts), None
    if action == "acks":
        return await _acks(session, notice, texts), None
    raise NoticeError("notices-ui-error-stale")


async def on_edit_text(
    message: Message, state: FSMContext, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    """The new text: stored, and every message already sent in the groups edited to match."""
    assert message.from_user is not None
    notice_id = int((await state.get_data()).get("notice_id", 0))
    try:
        messages = await notices.edit(
            session, notice_id, by=message.from_user.id, text=message.html_text,
            now=deps.clock.now(), org_admin_ids=deps.settings.org_admin_ids,
        )  # fmt: skip
    except NoticeError as error:  # stays in the state: the author may try a shorter text
        await reply(deps, message, texts(error.key, **error.params))
        return
    await state.clear()
    notice = await notices.get(session, notice_id)
    failed = await _edit_sent(session, deps, notice, messages) if notice else 0
    key = "notices-ui-edited-failed" if failed else "notices-ui-edited"
    await reply(deps, message, texts(key, id=notice_id, n=len(messages), failed=failed))


async def _edit_sent(
    session: AsyncSession, deps: HandlerDeps, notice: NoticeInfo, messages: list[tuple[int, int]]
) -> int:
    failed = 0
    for part in notices.part_edits(notice, messages):
        keyboard = None
        if part.last and notice.ack_required:
            keyboard = await _ack_keyboard(session, deps, notice.id, part.chat_id)
        try:
            messenger = deps.messenger
            await messenger.edit_text(part.chat_id, part.message_id, part.text, keyboard=keyboard)
        except MessengerError:  # deleted in the group meanwhile: the others still change
            failed += 1
    return failed


async def _ack_keyboard(
    session: AsyncSession, deps: HandlerDeps, notice_id: int, chat_id: int
) -> Keyboard:
    """The Received button again (an edit without it would remove it), in the group's language."""
    group = await groups.get(session, chat_id)
    lang = group.language if group else deps.catalogue.default
    return render.ack_keyboard(deps.catalogue, lang, notice_id)
