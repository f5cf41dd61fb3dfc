"""Moderation records (charter 四(三), 五, 八(一)): violations and their sanctions, the audit
trail of every moderation action, members' reports, per-group block-word changes and where the
admin log goes.

`user_id` columns here carry no foreign key to `users`: the bot may act on a sender it has
never recorded (its first message is the offending one), and the record must still be written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, JSONDict, SurrogateKey, UTCDateTime


class Violation(Base):
    """One broken rule by one member; undone violations are kept (marked) for the record."""

    __tablename__ = "violations"
    __table_args__ = (
        # The escalation ladder counts a member's violations in a window on every hit.
        Index("ix_violations_group_user_created", "group_id", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    rule: Mapped[str] = mapped_column(String(64))  # e.g. "banned.gambling", "manual.warn"
    category: Mapped[str] = mapped_column(String(32))
    charter_ref: Mapped[str | None] = mapped_column(String(32), default=None)  # e.g. "四(三)"
    evidence: Mapped[str | None] = mapped_column(String(255), default=None)
    message_text: Mapped[str | None] = mapped_column(Text, default=None)  # up to 4096
    message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    by_user_id: Mapped[int | None] = mapped_column(BigInteger, default=None)  # None: automatic
    sanction: Mapped[str] = mapped_column(String(16))  # warn | mute | kick | ban | none
    sanction_until: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    undone_by: Mapped[int | None] = mapped_column(BigInteger, default=None)


class AuditEntry(Base):
    """Who did what to whom: every moderation action, automatic (actor None) or by an admin."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_group_created", "group_id", "created_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    # None: an organisation-wide action (e.g. setting the organisation's log chat).
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), default=None
    )
    actor_id: Mapped[int | None] = mapped_column(BigInteger, default=None)  # None: the bot
    action: Mapped[str] = mapped_column(String(32))  # delete, warn, mute, report.dismiss, ...
    target_user_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    violation_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("violations.id", ondelete="SET NULL"), default=None
    )
    details: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Report(Base):
    """A member's /report of a message. One row per reported message: later reports of the
    same message merge into it (a vote each), and once handled it stays handled."""

    __tablename__ = "message_reports"
    __table_args__ = (
        UniqueConstraint("group_id", "message_id"),
        Index("ix_message_reports_group_status", "group_id", "status"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    reported_user_id: Mapped[int] = mapped_column(BigInteger)
    message_text: Mapped[str | None] = mapped_column(Text, default=None)
    first_reporter_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|deleted|warned|...
    handled_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # The admin-log cards showing this report, [[chat_id, message_id], ...], edited on handling.
    cards: Mapped[list[list[int]]] = mapped_column(JSONDict, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReportVote(Base):
    """One reporter of a report (a row each, so two reporters at once both count)."""

    __tablename__ = "message_report_votes"
    __table_args__ = (UniqueConstraint("report_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    report_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("message_reports.id", ondelete="CASCADE")
    )
    reporter_id: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(String(255), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BlockWord(Base):
    """A group's change to the default lexicon: mode "add" adds a term, "remove" drops a
    default one. One row per term, so the latest decision wins."""

    __tablename__ = "block_words"
    __table_args__ = (UniqueConstraint("group_id", "category", "term"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(16))
    term: Mapped[str] = mapped_column(String(50))
    mode: Mapped[str] = mapped_column(String(8))  # add | remove
    added_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AdminLogChat(Base):
    """Where moderation cards go. `scope` is the group id, or ORG_SCOPE (0, never a Telegram
    chat id) for the organisation-wide log; a plain key rather than a nullable group_id because
    NULLs are never equal in a unique index, so "one organisation row" could not be enforced."""

    __tablename__ = "admin_log_chats"

    scope: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    set_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)


ORG_SCOPE = 0
