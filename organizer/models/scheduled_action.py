from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, JSONDict, SurrogateKey, UTCDateTime


class ActionStatus(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ScheduledAction(Base):
    """Every timed thing the bot does is one row here, written with the change that causes it.

    The scheduler claims due rows atomically, runs them through the action registry and marks them
    done, so a restart loses nothing and two schedulers never run one action twice.
    """

    __tablename__ = "scheduled_actions"
    __table_args__ = (Index("ix_scheduled_actions_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default=ActionStatus.PENDING)
    # Optional natural key, so the same reminder is never scheduled twice ("reminder:42:24h").
    dedupe_key: Mapped[str | None] = mapped_column(String(128), unique=True, default=None)
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), default=None, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ActionReceipt(Base):
    """One recipient an action has already reached, committed right after the send, so an
    action retried or reclaimed after a crash skips them instead of sending a second copy."""

    __tablename__ = "action_receipts"
    __table_args__ = (
        Index(
            "uq_action_receipts_action_recipient",
            "action_id",
            "recipient_id",
            "ordinal",
            unique=True,
        ),  # fmt: skip
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    action_id: Mapped[int] = mapped_column(
        SurrogateKey, ForeignKey("scheduled_actions.id", ondelete="CASCADE")
    )
    recipient_id: Mapped[int] = mapped_column(BigInteger)  # a user or a group chat
    # The how-many-th send to this recipient within the action (a summary, then a mention).
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
