"""Who approves joins (per group and member type), and where a join request's card goes.

The card goes to the approver the applicant chose, privately, when that approver is still in the
group and the bot can reach them; otherwise to every group admin the bot can reach privately;
when none can be reached, one card in the group showing only the applicant's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.i18n import Catalogue, Texts
from organizer.messenger import Button, Keyboard, Messenger, OutboundText, RecipientUnreachable
from organizer.models import GroupApprover, MemberRole, Membership, MemberStatus, MemberType, User
from organizer.services import admins, groups, users
from organizer.services.joining import JoinRequestInfo
from organizer.services.users import UserInfo
from organizer.timeparse import format_local

ASSIGNABLE_TYPES = (MemberType.EMPLOYEE, MemberType.PARTNER, MemberType.STUDENT)
# Packed like handlers.joining.callbacks.DecideCallback (prefix "v1jd", decision, request_id).
DECIDE_PREFIX = "v1jd"
PRESENT = (MemberStatus.ACTIVE, MemberStatus.RESTRICTED)


class ApproverError(ValueError):
    """Bad input for the approver list; `code` is a catalogue key, `params` its arguments."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class ApproverInfo:
    user_id: int
    member_type: str
    label: str | None
    name: str
    username: str | None
    present: bool


def parse_type(text: str) -> MemberType:
    value = text.strip().lower()
    for member_type in ASSIGNABLE_TYPES:
        if value == member_type.value:
            return member_type
    raise ApproverError("approvers-bad-type", value=text)


async def find_by_username(session: AsyncSession, username: str) -> UserInfo:
    """A user the bot has seen, by @username (case-insensitive); else ApproverError."""
    name = username.strip().lstrip("@")
    if not name:
        raise ApproverError("approvers-unknown-username", username=username)
    user_id = await session.scalar(
        select(User.id).where(func.lower(User.username) == name.lower()).limit(1)
    )
    found = await users.get(session, user_id) if user_id is not None else None
    if found is None:
        raise ApproverError("approvers-unknown-username", username=f"@{name}")
    return found


async def is_present(session: AsyncSession, group_id: int, user_id: int) -> bool:
    status = await session.scalar(
        select(Membership.status).where(
            Membership.group_id == group_id, Membership.user_id == user_id
        )
    )
    return status in PRESENT


async def add(
    session: AsyncSession,
    group_id: int,
    member_type: MemberType,
    user_id: int,
    *,
    label: str | None,
    added_by: int | None,
    now: datetime,
) -> bool:
    """Add (or relabel) an approver; True when they were not one before.

    An admin naming someone as approver vouches that they are in the group: Telegram gives no
    member list, so a member the bot has not yet seen join is recorded as present here."""
    await admins.ensure_membership(session, group_id, user_id, now=now)
    existing = await session.scalar(
        select(GroupApprover).where(
            GroupApprover.group_id == group_id,
            GroupApprover.member_type == member_type,
            GroupApprover.user_id == user_id,
        )
    )
    if existing is not None:
        existing.label = label[:200] if label else existing.label
        await session.flush()
        return False
    session.add(
        GroupApprover(
            group_id=group_id,
            member_type=member_type,
            user_id=user_id,
            label=label[:200] if label else None,
            added_by=added_by,
            created_at=now,
        )
    )
    await session.flush()
    return True


async def remove(
    session: AsyncSession, group_id: int, member_type: MemberType, user_id: int
) -> bool:
    removed = await session.execute(
        delete(GroupApprover)
        .where(
            GroupApprover.group_id == group_id,
            GroupApprover.member_type == member_type,
            GroupApprover.user_id == user_id,
        )
        .returning(GroupApprover.id)
    )
    return len(removed.all()) > 0


async def list_for(
    session: AsyncSession, group_id: int, member_type: str | None = None
) -> list[ApproverInfo]:
    query = select(GroupApprover).where(GroupApprover.group_id == group_id)
    if member_type is not None:
        query = query.where(GroupApprover.member_type == member_type)
    result = []
    for row in await session.scalars(query.order_by(GroupApprover.member_type, GroupApprover.id)):
        user = await users.get(session, row.user_id)
        result.append(
            ApproverInfo(
                user_id=row.user_id,
                member_type=row.member_type,
                label=row.label,
                name=user.display_name if user else str(row.user_id),
                username=user.username if user else None,
                present=await is_present(session, group_id, row.user_id),
            )
        )
    return result


async def is_approver(session: AsyncSession, group_id: int, member_type: str, user_id: int) -> bool:
    found = await session.scalar(
        select(GroupApprover.id).where(
            GroupApprover.group_id == group_id,
            GroupApprover.member_type == member_type,
            GroupApprover.user_id == user_id,
        )
    )
    return found is not None


