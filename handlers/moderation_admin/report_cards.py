"""The admins' card of a member's /report and its buttons: Delete / Warn / Mute 1 h / Dismiss.

One card per report wherever it was posted; a later reporter of the same message updates the
count on every card, and handling the report rewrites every card with the outcome. The first
admin to press handles it; a later press is told who did. The reported member is told about a
sanction like any other, never who reported them.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin import actions
from handlers.moderation_admin.actions import Done, Scene
from handlers.moderation_admin.callbacks import ReportAction
from handlers.moderation_admin.common import failure_text, is_admin, name_of
from handlers.moderation_admin.log_cards import post_to_admin_log, undo_keyboard
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard, MessengerError, keyboard
from organizer.moderation_port import ModerationFailed
from organizer.services import audit, groups, reports
from organizer.services.groups import GroupInfo
from organizer.services.reports import ReportInfo

REPORT_MUTE = timedelta(hours=1)
EXCERPT = 800  # characters of the reported message on the card (a card holds 4096)


def message_link(chat_id: int, message_id: int) -> str | None:
    """A t.me link to the message; only supergroups have them."""
    text = str(chat_id)
    return f"https://t.me/c/{text[4:]}/{message_id}" if text.startswith("-100") else None


def report_keyboard(texts: Texts, report_id: int) -> Keyboard:
    def button(action: str) -> Button:
        data = ReportAction(action=action, report_id=report_id).pack()
        return Button(texts(f"modcmd-report-button-{action}"), data)

    return keyboard([button("delete"), button("warn")], [button("mute"), button("dismiss")])


def report_card(texts: Texts, group: GroupInfo, info: ReportInfo, member: str) -> str:
    lines = [texts("modcmd-report-card", id=info.id, group=group.title, member=member,
                   count=len(info.reporter_ids))]  # fmt: skip
    if info.reasons:
        lines.append(texts("modcmd-report-reasons", reasons="; ".join(info.reasons)))
    excerpt = (info.message_text or "")[:EXCERPT]
    lines.append(
        texts("modcmd-report-message", text=excerpt) if excerpt else texts("modcmd-report-no-text")
    )
    link = message_link(group.id, info.message_id)
    if link:
        lines.append(texts("modcmd-report-link", url=link))
    return "\n".join(lines)


async def _edit_cards(
    deps: HandlerDeps, cards: tuple[tuple[int, int], ...], text: str, buttons: Keyboard | None
) -> None:
    for chat_id, message_id in cards:
        with contextlib.suppress(MessengerError):  # a card deleted by hand: the others still change
            await deps.messenger.edit_text(chat_id, message_id, text, keyboard=buttons)


async def show_report(
    session: AsyncSession, deps: HandlerDeps, group: GroupInfo, info: ReportInfo
) -> None:
    """Update the report's cards, or post them when it has none yet."""
    texts = deps.catalogue.for_language(group.language)
    text = report_card(texts, group, info, await name_of(session, info.reported_user_id))
    buttons = report_keyboard(texts, info.id)
    if info.cards:
        await _edit_cards(deps, info.cards, text, buttons)
        return
    for chat_id, message_id in await post_to_admin_log(session, deps, group.id, text, buttons):
        await reports.add_card(session, info.id, chat_id, message_id)


def _reason(info: ReportInfo) -> str | None:
    return "; ".join(info.reasons)[:200] or None


async def _act(scene: Scene, action: str, info: ReportInfo) -> Done | None:
    """The Telegram side of the admin's choice. Raises ModerationFailed."""
    if action == "delete":
        return await actions.delete(scene, info.message_id, info.message_text, None)
    if action == "warn":
        return await actions.warn(scene, info.reported_user_id, _reason(info),
                                  text=info.message_text, message_id=info.message_id)  # fmt: skip
    if action == "mute":
        return await actions.sanction(
            scene, "mute", info.reported_user_id, duration=REPORT_MUTE, reason=_reason(info)
        )
    return None  # dismiss


async def _refusal(
    session: AsyncSession, deps: HandlerDeps, info: ReportInfo, action: str, presser: int
) -> str | None:
    """Why this press changes nothing (catalogue key), or None."""
    if not await is_admin(session, deps, info.group_id, presser):
        return "error-admins-only"
    if info.status != reports.OPEN:
        return "modcmd-report-already"
    # The reported member may have become an admin since the report.
    if action in ("warn", "mute") and await is_admin(
        session, deps, info.group_id, info.reported_user_id
    ):
        return "modcmd-target-admin"
    return None


async def on_report_action(
    query: CallbackQuery, callback_data: ReportAction, bot: Bot, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    info = await reports.get(session, callback_data.report_id)
    group = await groups.get(session, info.group_id) if info else None
    action, presser = callback_data.action, query.from_user.id
    if info is None or group is None or action not in reports.RESOLUTIONS:
        await query.answer(texts("error-stale-button"), show_alert=True)
        return
    refusal = await _refusal(session, deps, info, action, presser)
    if refusal is None:
        now = deps.clock.now()
        resolved = await reports.resolve(
            session, info.id, action=action, by_user_id=presser, now=now
        )
        info = resolved.report
        refusal = None if resolved.first else "modcmd-report-already"
    if refusal is not None:
        await _answer_refusal(query, session, texts, refusal, info)
        return
    scene = Scene(session, deps, bot, group, presser)
    try:
        done = await _act(scene, action, info)
    except ModerationFailed as error:
        await session.rollback()  # the report stays open: fix the bot's rights, press again
        await query.answer(failure_text(texts, error, deleting=action == "delete"), show_alert=True)
        return
    await _finish(scene, info, done)
    await query.answer(texts("modcmd-report-done"))


async def _answer_refusal(
    query: CallbackQuery, session: AsyncSession, texts: Texts, key: str, info: ReportInfo
) -> None:
    admin = await name_of(session, info.handled_by) if info.handled_by else "?"
    outcome = texts(f"modcmd-report-status-{info.status}")
    await query.answer(texts(key, admin=admin, outcome=outcome), show_alert=True)


async def _finish(scene: Scene, info: ReportInfo, done: Done | None) -> None:
    """Audit, tell the member of a sanction, rewrite every card with the outcome."""
    await audit.log(
        scene.session, group_id=info.group_id, actor_id=scene.actor_id,
        action=f"report.{info.status}", target_user_id=info.reported_user_id,
        violation_id=done.violation_id if done else None,
        details={"report_id": info.id, "message_id": info.message_id}, now=scene.deps.clock.now(),
    )  # fmt: skip
    if done is not None:
        await actions.notify_member(scene, info.reported_user_id, done)
    texts, member = scene.texts, await name_of(scene.session, info.reported_user_id)
    outcome = (
        actions.describe(texts, done, member)
        if done
        else texts("modcmd-report-status-" + info.status)
    )
    line = texts("modcmd-report-handled", admin=await name_of(scene.session, scene.actor_id))
    text = f"{report_card(texts, scene.group, info, member)}\n\n{line}\n{outcome}"
    buttons = undo_keyboard(texts, done.violation_id) if done and done.violation_id else None
    await _edit_cards(scene.deps, info.cards, text, buttons)


def build_router() -> Router:
    router = Router(name="moderation_admin.report_cards")
    router.callback_query.register(on_report_action, ReportAction.filter(), F.from_user)
    return router
