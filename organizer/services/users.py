"""Who a user is to the bot: names, chosen language, and whether they can be messaged privately."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.database import insert_if_absent
from organizer.i18n import normalize_language
from organizer.models import User


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str | None
    first_name: str
    last_name: str | None
    language: str | None
    telegram_language: str | None
    started_bot: bool
    private_unreachable_since: datetime | None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or str(self.id)

    @property
    def can_message_privately(self) -> bool:
        return self.started_bot and self.private_unreachable_since is None

    def language_or(self, default: str) -> str:
        """The language to speak to this user: their /lang choice, else Telegram's, else default."""
        return self.language or normalize_language(self.telegram_language, default)


@dataclass(frozen=True)
class TelegramProfile:
    """The parts of a Telegram user the bot keeps."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = None


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        first_name=user.first_name,
        last_name=user.last_name,
        language=user.language,
        telegram_language=user.telegram_language,
        started_bot=user.started_bot,
        private_unreachable_since=user.private_unreachable_since,
    )


async def remember(session: AsyncSession, profile: TelegramProfile, *, now: datetime) -> UserInfo:
    """Insert or refresh a user from what Telegram tells us about them."""
    await insert_if_absent(
        session,
        User,
        {
            "id": profile.id,
            "first_name": "",
            "started_bot": False,
            "created_at": now,
            "updated_at": now,
        },
        key=["id"],
    )
    user = await session.get(User, profile.id)
    assert user is not None
    user.first_name = profile.first_name[:255]
    user.last_name = profile.last_name[:255] if profile.last_name else None
    user.username = profile.username
    if profile.language_code:
        user.telegram_language = profile.language_code[:16]
    user.updated_at = now
    await session.flush()
    return _info(user)


async def get(session: AsyncSession, user_id: int) -> UserInfo | None:
    user = await session.get(User, user_id)
    return _info(user) if user else None


async def mark_started(
    session: AsyncSession, profile: TelegramProfile, *, now: datetime
) -> UserInfo:
    """The user wrote to the bot privately: from now on private messages reach them."""
    await remember(session, profile, now=now)
    user = await session.get(User, profile.id)
    assert user is not None
    user.started_bot = True
    user.private_unreachable_since = None
    await session.flush()
    return _info(user)


async def mark_private_unreachable(session: AsyncSession, user_id: int, *, now: datetime) -> None:
    """Telegram refused a private message (403): later sends fall back to the group."""
    await session.execute(
        update(User)
        .where(User.id == user_id, User.private_unreachable_since.is_(None))
        .values(private_unreachable_since=now, updated_at=now)
    )


async def set_language(
    session: AsyncSession, user_id: int, language: str, *, now: datetime
) -> None:
    if normalize_language(language, "") != language:
        raise ValueError(f"unsupported language {language!r}")
    await session.execute(
        update(User).where(User.id == user_id).values(language=language, updated_at=now)
    )
