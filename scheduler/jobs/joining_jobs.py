"""Join requests' timed steps: routing an unanswered request to the admins when the 5-minute
window closes (`join.route_unanswered`), escalating to the admins (`join.escalate`, group setting
`join_escalate_hours`, default 24) and declining it (`join.expire`, `join_decline_hours`, 72)."""

from __future__ import annotations

import logging
from typing import Any

from organizer.config import Settings
from organizer.i18n import Catalogue, shared_catalogue
from organizer.models import JoinRequestStatus
from organizer.services import approvers, joining
from organizer.services.joining import JoinRequestInfo
from scheduler.registry import ActionContext, ActionRegistry

log = logging.getLogger(__name__)


def _catalogue(ctx: ActionContext) -> Catalogue:
    default = ctx.settings.default_language if isinstance(ctx.settings, Settings) else "zh"
    return shared_catalogue(default)


async def _pending(ctx: ActionContext, payload: dict[str, Any]) -> JoinRequestInfo | None:
    request = await joining.lock(ctx.session, int(payload["request_id"]))
    return request if request is not None and request.is_pending else None


async def route_unanswered(ctx: ActionContext, payload: dict[str, Any]) -> None:
    """The applicant did not finish the questions: the admins get what is known."""
    request = await _pending(ctx, payload)
    if request is None or request.answered_at is not None:
        return
    now = ctx.clock.now()
    await approvers.route_card(
        ctx.session, ctx.messenger, _catalogue(ctx), request, now=now, to_admins=True
    )
    await joining.set_routed(ctx.session, request.id, None, now=now)


async def escalate(ctx: ActionContext, payload: dict[str, Any]) -> None:
    request = await _pending(ctx, payload)
    if request is None:
        return
    now = ctx.clock.now()
    await approvers.route_card(
        ctx.session, ctx.messenger, _catalogue(ctx), request, now=now, to_admins=True,
        note_key="join-card-escalated",
    )  # fmt: skip
    await joining.mark_escalated(ctx.session, request.id, now=now)


async def expire(ctx: ActionContext, payload: dict[str, Any]) -> None:
    request = await _pending(ctx, payload)
    if request is None:
        return
    now = ctx.clock.now()
    gate = joining.gate()
    if gate is None:
        log.warning(
            "no JoinGate registered: request %s expires without telling Telegram", request.id
        )
    else:
        try:
            await gate.decline_join_request(request.group_id, request.user_id)
        except Exception as error:  # withdrawn or handled in Telegram: the record still expires
            log.warning("join request %s: Telegram refused the decline: %s", request.id, error)
    expired = await joining.decide(
        ctx.session, request.id, approve=False, by=None, reason="expired", now=now,
        status=JoinRequestStatus.EXPIRED,
    )  # fmt: skip
    await approvers.tell_applicant(
        ctx.session, ctx.messenger, _catalogue(ctx), expired, "join-outcome-expired", now=now
    )


def register(registry: ActionRegistry) -> None:
    """Register this feature's scheduled-action handlers."""
    registry.register(joining.ROUTE_UNANSWERED, route_unanswered)
    registry.register(joining.ESCALATE, escalate)
    registry.register(joining.EXPIRE, expire)
