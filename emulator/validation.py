"""Reading Bot API parameters and enforcing Telegram's limits on them.

aiogram posts form fields (multipart when files are attached): plain strings for scalars and
JSON text for objects and lists (reply_markup, entities, ...). Other clients post JSON bodies,
where values keep their JSON types. `Params` accepts both.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from typing import Any

from .errors import ApiError, bad_request
from .formatting import FormattedText, format_text, utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER = 200

# Parameters whose form value is JSON text; decoded for the call log so tests read objects.
JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "reply_parameters",
        "link_preview_options",
        "allowed_updates",
        "permissions",
        "commands",
        "scope",
        "options",
        "media",
        "message_ids",
    }
)


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    data: bytes
    content_type: str | None


class Params:
    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.uploads = uploads or {}

    def for_log(self) -> dict[str, Any]:
        logged: dict[str, Any] = {}
        for key, value in self.values.items():
            if key in JSON_FIELDS and isinstance(value, str):
                with contextlib.suppress(ValueError):
                    value = json.loads(value)
            logged[key] = value
        for key, upload in self.uploads.items():
            logged[key] = f"<file {upload.filename!r}, {len(upload.data)} bytes>"
        return logged

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "")

    def get_str(self, name: str, *, required: bool = False) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None if value is None else ""
        return value if isinstance(value, str) else str(value)

    def get_int(self, name: str, *, required: bool = False) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None
        if isinstance(value, bool):
            return int(value)
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in {"true", "1"}

    def get_json(self, name: str) -> Any:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            what = "reply keyboard markup" if name == "reply_markup" else name
            raise bad_request(f"can't parse {what} JSON object") from None

    def get_chat_ref(self, name: str = "chat_id") -> int | str:
        """A chat id, or "@username" of a public group."""
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, str) and value.startswith("@"):
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None

    def get_input_file(self, name: str) -> Upload | str | None:
        """An uploaded file (direct part or attach://key) or a file_id / URL string."""
        if name in self.uploads:
            return self.uploads[name]
        value = self.get_str(name)
        if value and value.startswith("attach://"):
            upload = self.uploads.get(value[len("attach://") :])
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return upload
        return value or None


def message_text(params: Params) -> FormattedText:
    """The text of sendMessage/editMessageText, parsed and within 1..4096 characters."""
    source = params.get_str("text") or ""
    formatted = format_text(source, params.get_str("parse_mode"), _entities(params, "entities"))
    if not formatted.text:
        raise bad_request("message text is empty")
    if utf16_len(formatted.text) > MAX_TEXT:
        raise bad_request("message is too long")
    return formatted


def caption_text(params: Params) -> FormattedText | None:
    source = params.get_str("caption")
    if not source:
        return None
    formatted = format_text(
        source, params.get_str("parse_mode"), _entities(params, "caption_entities")
    )
    if utf16_len(formatted.text) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return formatted if formatted.text else None


def _entities(params: Params, name: str) -> list[dict[str, Any]] | None:
    entities = params.get_json(name)
    if entities is not None and not isinstance(entities, list):
        raise bad_request(f"can't parse {name} JSON object")
    return entities


# Kinds an inline button may have; exactly one must be set.
_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "callback_game",
    "pay",
    "web_app",
    "copy_text",
)


def inline_keyboard(params: Params) -> list[list[dict[str, Any]]] | None:
    """The validated inline keyboard of `reply_markup`, or None.

    Reply keyboards (keyboard / remove_keyboard / force_reply) are accepted but, as in Telegram,
    never shown back in Message.reply_markup, so they give None.
    """
    markup = params.get_json("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        if not {"keyboard", "remove_keyboard", "force_reply"} & markup.keys():
            raise bad_request("can't parse reply keyboard markup JSON object")
        return None
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse inline keyboard button: field "inline_keyboard" of the '
            "InlineKeyboardMarkup should be an Array of Arrays"
        )
    checked = [[_checked_button(button) for button in row] for row in rows]
    checked = [row for row in checked if row]
    return checked or None


def _checked_button(button: Any) -> dict[str, Any]:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = button.get("text")
    # Telegram refuses an empty label but accepts a blank one (calendar keyboards rely on it).
    if not isinstance(text, str) or not text:
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [name for name in _BUTTON_ACTIONS if name in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://")):
            raise bad_request("BUTTON_URL_INVALID")
    return dict(button)


def reply_target(params: Params) -> tuple[int | None, bool]:
    """(message id replied to, allow_sending_without_reply) from either parameter style."""
    reply = params.get_json("reply_parameters")
    if isinstance(reply, dict) and reply.get("message_id") is not None:
        return int(reply["message_id"]), bool(reply.get("allow_sending_without_reply"))
    return (
        params.get_int("reply_to_message_id"),
        params.get_bool("allow_sending_without_reply"),
    )


def require(condition: bool, error: ApiError) -> None:
    if not condition:
        raise error
