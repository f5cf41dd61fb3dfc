"""Transient Bot API failures are retried for repeatable calls, never for sends."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError, TelegramServerError
from aiogram.methods import BanChatMember, GetChatAdministrators, SendMessage

from organizer.telegram.retry import TransientRetry, repeatable

TOKEN = "123456789:AAAbbbCCCdddEEEfffGGGhhhIIIjjjKKKlll"


class Flaky:
    """make_request that fails `failures` times with `error`, then answers "ok"."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures, self.error, self.calls = failures, error, 0

    async def __call__(self, bot: Bot, method: Any) -> Any:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return "ok"


def _retry(slept: list[float]) -> TransientRetry:
    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    return TransientRetry(delays=(0.1, 0.2), sleep=sleep)


SERVER_DOWN = TelegramServerError(GetChatAdministrators(chat_id=-1), "Bad Gateway")
NETWORK = TelegramNetworkError(GetChatAdministrators(chat_id=-1), "Server disconnected")


@pytest.mark.parametrize("error", [SERVER_DOWN, NETWORK])
async def test_a_read_is_retried_until_it_succeeds(error: Exception) -> None:
    slept: list[float] = []
    flaky = Flaky(2, error)
    result = await _retry(slept)(flaky, Bot(TOKEN), GetChatAdministrators(chat_id=-1))
    assert result == "ok" and flaky.calls == 3 and slept == [0.1, 0.2]


async def test_after_the_last_delay_the_error_reaches_the_caller() -> None:
    slept: list[float] = []
    flaky = Flaky(5, SERVER_DOWN)
    with pytest.raises(TelegramServerError):
        await _retry(slept)(flaky, Bot(TOKEN), BanChatMember(chat_id=-1, user_id=5))
    assert flaky.calls == 3


async def test_a_send_is_never_repeated_here() -> None:
    flaky = Flaky(1, NETWORK)
    with pytest.raises(TelegramNetworkError):
        await _retry([])(flaky, Bot(TOKEN), SendMessage(chat_id=5, text="hi"))
    assert flaky.calls == 1


async def test_a_bad_request_is_not_transient() -> None:
    flaky = Flaky(1, TelegramBadRequest(GetChatAdministrators(chat_id=-1), "chat not found"))
    with pytest.raises(TelegramBadRequest):
        await _retry([])(flaky, Bot(TOKEN), GetChatAdministrators(chat_id=-1))
    assert flaky.calls == 1


def test_which_methods_repeat() -> None:
    assert repeatable("GetChatMember") and repeatable("DeleteMessage")
    assert repeatable("AnswerCallbackQuery") and repeatable("RestrictChatMember")
    for name in ("SendMessage", "SendDocument", "CopyMessage", "ForwardMessage"):
        assert not repeatable(name)
