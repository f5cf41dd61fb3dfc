"""Keyboard → InlineKeyboardMarkup conversion."""

from __future__ import annotations

import pytest
from aiogram.types import InlineKeyboardButton

from organizer.messenger import Button, keyboard
from organizer.telegram.keyboards import to_inline_markup


def test_rows_and_buttons_keep_their_order_and_actions() -> None:
    markup = to_inline_markup(
        keyboard(
            [Button("通过", callback_data="join:9:ok"), Button("拒绝", callback_data="join:9:no")],
            (Button("Rules", url="https://example.org/rules"),),
        )
    )

    assert markup is not None
    assert markup.inline_keyboard == [
        [
            InlineKeyboardButton(text="通过", callback_data="join:9:ok"),
            InlineKeyboardButton(text="拒绝", callback_data="join:9:no"),
        ],
        [InlineKeyboardButton(text="Rules", url="https://example.org/rules")],
    ]


def test_no_keyboard_is_no_markup() -> None:
    assert to_inline_markup(None) is None


@pytest.mark.parametrize(
    "button",
    [
        Button("nothing"),
        Button("both", callback_data="x", url="https://example.org"),
        Button("too long", callback_data="活" * 22),  # 66 bytes in UTF-8
    ],
)
def test_buttons_telegram_would_reject_are_refused_early(button: Button) -> None:
    with pytest.raises(ValueError, match=repr(button.text)):
        to_inline_markup(keyboard([button]))


def test_callback_data_of_exactly_64_bytes_is_allowed() -> None:
    markup = to_inline_markup(keyboard([Button("ok", callback_data="é" * 32)]))

    assert markup is not None
    assert markup.inline_keyboard[0][0].callback_data == "é" * 32
