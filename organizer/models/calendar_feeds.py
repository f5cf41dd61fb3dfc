"""Calendar subscription links: a secret token per member and feed, revocable.

The token is stored as issued (not hashed) so /calendar can show the same link again: hashing
would force a new link (and a broken subscription) every time a member asks to see it, and a
database leak already exposes the activities themselves; a leaked link is revoked instead.

`active_key` says which feed an active token serves ("member:<user>" or
"group:<group>:<user>") and is NULL once the token is revoked. Its unique index keeps one
active token per feed on SQLite and PostgreSQL alike, without partial indexes, while revoked
rows (NULL keys) are kept for the record.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, SurrogateKey, UTCDateTime


class FeedKind(enum.StrEnum):
    GROUP = "group"  # one group's activities
    MEMBER = "member"  # "my activities": what the member goes to or organises, in any group


class CalendarFeedToken(Base):
    __tablename__ = "calendar_feed_tokens"
    __table_args__ = (
        Index("uq_calendar_feed_tokens_token", "token", unique=True),
        Index("uq_calendar_feed_tokens_active_key", "active_key", unique=True),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    token: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), default=None
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    active_key: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Written at most hourly: a calendar app polls often, and a write per fetch is waste.
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
