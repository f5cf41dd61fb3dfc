"""Assessment records (charter 八(二)): per member and day, how much they spoke in a group.

`member_daily_activity` is fed by the in-memory activity tracker's batched flush (one UPSERT
per flush that adds to the counters), never by the message pipeline directly, so a plain
group message costs no write. Scores and statistics read these aggregates instead of raw
messages. `day` is the calendar day in the group's timezone at the time of the flush.

user_id carries no foreign key to `users`: not every speaker is recorded as a user.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, SurrogateKey, UTCDateTime


class MemberDailyActivity(Base):
    __tablename__ = "member_daily_activity"
    __table_args__ = (
        Index("uq_member_daily_activity", "group_id", "user_id", "day", unique=True),
        Index("ix_member_daily_activity_group_day", "group_id", "day"),
    )

    id: Mapped[int] = mapped_column(SurrogateKey, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("groups.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(BigInteger)
    day: Mapped[date] = mapped_column(Date)  # the calendar day in the group's timezone
    messages: Mapped[int] = mapped_column(Integer, default=0)
    replies: Mapped[int] = mapped_column(Integer, default=0)  # of which replies to a message
    first_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    last_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
