from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, JSONDict, UTCDateTime


class GroupKind(enum.StrEnum):
    """The charter's three kinds of group (charter 一(二)); the kind selects default policies."""

    PROJECT = "project"
    STUDENT_SERVICE = "student_service"
    INDUSTRY_EXCHANGE = "industry_exchange"


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(255))
    # None until an admin has run /setup.
    kind: Mapped[str | None] = mapped_column(String(32), default=None)
    timezone: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    rules_text: Mapped[str | None] = mapped_column(Text, default=None)
    # Bumped by /setrules; members are asked to acknowledge each new version.
    rules_version: Mapped[int] = mapped_column(Integer, default=1)
    bot_is_member: Mapped[bool] = mapped_column(Boolean, default=True)
    setup_completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
