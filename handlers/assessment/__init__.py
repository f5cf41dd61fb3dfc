"""Assessment views (charter 八(二)): /mystats, /leaderboard, /stats and /export.

Periods: week | month | quarter (also 周 | 月 | 季度); the default is the current month, in the
group's timezone. The leaderboard is public unless Group.settings["leaderboard_public"] is false;
then only admins see it (privately when possible). /stats and /export are for the group's admins;
/export always answers privately, and in a private chat asks which group when there are several.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.assessment import commend
from handlers.deps import HandlerDeps
from handlers.replies import reply, send
from organizer.i18n import Texts
from organizer.messenger import Button, Document, RecipientUnreachable, keyboard
from organizer.models import Membership, MemberStatus
from organizer.reports.assessment import (
    group_stats,
    leaderboard_text,
    mystats_text,
    parse_period_kind,
    period_label,
    render_stats,
)
from organizer.reports.assessment_chart import activity_chart
from organizer.reports.assessment_export import export_csv, export_workbook
from organizer.services import admins, groups, users
from organizer.services.groups import GroupInfo
from organizer.services.scores import score_period
from organizer.services.scores_periods import Period, PeriodKind, containing

COMMANDS = ("mystats", "leaderboard", "stats", "export")


class AssessmentCallback(CallbackData, prefix="asmt"):
    action: str  # s (stats) | e (export)
    group: int
    kind: str


def _period(deps: HandlerDeps, group: GroupInfo, kind: PeriodKind) -> Period:
    return containing(kind, deps.clock.now(), group.timezone)


async def _kind(
    message: Message, command: CommandObject, deps: HandlerDeps, texts: Texts
) -> PeriodKind | None:
    kind = parse_period_kind(command.args)
    if kind is None:
        value = (command.args or "").strip()
        await reply(deps, message, texts("assessment-bad-period", value=value))
    return kind


async def _is_admin(session: AsyncSession, deps: HandlerDeps, group_id: int, user_id: int) -> bool:
    return await admins.is_group_admin(
        session, group_id, user_id, org_admin_ids=deps.settings.org_admin_ids
    )


async def _private_texts(
    session: AsyncSession, deps: HandlerDeps, user_id: int, texts: Texts
) -> Texts | None:
    """The user's texts when they can be written to privately, else None."""
    user = await users.get(session, user_id)
    if user is None or not user.can_message_privately:
        return None
    return deps.catalogue.for_language(user.language_or(texts.lang))


# ---- /mystats ----


async def _my_score_text(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, group: GroupInfo, user_id: int,
    kind: PeriodKind,
) -> str | None:  # fmt: skip
    period = _period(deps, group, kind)
    scores = await score_period(session, group.id, period, now=deps.clock.now())
    mine = next((score for score in scores if score.user_id == user_id), None)
    if mine is None:
        return None
    return mystats_text(mine, texts, group.title, period)


