"""The command line: the subcommands of each process role and their configuration errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from organizer.cli import build_parser, main

TOKEN = "4242:TESTTOKEN_abcdefghijklmnopqrstuvwxyz"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("WEBHOOK_URL", "WEBHOOK_SECRET", "DATABASE_URL", "TELEGRAM_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")


def test_the_roles_are_subcommands() -> None:
    parser = build_parser()
    assert parser.parse_args(["web"]).with_scheduler is False
    assert parser.parse_args(["web", "--with-scheduler"]).with_scheduler is True
    assert parser.parse_args(["scheduler"]).command == "scheduler"


def test_web_without_webhook_url_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["web"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("organizer: WEBHOOK_URL is not set") and err.count("\n") == 1
    assert not (tmp_path / "bot.db").exists()  # refused before migrating anything


def test_web_without_webhook_secret_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.com/telegram/webhook")
    assert main(["web", "--with-scheduler"]) == 2
    assert capsys.readouterr().err.startswith("organizer: WEBHOOK_SECRET is not set")


def test_scheduler_needs_the_bot_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOT_TOKEN")
    assert main(["scheduler"]) == 2
    assert capsys.readouterr().err.startswith("organizer: BOT_TOKEN is not set")
