from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from organizer.database import Base, UTCDateTime


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    username: Mapped[str | None] = mapped_column(String(64), default=None)
    first_name: Mapped[str] = mapped_column(String(255), default="")
    last_name: Mapped[str | None] = mapped_column(String(255), default=None)
    # The language the user chose with /lang; None means "follow Telegram's language_code".
    language: Mapped[str | None] = mapped_column(String(8), default=None)
    telegram_language: Mapped[str | None] = mapped_column(String(16), default=None)
    # Private messages work only after the user has started the bot and not blocked it.
    started_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    private_unreachable_since: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
