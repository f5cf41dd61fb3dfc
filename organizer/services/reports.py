"""Members' reports of messages (charter 八(一)): `/report` by reply sends the message to the
admins with actions (delete, warn, mute, dismiss).

One report per reported message: a later /report of the same message merges into it (one vote
per reporter), so the admins see one card with a count, not a card per reporter. Once handled,
a report stays handled; reporting that message again is answered with how it was handled.
The first admin to press an action handles it; a later press is told who did.

Reporting an admin is refused by the handler, which knows the admins, e.g.:

    if await admins.is_group_admin(session, group_id, reported_id, org_admin_ids=org_ids):
        ...  # answer texts("moderation-admin-report-admin")
    outcome = await reports.file(session, group_id=..., reporter_id=..., ...)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent, lock_one
from organizer.models.moderation import Report, ReportVote

OPEN = "open"
# The admin's action and the status it leaves the report in.
RESOLUTIONS = {"delete": "deleted", "warn": "warned", "mute": "muted", "dismiss": "dismissed"}
MAX_TEXT, MAX_REASON = 4096, 255


class ReportError(ValueError):
    """A report the bot refuses; `key` is a catalogue key (moderation_admin.ftl)."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class ReportInfo:
    id: int
    group_id: int
    message_id: int
    reported_user_id: int
    message_text: str | None
    first_reporter_id: int
    reporter_ids: tuple[int, ...]  # in the order they reported
    reasons: tuple[str, ...]  # the non-empty reasons given, in the same order
    status: str  # open | deleted | warned | muted | dismissed
    handled_by: int | None
    handled_at: datetime | None
    created_at: datetime
    cards: tuple[tuple[int, int], ...]  # (chat_id, message_id) of the admin cards to edit


@dataclass(frozen=True)
class ReportOutcome:
    report_id: int
    merged: bool  # the message had been reported before: edit its cards, send no new one
    reporter_count: int
    already_handled_status: str | None  # set when the report was handled already
    already_reported: bool = False  # this reporter had reported it before (nothing counted)


@dataclass(frozen=True)
class ResolveOutcome:
    status: str
    first: bool  # False: someone had handled it already; `handled_by` says who
    handled_by: int | None
    report: ReportInfo


async def _votes(session: AsyncSession, report_ids: list[int]) -> dict[int, list[ReportVote]]:
    rows = await session.scalars(
        select(ReportVote).where(ReportVote.report_id.in_(report_ids)).order_by(ReportVote.id)
    )
    found: dict[int, list[ReportVote]] = defaultdict(list)
    for row in rows:
        found[row.report_id].append(row)
    return found


def _info(row: Report, votes: list[ReportVote]) -> ReportInfo:
    return ReportInfo(
        row.id, row.group_id, row.message_id, row.reported_user_id, row.message_text,
        row.first_reporter_id, tuple(vote.reporter_id for vote in votes),
        tuple(vote.reason for vote in votes if vote.reason), row.status, row.handled_by,
        row.handled_at, row.created_at, tuple((chat, message) for chat, message in row.cards),
    )  # fmt: skip


async def file(
    session: AsyncSession,
    *,
    group_id: int,
    message_id: int,
    reported_user_id: int,
    message_text: str | None,
    reporter_id: int,
    reason: str | None,
    now: datetime,
) -> ReportOutcome:
    """File (or merge into) the report of a message. Raises ReportError for one's own message."""
    if reporter_id == reported_user_id:
        raise ReportError("moderation-admin-report-self")
    values: dict[str, Any] = {
        "group_id": group_id, "message_id": message_id, "reported_user_id": reported_user_id,
        "message_text": message_text[:MAX_TEXT] if message_text else None,
        "first_reporter_id": reporter_id, "status": OPEN, "cards": [], "created_at": now,
    }  # fmt: skip
    # Two reporters at once: the unique key makes one row, the lock counts them one by one.
    await insert_if_absent(session, Report, values, key=["group_id", "message_id"])
    report = await lock_one(
        session, Report, Report.group_id == group_id, Report.message_id == message_id
    )
    assert report is not None
    voters = [vote.reporter_id for vote in (await _votes(session, [report.id]))[report.id]]
    already = reporter_id in voters
    if report.status != OPEN:
        return ReportOutcome(report.id, True, len(voters), report.status, already)
    if not already:
        reason = reason.strip()[:MAX_REASON] if reason else None
        session.add(ReportVote(report_id=report.id, reporter_id=reporter_id,
                               reason=reason or None, created_at=now))  # fmt: skip
        await session.flush()
    count = len(voters) if already else len(voters) + 1
    return ReportOutcome(report.id, bool(voters), count, None, already)


async def resolve(
    session: AsyncSession, report_id: int, *, action: str, by_user_id: int, now: datetime
) -> ResolveOutcome:
    """Handle a report. `action` is "delete" | "warn" | "mute" | "dismiss" (or the status it
    leads to). Only the first press changes anything. Raises LookupError, ValueError."""
    status = RESOLUTIONS.get(action, action)
    if status not in RESOLUTIONS.values():
        raise ValueError(f"unknown report action {action!r}")
    row = await lock_one(session, Report, Report.id == report_id)
    if row is None:
        raise LookupError(report_id)
    first = row.status == OPEN
    if first:
        row.status, row.handled_by, row.handled_at = status, by_user_id, now
        await session.flush()
    votes = (await _votes(session, [row.id]))[row.id]
    return ResolveOutcome(row.status, first, row.handled_by, _info(row, votes))


async def add_card(session: AsyncSession, report_id: int, chat_id: int, message_id: int) -> None:
    """Remember an admin card showing the report, to edit when the report changes."""
    row = await lock_one(session, Report, Report.id == report_id)
    if row is None:
        raise LookupError(report_id)
    if [chat_id, message_id] not in row.cards:
        # A new list, not an in-place append: the JSON column only sees reassignment.
        row.cards = [*row.cards, [chat_id, message_id]]
        await session.flush()


async def get(session: AsyncSession, report_id: int) -> ReportInfo | None:
    row = await session.get(Report, report_id)
    if row is None:
        return None
    return _info(row, (await _votes(session, [row.id]))[row.id])


async def open_reports(session: AsyncSession, group_id: int) -> list[ReportInfo]:
    """The group's reports still waiting for an admin, oldest first."""
    rows = list(
        await session.scalars(
            select(Report)
            .where(Report.group_id == group_id, Report.status == OPEN)
            .order_by(Report.created_at, Report.id)
        )
    )
    votes = await _votes(session, [row.id for row in rows])
    return [_info(row, votes[row.id]) for row in rows]
