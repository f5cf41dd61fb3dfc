"""Content records (charter 三, 四(二)): the material library, tracked questions and the answers
that credit their authors, the daily news quota's ledger, and each group's experts.

Author, asker and answerer ids carry no foreign key to `users`: these rows are written from
the message pipeline, which does not record every speaker as a user (that would cost the hot
path a write per member).
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, SurrogateKey, UTCDateTime


class LibraryItem(Base):
    """A file or a categorised post, findable with /materials (charter 三(一), 四(一)3)."""

    __tablename__ = "library_items"
    __table_args__ = (
        Index("uq_library_items_message", "group_id", "message_id", unique=True),
        Index("ix_library_items_group_created", "group_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    author_id: Mapped[int] = mapped_column(BigInteger)
    # A category key (organizer.content.categories); None for an untagged file.
    tag: Mapped[str | None] = mapped_column(String(32), default=None)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # document | post | link | media
    file_name: Mapped[str | None] = mapped_column(String(255), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # An admin's /feature mark: the share counts for more in its author's score.
    featured_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    featured_by: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ShareResponseKind(enum.StrEnum):
    REPLY = "reply"
    REACTION = "reaction"


class ShareResponse(Base):
    """Someone other than its author replied to or reacted to a library entry: one row per
    (entry, person, kind), so a share's quality is how many people it reached, not how many
    times one friend pressed 👍."""

    __tablename__ = "share_responses"
    __table_args__ = (
        Index("uq_share_responses_item_user_kind", "item_id", "user_id", "kind", unique=True),
        Index("ix_share_responses_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    item_id: Mapped[int] = mapped_column(
        SurrogateKey, ForeignKey("library_items.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class QuestionStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"  # another member replied
    CLOSED = "closed"  # the asker chose a best answer


class Question(Base):
    """A member's question, tracked until someone answers it (charter 四(二)2)."""

    __tablename__ = "questions"
    __table_args__ = (
        Index("uq_questions_message", "group_id", "message_id", unique=True),
        Index("ix_questions_group_status", "group_id", "status"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(BigInteger)
    asker_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)  # at most 1000 characters (the service cuts)
    status: Mapped[str] = mapped_column(String(16), default=QuestionStatus.OPEN)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The first answer by someone other than the asker.
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    answered_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    answer_message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    best_answer_message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    best_answer_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # When admins and experts were alerted that it is still unanswered.
    raised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class QuestionAnswer(Base):
    """Every reply to a question by someone other than the asker: each answerer is credited."""

    __tablename__ = "question_answers"
    __table_args__ = (
        Index("uq_question_answers_message", "question_id", "message_id", unique=True),
        Index("ix_question_answers_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    question_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("questions.id", ondelete="CASCADE")
    )
    message_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NewsPost(Base):
    """One slot of a group's daily industry-news quota (charter 三(三)2).

    A post within the quota takes its slot when it is made. A post over the quota is deferred:
    its slot on a later day is reserved at once (message_id None, deferred True), so posts made
    that day cannot take it, and the message id is filled in when the bot posts it.
    """

    __tablename__ = "news_posts"
    __table_args__ = (
        Index("ix_news_posts_group_day", "group_id", "day"),
        # NULLs are distinct on both databases, so several reservations may coexist.
        Index("uq_news_posts_message", "group_id", "message_id", unique=True),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)  # the calendar day in the group's timezone
    author_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    deferred: Mapped[bool] = mapped_column(Boolean, default=False)
    # When it appeared in the group (for a deferred post: when the slot is due, then when posted).
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GroupExpert(Base):
    """Members an unanswered question is raised to, besides the group's admins (charter 四(二))."""

    __tablename__ = "group_experts"
    __table_args__ = (Index("uq_group_experts", "group_id", "user_id", unique=True),)

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    added_by: Mapped[int | None] = mapped_column(BigInteger, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