async def on_mystats(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    user_id = message.from_user.id
    kind = await _kind(message, command, deps, texts)
    if kind is None:
        return
    if message.chat.type == "private":
        group_ids = await session.scalars(
            select(Membership.group_id).where(
                Membership.user_id == user_id, Membership.status == MemberStatus.ACTIVE
            ).order_by(Membership.group_id)
        )  # fmt: skip
        parts = []
        for group_id in list(group_ids):
            group = await groups.get(session, group_id)
            if group is None or not group.bot_is_member:
                continue
            text = await _my_score_text(session, deps, texts, group, user_id, kind)
            if text is not None:
                parts.append(text)
        await reply(deps, message, "\n\n".join(parts) or texts("assessment-mystats-none"))
        return
    group = await deps.register_group(session, message.chat)
    private = await _private_texts(session, deps, user_id, texts)
    shown_in = private or texts
    text = await _my_score_text(session, deps, shown_in, group, user_id, kind)
    text = text or shown_in("assessment-mystats-none")
    if private is not None:
        try:
            await send(deps, user_id, text)
            return
        except RecipientUnreachable:
            text = await _my_score_text(session, deps, texts, group, user_id, kind) or texts(
                "assessment-mystats-none"
            )
    await reply(deps, message, text)


# ---- /leaderboard ----


async def on_leaderboard(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("assessment-group-only"))
        return
    kind = await _kind(message, command, deps, texts)
    if kind is None:
        return
    group = await deps.register_group(session, message.chat)
    user_id = message.from_user.id
    public = group.settings.get("leaderboard_public", True) is not False
    target, shown_in = message.chat.id, texts
    if not public:
        if not await _is_admin(session, deps, group.id, user_id):
            await reply(deps, message, texts("assessment-leaderboard-admins-only"))
            return
        private = await _private_texts(session, deps, user_id, texts)
        if private is not None:
            target, shown_in = user_id, private
    period = _period(deps, group, kind)
    scores = await score_period(session, group.id, period, now=deps.clock.now())
    heading = shown_in(
        "assessment-leaderboard-heading", group=group.title, period=period_label(period, shown_in)
    )
    text = f"{heading}\n{leaderboard_text(scores, shown_in)}"
    if target == message.chat.id:
        await reply(deps, message, text)
        return
    try:
        await send(deps, target, text)
    except RecipientUnreachable:
        await reply(deps, message, texts("assessment-start-bot"))


# ---- /stats and /export ----


async def _send_stats(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, chat_id: int, group: GroupInfo,
    kind: PeriodKind,
) -> None:  # fmt: skip
    period = _period(deps, group, kind)
    stats = await group_stats(session, group.id, period)
    await send(deps, chat_id, render_stats(stats, texts, group.timezone, group_title=group.title))
    chart = await activity_chart(session, group.id, period)
    if chart is not None:
        name = f"activity-{period.first_day.isoformat()}.png"
        await deps.messenger.send_document(chat_id, Document(name, chart))


async def _send_export(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, chat_id: int, group: GroupInfo,
    kind: PeriodKind,
) -> None:  # fmt: skip
    period = _period(deps, group, kind)
    stem = f"assessment-{period.kind.value}-{period.first_day.isoformat()}"
    caption = texts("assessment-export-caption", group=group.title,
                    period=period_label(period, texts))  # fmt: skip
    workbook = await export_workbook(session, group.id, period)
    table = await export_csv(session, group.id, period)
    await deps.messenger.send_document(chat_id, Document(f"{stem}.xlsx", workbook, caption))
    await deps.messenger.send_document(chat_id, Document(f"{stem}.csv", table, caption))


async def _choose_group(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts, action: str,
    kind: PeriodKind,
) -> None:  # fmt: skip
    assert message.from_user is not None
    choices = []
    for group_id in sorted(await admins.administered_group_ids(session, message.from_user.id)):
        group = await groups.get(session, group_id)
        if group is not None and group.bot_is_member:
            choices.append(group)
    choices.sort(key=lambda group: (group.title, group.id))
    if not choices:
        await reply(deps, message, texts("assessment-no-admin-groups"))
        return
    sender = _send_stats if action == "s" else _send_export
    if len(choices) == 1:
        await sender(session, deps, texts, message.chat.id, choices[0], kind)
        return
    rows = [
        [Button(group.title, AssessmentCallback(action=action, group=group.id, kind=kind).pack())]
        for group in choices
    ]
    await reply(deps, message, texts("assessment-choose-group"), keyboard=keyboard(*rows))


async def on_stats(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    kind = await _kind(message, command, deps, texts)
    if kind is None:
        return
    if message.chat.type == "private":
        await _choose_group(message, session, deps, texts, "s", kind)
        return
    group = await deps.register_group(session, message.chat)
    if not await _is_admin(session, deps, group.id, message.from_user.id):
        await reply(deps, message, texts("assessment-admins-only"))
        return
    await _send_stats(session, deps, texts, message.chat.id, group, kind)


async def on_export(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps,
    texts: Texts,
) -> None:  # fmt: skip
    assert message.from_user is not None
    kind = await _kind(message, command, deps, texts)
    if kind is None:
        return
    if message.chat.type == "private":
        await _choose_group(message, session, deps, texts, "e", kind)
        return
    user_id = message.from_user.id
    group = await deps.register_group(session, message.chat)
    if not await _is_admin(session, deps, group.id, user_id):
        await reply(deps, message, texts("assessment-admins-only"))
        return
    private = await _private_texts(session, deps, user_id, texts)
    if private is None:
        await reply(deps, message, texts("assessment-start-bot"))
        return
    try:
        await _send_export(session, deps, private, user_id, group, kind)
    except RecipientUnreachable:
        await reply(deps, message, texts("assessment-start-bot"))
        return
    await reply(deps, message, texts("assessment-export-sent"))


async def on_choice(
    callback: CallbackQuery, callback_data: AssessmentCallback, session: AsyncSession,
    deps: HandlerDeps, texts: Texts,
) -> None:  # fmt: skip
    group = await groups.get(session, callback_data.group)
    kind = parse_period_kind(callback_data.kind)
    chat = callback.message.chat.id if callback.message is not None else callback.from_user.id
    if (
        group is None
        or kind is None
        or not await _is_admin(session, deps, group.id, callback.from_user.id)
    ):
        await callback.answer(texts("assessment-admins-only"), show_alert=True)
        return
    await callback.answer()
    sender = _send_stats if callback_data.action == "s" else _send_export
    await sender(session, deps, texts, chat, group, kind)


def build_router() -> Router:
    router = Router(name="assessment")
    router.message.register(on_mystats, Command("mystats"))
    router.message.register(on_leaderboard, Command("leaderboard"))
    router.message.register(on_stats, Command("stats"))
    router.message.register(on_export, Command("export"))
    router.callback_query.register(on_choice, AssessmentCallback.filter(F.action.in_({"s", "e"})))
    commend.register(router)
    return router
