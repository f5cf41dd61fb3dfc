from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, SurrogateKey, UTCDateTime


class MemberRole(enum.StrEnum):
    MEMBER = "member"
    ADMIN = "admin"
    OWNER = "owner"


class MemberStatus(enum.StrEnum):
    ACTIVE = "active"
    RESTRICTED = "restricted"
    LEFT = "left"
    KICKED = "kicked"
    BANNED = "banned"


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("group_id", "user_id"),
        Index("ix_memberships_group_role", "group_id", "role"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16), default=MemberRole.MEMBER)
    status: Mapped[str] = mapped_column(String(16), default=MemberStatus.ACTIVE)
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_active_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # How they arrived: request (approved join request) | added | link | unknown.
    joined_via: Mapped[str] = mapped_column(String(16), default="unknown")
    member_type: Mapped[str] = mapped_column(String(16), default="unknown")
    department: Mapped[str | None] = mapped_column(String(200), default=None)
    # Rules acceptance: the version accepted (0: never); new members are restricted until then.
    rules_version_accepted: Mapped[int] = mapped_column(Integer, default=0)
    rules_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    welcome_message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # /away: exempt from the inactivity sweep until then.
    away_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    inactivity_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
