"""A database that cannot be reached (down, restarting, connection dropped) is told apart from a
bug: handlers apologise and ask to try again, the scheduler skips the tick, both log a warning."""

from __future__ import annotations

import logging

import asyncpg
import pytest
from aiogram.types import ErrorEvent, Update
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from handlers.deps import HandlerDeps
from handlers.errors import on_error
from organizer.clock import FakeClock
from organizer.config import Settings
from organizer.database import create_engine, create_session_factory, is_connection_error
from organizer.i18n import Catalogue
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner, TickResult
from tests.fakes import RecordingMessenger

NOWHERE = "postgresql+asyncpg://postgres@127.0.0.1:1/nowhere"


def _wrapped(cause: BaseException) -> BaseException:
    try:
        raise RuntimeError("while handling") from cause
    except RuntimeError as error:
        return error


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ConnectionRefusedError(111, "refused"), True),
        (asyncpg.exceptions.InterfaceError("connection is closed"), True),
        (asyncpg.exceptions.CannotConnectNowError("the database system is starting up"), True),
        (asyncpg.exceptions.AdminShutdownError("terminating connection"), True),
        (DBAPIError("SELECT 1", {}, Exception("gone"), connection_invalidated=True), True),
        (_wrapped(ConnectionResetError()), True),
        # bugs, not outages
        (asyncpg.exceptions.InterfaceError("another operation is in progress"), False),
        (DBAPIError("SELECT 1", {}, Exception("syntax"), connection_invalidated=False), False),
        (ValueError("bad input"), False),
        (_wrapped(KeyError("x")), False),
    ],
)
def test_connection_errors_are_told_apart(exc: BaseException, expected: bool) -> None:
    assert is_connection_error(exc) is expected


async def test_a_real_unreachable_server_is_a_connection_error() -> None:
    engine = create_engine(NOWHERE)
    try:
        with pytest.raises(Exception) as caught:
            async with create_session_factory(engine)() as session:
                await session.execute(text("SELECT 1"))
        assert is_connection_error(caught.value)
    finally:
        await engine.dispose()


async def test_the_scheduler_skips_a_tick_while_the_database_is_down(caplog) -> None:
    engine = create_engine(NOWHERE)
    runner = ActionRunner(
        create_session_factory(engine), ActionRegistry(), RecordingMessenger(), FakeClock(),
        worker_id="outage",
    )  # fmt: skip
    try:
        with caplog.at_level(logging.WARNING, logger="scheduler.runner"):
            assert await runner.tick() == TickResult()
    finally:
        await engine.dispose()
    assert "database unavailable, tick skipped" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_user_is_asked_to_retry_not_told_something_broke(caplog) -> None:
    messenger = RecordingMessenger()
    deps = HandlerDeps(Settings(), Catalogue(), FakeClock(), messenger)
    update = Update.model_validate({
        "update_id": 7,
        "message": {
            "message_id": 1, "date": 1767225600,
            "chat": {"id": 42, "type": "private", "first_name": "Ann"},
            "from": {"id": 42, "is_bot": False, "first_name": "Ann", "language_code": "en"},
            "text": "/events",
        },
    })  # fmt: skip
    outage = ErrorEvent(update=update, exception=ConnectionRefusedError(111, "refused"))
    with caplog.at_level(logging.WARNING, logger="handlers.errors"):
        assert await on_error(outage, deps) is True
    [reply] = messenger.sent
    assert reply.chat_id == 42 and reply.text.startswith("Sorry, the system is briefly unavailable")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    await on_error(ErrorEvent(update=update, exception=KeyError("bug")), deps)
    assert messenger.sent[-1].text.startswith("Sorry, something went wrong")
    assert [r.levelno for r in caplog.records][-1] == logging.ERROR
