"""Conversion of the domain's `Keyboard` into aiogram's inline keyboard markup."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from organizer.messenger import Button, Keyboard

# Telegram rejects callback data longer than this (in UTF-8 bytes).
CALLBACK_DATA_MAX_BYTES = 64


def to_inline_button(button: Button) -> InlineKeyboardButton:
    """One button; it must carry exactly one action (callback data or URL).

    Invalid buttons raise ValueError here rather than a 400 from Telegram later, which would
    lose the whole message over a programming error.
    """
    if (button.callback_data is None) == (button.url is None):
        raise ValueError(f"button {button.text!r} needs exactly one of callback_data and url")
    if button.callback_data is not None:
        size = len(button.callback_data.encode("utf-8"))
        if size > CALLBACK_DATA_MAX_BYTES:
            raise ValueError(
                f"callback data of button {button.text!r} is {size} bytes,"
                f" Telegram allows {CALLBACK_DATA_MAX_BYTES}"
            )
        return InlineKeyboardButton(text=button.text, callback_data=button.callback_data)
    return InlineKeyboardButton(text=button.text, url=button.url)


def to_inline_markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    """None stays None: no markup, which on an edit removes the message's keyboard."""
    if keyboard is None:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[[to_inline_button(button) for button in row] for row in keyboard]
    )