async def admin_ids(session: AsyncSession, group_id: int) -> list[int]:
    rows = await session.scalars(
        select(Membership.user_id).where(
            Membership.group_id == group_id,
            Membership.role.in_([MemberRole.ADMIN, MemberRole.OWNER]),
            Membership.status == MemberStatus.ACTIVE,
        )
    )
    return list(rows)


def card_text(request: JoinRequestInfo, applicant: UserInfo | None, texts: Texts, tz: str) -> str:
    name = applicant.display_name if applicant else str(request.user_id)
    username = f"@{applicant.username}" if applicant and applicant.username else "-"
    lines = [
        texts("join-card-title", name=name, username=username),
        texts("join-card-type", type=texts(f"join-type-{request.member_type}")),
        texts("join-card-department", department=request.department or "-"),
        texts("join-card-voucher", voucher=request.voucher_label or "-"),
        texts("join-card-requested", when=format_local(request.requested_at, tz, texts.lang)),
    ]
    if request.answered_at is None:
        lines.append(texts("join-card-unanswered"))
    return "\n".join(lines)


def card_keyboard(request_id: int, texts: Texts) -> Keyboard:
    return (
        (
            Button(texts("join-button-approve"), f"{DECIDE_PREFIX}:approve:{request_id}"),
            Button(texts("join-button-decline"), f"{DECIDE_PREFIX}:decline:{request_id}"),
        ),
    )


@dataclass(frozen=True)
class Routing:
    routed_to: int | None  # the approver, or None: the admins
    private: tuple[int, ...]  # who got the card privately
    in_group: bool
    skipped_absent: int | None  # a chosen approver who is no longer in the group


async def _send_private(
    session: AsyncSession, messenger: Messenger, user: UserInfo, text: str, keyboard: Keyboard,
    now: datetime,
) -> bool:  # fmt: skip
    try:
        await messenger.send_text(OutboundText(user.id, text, keyboard=keyboard))
    except RecipientUnreachable:
        await users.mark_private_unreachable(session, user.id, now=now)
        return False
    return True


async def route_card(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    request: JoinRequestInfo,
    *,
    now: datetime,
    to_admins: bool = False,
    note_key: str | None = None,
) -> Routing:
    """Send the card to the chosen approver, else to the admins (see the module's docstring)."""
    group = await groups.get(session, request.group_id)
    if group is None:
        raise LookupError(request.group_id)
    applicant = await users.get(session, request.user_id)
    skipped = None
    if not to_admins and request.voucher_id is not None:
        voucher = await users.get(session, request.voucher_id)
        if not await is_present(session, group.id, request.voucher_id):
            skipped = request.voucher_id
        elif voucher is not None and voucher.can_message_privately:
            texts = catalogue.for_language(voucher.language_or(group.language))
            text = card_text(request, applicant, texts, group.timezone)
            if await _send_private(
                session, messenger, voucher, text, card_keyboard(request.id, texts), now
            ):
                return Routing(voucher.id, (voucher.id,), False, None)
    delivered = []
    for admin_id in await admin_ids(session, group.id):
        admin = await users.get(session, admin_id)
        if admin is None or not admin.can_message_privately:
            continue
        texts = catalogue.for_language(admin.language_or(group.language))
        text = card_text(request, applicant, texts, group.timezone)
        if skipped is not None:
            text += "\n" + texts("join-card-approver-left", name=await _name(session, skipped))
        if note_key:
            text += "\n" + texts(note_key)
        keyboard = card_keyboard(request.id, texts)
        if await _send_private(session, messenger, admin, text, keyboard, now):
            delivered.append(admin_id)
    if delivered:
        return Routing(None, tuple(delivered), False, skipped)
    texts = catalogue.for_language(group.language)
    name = applicant.display_name if applicant else str(request.user_id)
    await messenger.send_text(
        OutboundText(
            group.id, texts("join-card-group", name=name), keyboard=card_keyboard(request.id, texts)
        )
    )
    return Routing(None, (), True, skipped)


async def _name(session: AsyncSession, user_id: int) -> str:
    user = await users.get(session, user_id)
    return user.display_name if user else str(user_id)


async def tell_applicant(
    session: AsyncSession,
    messenger: Messenger,
    catalogue: Catalogue,
    request: JoinRequestInfo,
    key: str,
    *,
    now: datetime,
    **args: str,
) -> bool:
    """The outcome, privately; if the applicant cannot be reached, that is recorded, no more."""
    group = await groups.get(session, request.group_id)
    applicant = await users.get(session, request.user_id)
    fallback = group.language if group else catalogue.default
    lang = applicant.language_or(fallback) if applicant else fallback
    text = catalogue.text(lang, key, group=group.title if group else "", **args)
    try:
        await messenger.send_text(OutboundText(request.user_id, text))
    except RecipientUnreachable:
        await users.mark_private_unreachable(session, request.user_id, now=now)
        return False
    return True
