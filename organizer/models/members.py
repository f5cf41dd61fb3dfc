"""Joining, welcome, suggestions and account-safety records (charter 二, 五(二)5, 六(一))."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, SurrogateKey, UTCDateTime


class MemberType(enum.StrEnum):
    """Charter 二(一): employees are approved by their department head, partners and students
    by their business contact."""

    EMPLOYEE = "employee"
    PARTNER = "partner"
    STUDENT = "student"
    UNKNOWN = "unknown"


class JoinRequestStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    # Declined by the deadline (default 72 h), or withdrawn in Telegram.
    EXPIRED = "expired"


class JoinRequest(Base):
    __tablename__ = "join_requests"
    __table_args__ = (Index("ix_join_requests_group_status", "group_id", "status"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=JoinRequestStatus.PENDING)
    member_type: Mapped[str] = mapped_column(String(16), default=MemberType.UNKNOWN)
    department: Mapped[str | None] = mapped_column(String(200), default=None)
    # Who vouches: an approver's user id, or what the applicant typed (e.g. "@zhang").
    voucher_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    voucher_text: Mapped[str | None] = mapped_column(String(200), default=None)
    # The approver the card went to (None: the group's admins).
    routed_to: Mapped[int | None] = mapped_column(BigInteger, default=None)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    decided_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    invite_link: Mapped[str | None] = mapped_column(String(200), default=None)
    # The applicant may be written to for 5 minutes after the request (user_chat_id).
    answers_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GroupApprover(Base):
    """Who approves joins of a member type in a group (department heads, business contacts)."""

    __tablename__ = "group_approvers"
    __table_args__ = (
        Index("uq_group_approvers", "group_id", "member_type", "user_id", unique=True),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    member_type: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    label: Mapped[str | None] = mapped_column(String(200), default=None)  # e.g. the department
    added_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Feedback(Base):
    """A member's suggestion to the group's admins (charter 五(二)5)."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), default=None, index=True
    )
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | handled
    reply: Mapped[str | None] = mapped_column(Text, default=None)
    handled_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LostAccountReport(Base):
    """Charter 六(一)2: a member reports a compromised account."""

    __tablename__ = "lost_account_reports"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    reporter_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    reported_user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    restricted_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    restricted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
