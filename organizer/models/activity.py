from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, JSONDict, SurrogateKey, UTCDateTime


class ActivityKind(enum.StrEnum):
    """Charter 七(一)1: online seminars, experience sharing, case analysis (and others)."""

    SEMINAR = "seminar"
    SHARING = "sharing"
    CASE_ANALYSIS = "case_analysis"
    OTHER = "other"


class ActivityStatus(enum.StrEnum):
    PENDING_APPROVAL = "pending_approval"
    CHANGES_REQUESTED = "changes_requested"
    REJECTED = "rejected"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    # Survey closed and summary posted.
    COMPLETED = "completed"


class Activity(Base):
    """One occurrence of an activity; a recurring series is one row per occurrence
    (each with its own RSVPs), linked by series_id (the first occurrence's id)."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_group_start", "group_id", "starts_at"),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    proposer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    series_id: Mapped[int | None] = mapped_column(BigInteger, default=None, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str | None] = mapped_column(String(300), default=None)
    online_url: Mapped[str | None] = mapped_column(String(500), default=None)
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    rsvp_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    coordinator: Mapped[str | None] = mapped_column(String(200), default=None)
    # [{"time": "19:30" | null, "topic": str, "speaker": str | null}, ...]
    agenda: Mapped[list[dict[str, Any]]] = mapped_column(JSONDict, default=list)
    # Minutes before start, e.g. [1440, 60].
    reminder_minutes: Mapped[list[int]] = mapped_column(JSONDict, default=list)
    # {"interval_weeks": 1, "until": iso date} for the series' first row; informational.
    recurrence: Mapped[dict[str, Any] | None] = mapped_column(JSONDict, default=None)
    status: Mapped[str] = mapped_column(String(24), default=ActivityStatus.PENDING_APPROVAL)
    review_note: Mapped[str | None] = mapped_column(Text, default=None)
    reviewed_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    announcement_message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # iCalendar SEQUENCE: bumped on every change calendars should pick up.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Bumped by every RSVP change: the first write of the RSVP transaction, so it doubles as a
    # per-activity lock on both SQLite (write lock) and PostgreSQL (row lock).
    rsvp_version: Mapped[int] = mapped_column(Integer, default=0)
    checkin_code: Mapped[str | None] = mapped_column(String(8), default=None)
    organizer_notes: Mapped[str | None] = mapped_column(Text, default=None)
    survey_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    summary_posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RsvpStatus(enum.StrEnum):
    GOING = "going"
    MAYBE = "maybe"
    NO = "no"
    WAITLIST = "waitlist"


class Rsvp(Base):
    __tablename__ = "rsvps"
    __table_args__ = (Index("uq_rsvps_activity_user", "activity_id", "user_id", unique=True),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    activity_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("activities.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    # Order on the waitlist: the activity's rsvp_version when the member joined it.
    waitlist_position: Mapped[int | None] = mapped_column(Integer, default=None)
    # After a time change, those going are asked to confirm again.
    needs_reconfirm: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Attendance(Base):
    """A check-in (or an organizer's correction), and the survey sent because of it."""

    __tablename__ = "attendances"
    __table_args__ = (Index("uq_attendances_activity_user", "activity_id", "user_id", unique=True),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    activity_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("activities.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    present: Mapped[bool] = mapped_column(default=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    late: Mapped[bool] = mapped_column(default=False)
    method: Mapped[str] = mapped_column(String(16))  # button | code | admin
    marked_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    survey_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    survey_private: Mapped[bool | None] = mapped_column(default=None)
    survey_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SurveyResponse(Base):
    __tablename__ = "survey_responses"
    __table_args__ = (
        Index("uq_survey_responses_activity_user", "activity_id", "user_id", unique=True),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    activity_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("activities.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    overall: Mapped[int | None] = mapped_column(Integer, default=None)
    content: Mapped[int | None] = mapped_column(Integer, default=None)
    organisation: Mapped[int | None] = mapped_column(Integer, default=None)
    good: Mapped[str | None] = mapped_column(Text, default=None)
    improve: Mapped[str | None] = mapped_column(Text, default=None)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ActivityDraft(Base):
    """The proposal form as it grows: one open draft per proposer, saved at every step."""

    __tablename__ = "activity_drafts"

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), unique=True)
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), default=None
    )
    # The activity this draft revises (after "ask for changes"), if any.
    activity_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSONDict, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
