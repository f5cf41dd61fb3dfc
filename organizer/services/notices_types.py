"""The values the notices service takes and returns (frozen; never the ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from organizer.models.notices import Notice

DELIVER_KIND = "notice.deliver"
REMIND_KIND = "notice.ack_remind"
TARGET_KINDS = ("group", "kind", "groups", "all")
MEDIA_KINDS = ("photo", "document")
# Attempts at one chat's delivery before it is reported failed (429s are waited out inside
# one attempt by the messenger; these are for other transient errors).
DELIVER_ATTEMPTS = 5
MAX_PARTS = 10  # a longer notice is refused: nobody reads eleven messages


class NoticeError(Exception):
    """A request the service refuses; `key` and `params` are the Fluent text that says why."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class NoticeDraft:
    author_id: int
    text: str
    media_kind: str | None = None
    media_file_id: str | None = None
    target_kind: str = "group"
    target_value: Any = None
    send_at: datetime | None = None
    pin: bool = False
    confidential: bool = False
    ack_required: bool = False
    ack_remind_hours: int = 24
    repeat: str | None = None
    repeat_until: datetime | None = None


@dataclass(frozen=True)
class TargetGroup:
    group_id: int
    title: str
    kind: str | None


@dataclass(frozen=True)
class NoticeInfo:
    id: int
    author_id: int
    text: str
    media_kind: str | None
    media_file_id: str | None
    target_kind: str
    target_value: Any
    send_at: datetime
    pin: bool
    confidential: bool
    ack_required: bool
    ack_remind_hours: int
    repeat: str | None
    repeat_until: datetime | None
    status: str
    created_at: datetime
    updated_at: datetime
    report_sent_at: datetime | None
    first_send_at: datetime
    timezone: str
    occurrence: int
    # The chats of the current occurrence.
    group_ids: tuple[int, ...] = ()


class AckPerson(NamedTuple):
    user_id: int
    name: str


@dataclass(frozen=True)
class AckOutcome:
    first: bool
    notice: NoticeInfo


@dataclass(frozen=True)
class AckStatus:
    acked: list[AckPerson]
    pending: list[AckPerson]


class DeliveryRow(NamedTuple):
    group_id: int
    title: str
    status: str
    error: str | None
    pinned: bool


@dataclass(frozen=True)
class DeliveryReport:
    rows: list[DeliveryRow]
    notice: NoticeInfo | None = None
    occurrence: int = 0

    @property
    def delivered(self) -> int:
        return sum(row.status == "delivered" for row in self.rows)

    @property
    def failed(self) -> int:
        return sum(row.status == "failed" for row in self.rows)

    @property
    def pending(self) -> int:
        return sum(row.status == "pending" for row in self.rows)


@dataclass(frozen=True)
class PartEdit:
    """One message of a sent notice to edit: its new text and keyboard-needing flag."""

    chat_id: int
    message_id: int
    text: str
    last: bool


def info(row: Notice, group_ids: tuple[int, ...] = ()) -> NoticeInfo:
    return NoticeInfo(
        id=row.id,
        author_id=row.author_id,
        text=row.text,
        media_kind=row.media_kind,
        media_file_id=row.media_file_id,
        target_kind=row.target_kind,
        target_value=row.target_value,
        send_at=row.send_at,
        pin=row.pin,
        confidential=row.confidential,
        ack_required=row.ack_required,
        ack_remind_hours=row.ack_remind_hours,
        repeat=row.repeat,
        repeat_until=row.repeat_until,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        report_sent_at=row.report_sent_at,
        first_send_at=row.first_send_at,
        timezone=row.timezone,
        occurrence=row.occurrence,
        group_ids=group_ids,
    )


def deliver_key(notice_id: int, occurrence: int, group_id: int) -> str:
    return f"notice:{notice_id}:{occurrence}:{group_id}"


def remind_key(notice_id: int, occurrence: int) -> str:
    return f"notice-remind:{notice_id}:{occurrence}"
