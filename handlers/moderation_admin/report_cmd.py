"""/report [reason], by reply: any member sends a message to the admins (charter 八(一)).

The command message is removed at once, so the group never sees who reported. Answers to the
reporter go privately; only a refusal (which names nobody) falls back to the group when the
reporter never started the bot, and the thanks is simply skipped then.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.common import (
    delete_quietly,
    is_admin,
    private_texts,
    send_private,
    tell_privately_or_group,
)
from handlers.moderation_admin.report_cards import show_report
from handlers.moderation_admin.targets import Refusal, find_target, replied
from organizer.i18n import Texts
from organizer.messenger import OutboundText
from organizer.services import reports
from organizer.services.groups import GroupInfo
from organizer.services.reports import ReportError, ReportOutcome


async def _refusal(
    message: Message, session: AsyncSession, deps: HandlerDeps, group: GroupInfo
) -> tuple[str, dict[str, str]] | int:
    """The reported member's id, or the (key, params) of why this report is refused."""
    assert message.from_user is not None
    if replied(message) is None:
        return "modcmd-report-usage", {}
    target, _ = await find_target(session, deps.clock, message, [])
    if isinstance(target, Refusal):
        return "modcmd-report-cannot", {}
    if target.user_id == message.from_user.id:
        return "moderation-admin-report-self", {}
    if await is_admin(session, deps, group.id, target.user_id):
        return "moderation-admin-report-admin", {}
    return target.user_id


async def _file(
    message: Message, session: AsyncSession, deps: HandlerDeps, group: GroupInfo,
    reported: int, reason: str | None,
) -> ReportOutcome:  # fmt: skip
    assert message.from_user is not None
    reply = replied(message)
    assert reply is not None
    return await reports.file(
        session, group_id=group.id, message_id=reply.message_id, reported_user_id=reported,
        message_text=reply.text or reply.caption, reporter_id=message.from_user.id,
        reason=reason, now=deps.clock.now(),
    )  # fmt: skip


def _answer_key(outcome: ReportOutcome) -> tuple[str, dict[str, str]] | None:
    """What to tell a reporter whose report adds nothing, or None."""
    if outcome.already_handled_status is not None:
        return "modcmd-report-already-handled", {"status": outcome.already_handled_status}
    if outcome.already_reported:
        return "modcmd-report-duplicate", {}
    return None


async def on_report(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    reporter = message.from_user.id
    group = await deps.register_group(session, message.chat)
    await delete_quietly(bot, group.id, message.message_id)

    async def tell(key: str, params: Mapping[str, str]) -> None:
        await tell_privately_or_group(session, deps, user_id=reporter, group_id=group.id,
                                      group_texts=texts, key=key, **params)  # fmt: skip

    checked = await _refusal(message, session, deps, group)
    if not isinstance(checked, int):
        await tell(*checked)
        return
    reason = (command.args or "").strip()[:200] or None
    try:
        outcome = await _file(message, session, deps, group, checked, reason)
    except ReportError as error:
        await tell(error.key, error.params)
        return
    answer = _answer_key(outcome)
    if answer is not None:
        await tell(*answer)
        return
    info = await reports.get(session, outcome.report_id)
    assert info is not None
    await show_report(session, deps, group, info)
    await _thank(session, deps, reporter, group)


async def _thank(session: AsyncSession, deps: HandlerDeps, reporter: int, group: GroupInfo) -> None:
    own = await private_texts(session, deps, reporter, group.language)
    if own is not None:  # unreachable: no thanks, rather than revealing the reporter
        await send_private(session, deps, reporter, own("modcmd-report-thanks", group=group.title))


async def in_private(message: Message, deps: HandlerDeps, texts: Texts) -> None:
    await deps.messenger.send_text(OutboundText(message.chat.id, texts("modcmd-report-usage")))


def build_router() -> Router:
    router = Router(name="moderation_admin.report")
    group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(on_report, Command("report"), group, F.from_user)
    router.message.register(in_private, Command("report"), F.chat.type == "private")
    return router
