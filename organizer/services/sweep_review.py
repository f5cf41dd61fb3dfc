"""The inactivity sweep's review card: one card to the admins listing the silent members, with
Remove all / Remove selected / Keep. The open review lives in the group's settings under
`inactive_review` (its id makes older cards stale; `handled_by` answers a second admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import lock_one
from organizer.i18n import Catalogue, Markup
from organizer.messenger import Button, Keyboard, Messenger, OutboundText, RecipientUnreachable
from organizer.models import Group, Membership, MemberStatus
from organizer.services import notify, users
from organizer.services.sweep import SweepPolicy, group_admin_ids, member_names

REVIEW_KEY = "inactive_review"
CALLBACK_PREFIX = "v1sw"


def review_callback(action: str, group_id: int, review_id: int, user_id: int = 0) -> str:
    return f"{CALLBACK_PREFIX}:{action}:{group_id}:{review_id}:{user_id}"


def _review(group: Group) -> dict[str, Any] | None:
    review = (group.settings or {}).get(REVIEW_KEY)
    return dict(review) if isinstance(review, dict) else None


def _save_review(group: Group, review: dict[str, Any], now: datetime) -> None:
    group.settings = {**(group.settings or {}), REVIEW_KEY: review}
    group.updated_at = now


async def open_review_covers(session: AsyncSession, group: Group, user_ids: list[int]) -> bool:
    review = _review(group)
    return bool(
        review and review.get("handled_by") is None and set(user_ids) <= set(review["user_ids"])
    )


def review_keyboard(
    catalogue: Catalogue, lang: str, group_id: int, review: dict[str, Any], names: dict[int, str]
) -> Keyboard:
    rid, selected = int(review["id"]), set(review["selected"])
    rows: list[tuple[Button, ...]] = [
        (Button(("☑ " if uid in selected else "⬜ ") + names.get(uid, str(uid)),
                review_callback("t", group_id, rid, uid)),)
        for uid in review["user_ids"]
    ]  # fmt: skip

    def button(key: str, action: str) -> Button:
        return Button(catalogue.text(lang, key), review_callback(action, group_id, rid))

    rows.append(
        (
            button("members-review-remove-all", "all"),
            button("members-review-remove-selected", "sel"),
        )
    )
    rows.append((button("members-review-keep", "keep"),))
    return tuple(rows)


def review_text(catalogue: Catalogue, lang: str, group: Group, names: dict[int, str]) -> str:
    policy = SweepPolicy.of(group.settings or {})
    listing = "\n".join(f"• {notify.mention(uid, name)}" for uid, name in names.items())
    return catalogue.text(
        lang, "members-review-card", group=group.title, days=policy.days + policy.grace,
        count=len(names), names=Markup(listing),
    )  # fmt: skip


async def send_review(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    group: Group,
    user_ids: list[int],
    now: datetime,
) -> dict[str, Any]:
    previous = _review(group) or {}
    review: dict[str, Any] = {
        "id": int(previous.get("id", 0)) + 1, "user_ids": user_ids, "selected": [],
        "cards": [], "handled_by": None, "at": now.isoformat(),
    }  # fmt: skip
    names = await member_names(session, user_ids)
    for admin_id in await group_admin_ids(session, group.id):
        user = await users.get(session, admin_id)
        if user is None or not user.can_message_privately:
            continue
        lang = user.language_or(group.language)
        try:
            sent = await messenger.send_text(OutboundText(
                admin_id, review_text(catalogue, lang, group, names),
                keyboard=review_keyboard(catalogue, lang, group.id, review, names),
            ))  # fmt: skip
        except RecipientUnreachable:
            await users.mark_private_unreachable(session, admin_id, now=now)
            continue
        review["cards"].append([sent.chat_id, sent.message_id])
    if not review["cards"]:  # no admin reachable privately: the card goes to the group
        lang = group.language
        sent = await messenger.send_text(OutboundText(
            group.id, review_text(catalogue, lang, group, names),
            keyboard=review_keyboard(catalogue, lang, group.id, review, names),
        ))  # fmt: skip
        review["cards"].append([sent.chat_id, sent.message_id])
    # Re-read under the lock: an admin may have changed a setting while the cards went out.
    locked = await lock_one(session, Group, Group.id == group.id)
    _save_review(locked or group, review, now)
    return review


@dataclass(frozen=True)
class ReviewOutcome:
    status: str  # ok | stale | handled
    group: Group | None = None
    review: dict[str, Any] | None = None
    remove: tuple[int, ...] = ()
    keep: tuple[int, ...] = ()
    handled_by: int | None = None


async def _open(session: AsyncSession, group_id: int, review_id: int) -> ReviewOutcome:
    # Locked: the review lives in the group's settings, and two admins may press at once.
    group = await lock_one(session, Group, Group.id == group_id)
    review = _review(group) if group else None
    if group is None or review is None or int(review["id"]) != review_id:
        return ReviewOutcome("stale")
    if review.get("handled_by") is not None:
        return ReviewOutcome("handled", group, review, handled_by=int(review["handled_by"]))
    return ReviewOutcome("ok", group, review)


async def toggle(
    session: AsyncSession, group_id: int, review_id: int, user_id: int, *, now: datetime
) -> ReviewOutcome:
    outcome = await _open(session, group_id, review_id)
    if outcome.status != "ok" or outcome.group is None or outcome.review is None:
        return outcome
    review = outcome.review
    if user_id in review["user_ids"]:
        selected = set(review["selected"]) ^ {user_id}
        review["selected"] = [uid for uid in review["user_ids"] if uid in selected]
        _save_review(outcome.group, review, now)
    return ReviewOutcome("ok", outcome.group, review)


async def decide(
    session: AsyncSession, group_id: int, review_id: int, action: str, admin_id: int,
    *, now: datetime,
) -> ReviewOutcome:  # fmt: skip
    """Remove all / selected (the rest are kept) or keep everyone: kept members start a new
    silence period. Returns whom the caller must kick, then `mark_removed`."""
    outcome = await _open(session, group_id, review_id)
    if outcome.status != "ok" or outcome.group is None or outcome.review is None:
        return outcome
    review = outcome.review
    chosen = {"all": set(review["user_ids"]), "sel": set(review["selected"])}.get(action, set())
    rows = await session.scalars(
        select(Membership).where(
            Membership.group_id == group_id,
            Membership.user_id.in_(review["user_ids"]),
            Membership.status == MemberStatus.ACTIVE,
            Membership.inactivity_reminded_at.is_not(None),  # spoke since: no longer silent
        )
    )
    remove, keep = [], []
    for member in rows:
        if member.user_id in chosen:
            remove.append(member.user_id)
        else:
            keep.append(member.user_id)
            member.inactivity_reminded_at, member.last_active_at = None, now
            member.updated_at = now
    review["handled_by"], review["action"] = admin_id, action
    _save_review(outcome.group, review, now)
    await session.flush()
    return ReviewOutcome("ok", outcome.group, review, tuple(sorted(remove)), tuple(sorted(keep)))


async def review_names(session: AsyncSession, review: dict[str, Any]) -> dict[int, str]:
    return await member_names(session, [int(uid) for uid in review["user_ids"]])
