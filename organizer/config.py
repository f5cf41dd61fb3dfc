"""Configuration from the environment and `.env`; `.env.example` documents every variable."""

from __future__ import annotations

import logging
import re
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LANGUAGES = ("zh", "en")
_TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_URL_PREFIXES = ("sqlite+aiosqlite://", "postgresql+asyncpg://")

BOT_TOKEN_HELP = (
    "BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), copy the token it "
    "gives you and put it in .env as BOT_TOKEN=123456:ABC... (see .env.example)."
)


class ConfigError(Exception):
    """A missing or malformed setting; its message is one line naming the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Optional here so `organizer migrate` works without it; `require_bot_token` enforces it.
    bot_token: str | None = None
    database_url: str = "sqlite+aiosqlite:///organizer.db"
    redis_url: str | None = None
    telegram_api_url: str | None = None
    org_admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    default_timezone: str = "Asia/Shanghai"
    default_language: str = "zh"
    log_level: str = "INFO"
    scheduler_tick_seconds: float = Field(default=1.0, gt=0, le=60)
    # How long a claimed action stays a worker's: after a crash, another scheduler takes it
    # over this late. Longer than the slowest action (a notice to many groups), or two
    # workers could run it at once.
    scheduler_lease_seconds: int = Field(default=300, ge=10, le=3600)
    # Filled in at start-up from getMe; jobs need it for t.me deep links.
    bot_username: str | None = None
    # Production (webhook) mode: `organizer web` serves these; empty means long polling.
    webhook_url: str | None = None
    webhook_secret: str | None = None
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)
    # Where calendar feeds are reached from outside; default: the origin of WEBHOOK_URL.
    public_url: str | None = None

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: str | None) -> str | None:
        value = (value or "").strip()
        if not value:
            return None
        if not _TOKEN_RE.match(value):
            raise ValueError("expected the form 123456789:AAE... as given by @BotFather")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if not value.startswith(_URL_PREFIXES):
            raise ValueError("use sqlite+aiosqlite:///file.db or postgresql+asyncpg://user@host/db")
        return value

    def require_bot_token(self) -> str:
        if not self.bot_token:
            raise ConfigError(BOT_TOKEN_HELP)
        return self.bot_token

    @field_validator(
        "redis_url", "telegram_api_url", "bot_username", "webhook_url", "webhook_secret",
        "public_url", mode="before",
    )  # fmt: skip
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("expected redis://host:port/db")
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _api_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("expected an http(s) URL such as http://127.0.0.1:8081")
        return value.rstrip("/") if value else value

    @field_validator("webhook_url", "public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("expected an https URL such as https://bot.example.com/telegram")
        return value.rstrip("/") if value else value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: str | None) -> str | None:
        # Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -.
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
            raise ValueError("use 1-256 characters of letters, digits, _ and -")
        return value

    def feed_base_url(self) -> str | None:
        """The origin under which calendar feeds are served, or None when not configured."""
        if self.public_url:
            return self.public_url
        if self.webhook_url:
            scheme, _, rest = self.webhook_url.partition("://")
            return f"{scheme}://{rest.split('/')[0]}"
        return None

    @field_validator("org_admin_ids", mode="before")
    @classmethod
    def _admin_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(re.fullmatch(r"-?\d+", p) for p in parts):
                raise ValueError("expected comma-separated numeric Telegram user ids")
            return tuple(int(p) for p in parts)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a known IANA timezone such as Asia/Shanghai") from None
        return value

    @field_validator("default_language")
    @classmethod
    def _language(cls, value: str) -> str:
        value = value.strip().lower()
        if value not in LANGUAGES:
            raise ValueError(f"expected one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in logging.getLevelNamesMapping():
            raise ValueError("expected DEBUG, INFO, WARNING or ERROR")
        return value


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; raise ConfigError with one line naming the bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    error = exc.errors()[0]
    variable = str(error["loc"][0]).upper() if error["loc"] else "configuration"
    if variable == "BOT_TOKEN" and error["type"] in ("missing", "string_too_short"):
        return BOT_TOKEN_HELP
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "is required but not set"
        return f"{variable} {message} (see .env.example)."
    return f"{variable} is malformed: {message} (see .env.example)."
