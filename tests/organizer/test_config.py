import subprocess
import sys

import pytest

from organizer.config import BOT_TOKEN_HELP, ConfigError, load_settings

TOKEN = "123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in (
        "BOT_TOKEN", "DATABASE_URL", "REDIS_URL", "TELEGRAM_API_URL", "ORG_ADMIN_IDS",
        "DEFAULT_TIMEZONE", "DEFAULT_LANGUAGE", "LOG_LEVEL", "SCHEDULER_TICK_SECONDS",
        "BOT_USERNAME",
    ):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


def test_defaults_are_the_embedded_mode() -> None:
    settings = load_settings(bot_token=TOKEN)
    assert settings.database_url == "sqlite+aiosqlite:///organizer.db"
    assert settings.default_timezone == "Asia/Shanghai"
    assert settings.default_language == "zh"
    assert settings.redis_url is None and settings.telegram_api_url is None
    assert settings.org_admin_ids == ()


def test_values_come_from_env_file(tmp_path) -> None:
    (tmp_path / ".env").write_text(
        f"BOT_TOKEN={TOKEN}\nORG_ADMIN_IDS=11, 22,33\nDEFAULT_LANGUAGE=EN\n"
        "TELEGRAM_API_URL=http://127.0.0.1:8081/\n"
    )
    settings = load_settings()
    assert settings.org_admin_ids == (11, 22, 33)
    assert settings.default_language == "en"
    assert settings.telegram_api_url == "http://127.0.0.1:8081"


def test_missing_token_says_how_to_get_one() -> None:
    with pytest.raises(ConfigError) as error:
        load_settings().require_bot_token()
    assert str(error.value) == BOT_TOKEN_HELP
    assert "@BotFather" in BOT_TOKEN_HELP and ".env" in BOT_TOKEN_HELP


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("BOT_TOKEN", "not-a-token"),
        ("DATABASE_URL", "mysql://x"),
        ("REDIS_URL", "localhost:6379"),
        ("TELEGRAM_API_URL", "127.0.0.1:8081"),
        ("ORG_ADMIN_IDS", "12,abc"),
        ("DEFAULT_TIMEZONE", "Mars/Olympus"),
        ("DEFAULT_LANGUAGE", "fr"),
        ("LOG_LEVEL", "LOUD"),
        ("SCHEDULER_TICK_SECONDS", "soon"),
    ],
)
def test_malformed_value_names_the_variable(monkeypatch, variable: str, value: str) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as error:
        load_settings()
    message = str(error.value)
    assert message.startswith(f"{variable} is malformed")
    assert "\n" not in message


def test_cli_without_token_prints_one_line_and_no_traceback(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "organizer", "run"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"organizer: {BOT_TOKEN_HELP}"]
    assert "Traceback" not in result.stderr


def test_bot_username_is_optional_and_empty_means_unset(monkeypatch) -> None:
    monkeypatch.setenv("BOT_USERNAME", "")
    assert load_settings(bot_token=TOKEN).bot_username is None
    monkeypatch.setenv("BOT_USERNAME", "organizer_bot")
    assert load_settings(bot_token=TOKEN).bot_username == "organizer_bot"
