"""Notice jobs: `notice.deliver` (one occurrence of a notice to one chat) and `notice.ack_remind`
(one reminder to the members who have not pressed "Received").

Delivery is idempotent: a chat's delivery row records the parts already sent, and a delivery
that is final is skipped, so a retry or a restart never sends a part twice. A chat that cannot
be written to (bot removed, rights missing) is reported failed at once; other errors are retried
with backoff up to DELIVER_ATTEMPTS, then reported failed. When the last chat of an occurrence
is final, the author gets one delivery report.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from organizer.config import Settings
from organizer.i18n import Catalogue, Markup, shared_catalogue
from organizer.messenger import (
    ChatMigrated,
    MessengerError,
    OutboundText,
    PermissionMissing,
    Priority,
    RecipientUnreachable,
)
from organizer.models.notices import DeliveryStatus
from organizer.services import admins, groups, library, notify, scheduled_actions, users
from organizer.services import notices_render as render
from organizer.services.groups import GroupInfo
from organizer.services.notices_acks import pending_by_group
from organizer.services.notices_delivery import (
    DeliveryTask,
    OccurrenceDone,
    claim_delivery,
    finish_occurrence,
    get,
    last_message_ids,
    record,
)
from organizer.services.notices_text import CAPTION_LIMIT, split_text
from organizer.services.notices_types import (
    DELIVER_ATTEMPTS,
    DELIVER_KIND,
    REMIND_KIND,
    deliver_key,
)
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)
MENTIONS_PER_MESSAGE = 50
RETRY_BASE = timedelta(seconds=30)


def _settings(ctx: ActionContext) -> tuple[Catalogue, str, tuple[int, ...]]:
    settings = ctx.settings
    if isinstance(settings, Settings):
        lang = settings.default_language
        return shared_catalogue(lang), lang, tuple(settings.org_admin_ids)
    return shared_catalogue("zh"), "zh", ()


@dataclass
class _Outcome:
    status: DeliveryStatus
    sent: list[int]
    error: str | None = None
    pinned: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


async def deliver(ctx: ActionContext, payload: dict[str, Any]) -> None:
    now = ctx.clock.now()
    notice_id, occurrence = int(payload["notice_id"]), int(payload.get("occurrence", 0))
    task = await claim_delivery(ctx.session, notice_id, occurrence, int(payload["group_id"]))
    if task is None:
        return  # final already (a retry or a restart), or the notice was cancelled
    catalogue, default_lang, org_admin_ids = _settings(ctx)
    group = await groups.get(ctx.session, task.group_id)
    author = task.notice.author_id
    if group is None or not group.bot_is_member:
        outcome = _Outcome(
            DeliveryStatus.FAILED, list(task.sent), render.reason(render.BOT_REMOVED)
        )
    elif not await admins.is_group_admin(
        ctx.session, group.id, author, org_admin_ids=org_admin_ids
    ):
        # Rights are checked again at send time: they may have changed since scheduling.
        outcome = _Outcome(DeliveryStatus.FAILED, list(task.sent), render.reason(render.NO_RIGHTS))
    else:
        tries = int(payload.get("tries", 0)) + ctx.attempt
        outcome = await _send(ctx, task, group, catalogue, tries)
        if outcome.status == DeliveryStatus.PENDING:
            # Some parts went out before a transient error: keep them, continue later.
            await record(
                ctx.session, task, status=outcome.status, message_ids=outcome.sent, now=now
            )
            await scheduled_actions.schedule(
                ctx.session, kind=DELIVER_KIND, group_id=group.id,
                due_at=now + RETRY_BASE * 2 ** max(tries - 1, 0),
                payload={**payload, "tries": tries},
                dedupe_key=f"{deliver_key(notice_id, occurrence, group.id)}:r{tries}",
                max_attempts=1, now=now,
            )  # fmt: skip
            return
    await record(
        ctx.session, task, status=outcome.status, message_ids=outcome.sent, now=now,
        error=outcome.error, pinned=outcome.pinned,
    )  # fmt: skip
    done = await finish_occurrence(
        ctx.session, notice_id, occurrence, now=now, org_admin_ids=org_admin_ids
    )
    if done is not None:
        await _send_report(ctx, done, catalogue, default_lang)


async def _send(
    ctx: ActionContext, task: DeliveryTask, group: GroupInfo, catalogue: Catalogue, tries: int
) -> _Outcome:
    """Send what has not been sent yet; a transient error raises (the runner retries) unless
    parts went out in this attempt (then the outcome is pending with those parts)."""
    notice, sent = task.notice, list(task.sent)
    ack = render.ack_keyboard(catalogue, group.language, notice.id) if notice.ack_required else None
    try:
        if notice.media_kind is not None and notice.media_file_id:
            if not sent:
                caption = split_text(notice.text, CAPTION_LIMIT)
                message = await ctx.messenger.send_media(
                    group.id, notice.media_kind, notice.media_file_id,
                    caption=caption[0] if caption else None, keyboard=ack,
                    protect_content=notice.confidential, priority=Priority.BULK,
                )  # fmt: skip
                sent.append(message.message_id)
        else:
            parts = split_text(notice.text)
            for index in range(len(sent), len(parts)):
                last = index == len(parts) - 1
                message = await ctx.messenger.send_text(
                    OutboundText(
                        group.id, parts[index], keyboard=ack if last else None,
                        protect_content=notice.confidential, priority=Priority.BULK,
                    )
                )  # fmt: skip
                sent.append(message.message_id)
    except RecipientUnreachable as error:
        return _Outcome(
            DeliveryStatus.FAILED, sent, render.reason(render.UNREACHABLE, error.reason)
        )
    except PermissionMissing as error:
        why = render.reason(render.NO_PERMISSION, error.reason)
        return _Outcome(DeliveryStatus.FAILED, sent, why)
    except ChatMigrated:
        return _Outcome(DeliveryStatus.FAILED, sent, render.reason(render.MIGRATED))
    except MessengerError as error:
        if tries >= DELIVER_ATTEMPTS:
            return _Outcome(DeliveryStatus.FAILED, sent, render.reason(render.GAVE_UP, str(error)))
        if len(sent) > len(task.sent):
            log.warning("notice %s to chat %s interrupted: %s", notice.id, group.id, error)
            return _Outcome(DeliveryStatus.PENDING, sent)
        raise
    outcome = _Outcome(DeliveryStatus.DELIVERED, sent)
    if notice.pin and sent:
        try:
            await ctx.messenger.pin(group.id, sent[0], notify=False)
            outcome.pinned = True
        except MessengerError as error:  # reported, not fatal: the notice is delivered
            detail = error.reason if isinstance(error, PermissionMissing) else str(error)
            outcome.error = render.reason(render.PIN, detail)
    return outcome


async def _send_report(
    ctx: ActionContext, done: OccurrenceDone, catalogue: Catalogue, default_lang: str
) -> None:
    notice = done.report.notice
    assert notice is not None
    user = await users.get(ctx.session, notice.author_id)
    lang = user.language_or(default_lang) if user else default_lang
    text = render.report_text(
        catalogue, lang, done.report, remind_at=done.remind_at, next_at=done.next_at
    )
    try:
        for part in split_text(text):
            await ctx.messenger.send_text(
                OutboundText(notice.author_id, part, priority=Priority.BULK)
            )
    except MessengerError as error:
        # The deliveries are done and must be recorded: a report that cannot go is logged.
        log.warning("delivery report of notice %s not sent: %s", notice.id, error)


async def remind(ctx: ActionContext, payload: dict[str, Any]) -> None:
    """One reminder to each member who has not acknowledged: privately where the bot can,
    else in one group message that mentions them (per chat, in batches)."""
    notice_id, occurrence = int(payload["notice_id"]), int(payload.get("occurrence", 0))
    notice = await get(ctx.session, notice_id)
    if notice is None or notice.status == "cancelled" or not notice.ack_required:
        return
    catalogue, _, _ = _settings(ctx)
    links = await last_message_ids(ctx.session, notice_id, occurrence)
    brief = render.excerpt(notice.text or notice.media_kind or "")
    for group_id, user_ids in (await pending_by_group(ctx.session, notice_id)).items():
        group = await groups.get(ctx.session, group_id)
        if group is None or not group.bot_is_member or group_id not in links:
            continue
        link = library.message_link(group_id, links[group_id])
        args = {"group": group.title, "excerpt": brief, "link": link}
        await _remind_group(ctx, catalogue, group, user_ids, args, notice_id)


async def _remind_group(
    ctx: ActionContext,
    catalogue: Catalogue,
    group: GroupInfo,
    user_ids: list[int],
    args: dict[str, Any],
    notice_id: int,
) -> None:
    ack = render.ack_keyboard(catalogue, group.language, notice_id)

    def private(lang: str) -> str:
        return catalogue.text(lang, "notices-remind-private", **args)

    def in_group(mentions: str) -> str:
        return catalogue.text(
            group.language, "notices-remind-group", mentions=Markup(mentions), **args
        )

    for start in range(0, len(user_ids), MENTIONS_PER_MESSAGE):
        batch = user_ids[start : start + MENTIONS_PER_MESSAGE]
        try:
            await notify.many_private_or_one_mention(
                ctx.session, ctx.messenger, user_ids=batch, text_for=private, group_id=group.id,
                group_text=in_group, group_language=group.language, now=ctx.clock.now(),
                keyboard=ack,
            )  # fmt: skip
        except MessengerError as error:
            # One reminder, not more: a retry would repeat the ones already sent.
            log.warning("ack reminder of notice %s in %s: %s", notice_id, group.id, error)


def register(registry: ActionRegistry) -> None:
    registry.register(DELIVER_KIND, deliver)
    registry.register(REMIND_KIND, remind)
