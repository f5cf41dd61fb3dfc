"""Notices (charter 五, 三(三)): an admin's announcement, its delivery to each target chat, and
the members' acknowledgements."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, JSONDict, SurrogateKey, UTCDateTime


class NoticeStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    # The current occurrence is being delivered (at least one chat is done or under way).
    SENDING = "sending"
    SENT = "sent"
    CANCELLED = "cancelled"


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class Notice(Base):
    __tablename__ = "notices"
    __table_args__ = (
        Index("ix_notices_author_status", "author_id", "status"),
        Index("ix_notices_status_send_at", "status", "send_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    author_id: Mapped[int] = mapped_column(BigInteger)
    # HTML (the parse mode of every text the bot sends); a caption when there is media.
    text: Mapped[str] = mapped_column(Text, default="")
    media_kind: Mapped[str | None] = mapped_column(String(16), default=None)  # photo | document
    media_file_id: Mapped[str | None] = mapped_column(String(255), default=None)
    target_kind: Mapped[str] = mapped_column(String(16))  # group | kind | groups | all
    target_value: Mapped[Any] = mapped_column(JSONDict, nullable=True, default=None)
    # When the current occurrence is (or was) due; `first_send_at` anchors the repeat rule.
    send_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_send_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The wall clock a repeat keeps across DST: the first target group's timezone.
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    pin: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    ack_required: Mapped[bool] = mapped_column(Boolean, default=False)
    ack_remind_hours: Mapped[int] = mapped_column(Integer, default=24)
    repeat: Mapped[str | None] = mapped_column(String(16), default=None)  # daily|weekly|monthly
    repeat_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # 0 for the first delivery; a repeating notice counts up.
    occurrence: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default=NoticeStatus.SCHEDULED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The author's delivery report for the current occurrence went out (one per occurrence).
    report_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class NoticeDelivery(Base):
    """One occurrence of a notice in one chat."""

    __tablename__ = "notice_deliveries"
    __table_args__ = (
        Index("uq_notice_deliveries", "notice_id", "occurrence", "group_id", unique=True),
        Index("ix_notice_deliveries_group", "group_id"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    notice_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("notices.id", ondelete="CASCADE"))
    occurrence: Mapped[int] = mapped_column(Integer, default=0)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.PENDING)
    error: Mapped[str | None] = mapped_column(Text, default=None)
    # The parts sent so far, in order (a retry continues after them, never sends one twice).
    message_ids: Mapped[list[int]] = mapped_column(JSONDict, default=list)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class NoticeAck(Base):
    """A member pressed "Received" (counts for participation in the assessment)."""

    __tablename__ = "notice_acks"
    __table_args__ = (
        Index("uq_notice_acks", "notice_id", "user_id", unique=True),
        Index("ix_notice_acks_group_acked", "group_id", "acked_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    notice_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("notices.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    group_id: Mapped[int] = mapped_column(BigInteger)
    acked_at: Mapped[datetime] = mapped_column(UTCDateTime)
