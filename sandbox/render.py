"""Messages and chats as the page shows them.

The emulator keeps what Telegram keeps: plain text plus entities (offsets in UTF-16 units), the
bot's HTML already parsed. We rebuild HTML from the entities with only Telegram's own tags and
every piece of text escaped, so nothing the bot or a user writes can inject markup.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from emulator import EmuChat, EmuMessage, TelegramEmulator

SIMPLE_TAGS = {
    "bold": "b",
    "italic": "i",
    "underline": "u",
    "strikethrough": "s",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "expandable_blockquote": "blockquote",
}
SAFE_SCHEMES = ("http://", "https://", "tg://", "mailto:")


def entities_to_html(text: str, entities: list[dict[str, Any]]) -> str:
    units = text.encode("utf-16-le")
    ordered = sorted(entities, key=lambda e: (e["offset"], -e["length"]))
    return _render(units, 0, len(units) // 2, ordered)


def _render(units: bytes, start: int, end: int, entities: list[dict[str, Any]]) -> str:
    out, position = [], start
    remaining = list(entities)
    while remaining:
        entity = remaining.pop(0)
        e_start, e_end = entity["offset"], entity["offset"] + entity["length"]
        if e_start < position or e_end > end:
            continue  # overlaps what is already rendered: Telegram nests, it does not cross
        inner = [e for e in remaining if e["offset"] + e["length"] <= e_end]
        remaining = [e for e in remaining if e["offset"] + e["length"] > e_end]
        out.append(_plain(units, position, e_start))
        body = _render(units, e_start, e_end, inner)
        out.append(_wrap(entity, body, _plain(units, e_start, e_end)))
        position = e_end
    out.append(_plain(units, position, end))
    return "".join(out)


def _plain(units: bytes, start: int, end: int) -> str:
    return html.escape(units[start * 2 : end * 2].decode("utf-16-le", errors="replace"))


def _wrap(entity: dict[str, Any], body: str, raw: str) -> str:
    kind = entity["type"]
    if kind in SIMPLE_TAGS:
        tag = SIMPLE_TAGS[kind]
        return f"<{tag}>{body}</{tag}>"
    if kind == "spoiler":
        return f'<span class="spoiler">{body}</span>'
    if kind in ("text_link", "url"):
        href = entity.get("url") or html.unescape(raw)
        if kind == "url" and "://" not in href:
            href = "https://" + href
        if not href.startswith(SAFE_SCHEMES):
            return body
        return f'<a href="{html.escape(href)}" target="_blank" rel="noopener">{body}</a>'
    if kind in ("mention", "text_mention"):
        return f'<span class="mention">{body}</span>'
    if kind == "bot_command":
        return f'<span class="command" data-command="{html.escape(raw)}">{body}</span>'
    return body


def local_time(moment: float | datetime, timezone: str) -> str:
    if isinstance(moment, int | float):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")


def message_view(
    emu: TelegramEmulator, message: EmuMessage, viewer_id: int, timezone: str
) -> dict[str, Any]:
    sender = emu.users.get(message.from_id)
    return {
        "id": message.message_id,
        "from": sender.full_name if sender else str(message.from_id),
        "from_bot": bool(sender and sender.is_bot),
        "mine": message.from_id == viewer_id,
        "time": local_time(message.date, timezone),
        "html": entities_to_html(message.content, message.entities),
        "buttons": [[_button(b) for b in row] for row in message.reply_markup or []],
        "document": _file(message.document),
        "photo": _file(message.photo),
        "poll": _poll(message, viewer_id),
        "service": _service(message),
        "edited": message.edited > 0,
        "pinned": message.pinned,
        "reply_to": message.reply_to_message_id,
    }


def _button(button: dict[str, Any]) -> dict[str, Any]:
    kind = "callback" if "callback_data" in button else "url" if "url" in button else "other"
    return {"text": button["text"], "kind": kind, "url": button.get("url")}


def _file(file: Any) -> dict[str, Any] | None:
    if file is None:
        return None
    name = file.filename or file.file_path.rsplit("/", 1)[-1]
    return {"name": name, "size": file.size, "url": f"/api/files/{file.file_id}"}


def _poll(message: EmuMessage, viewer_id: int) -> dict[str, Any] | None:
    poll = message.poll
    if poll is None:
        return None
    return {
        "question": poll.question,
        "options": poll.options,
        "counts": poll.voter_counts(),
        "closed": poll.is_closed,
        "mine": poll.votes.get(viewer_id, []),
    }


def _service(message: EmuMessage) -> dict[str, Any] | None:
    service = message.service
    if service is None:
        return None
    if "new_chat_members" in service:
        names = [u.get("first_name", "") for u in service["new_chat_members"]]
        return {"type": "joined", "names": names}
    if "left_chat_member" in service:
        return {"type": "left", "names": [service["left_chat_member"].get("first_name", "")]}
    if "pinned_message" in service:
        return {"type": "pinned", "names": []}
    return {"type": "other", "names": [next(iter(service), "")]}


def chat_view(chat: EmuChat, viewer_id: int) -> dict[str, Any]:
    member = chat.member(viewer_id)
    live = [m for m in chat.messages if not m.deleted]
    last = live[-1] if live else None
    return {
        "id": chat.id,
        "private": chat.is_private,
        "title": chat.title or "",
        "status": member.status if member else "left",
        "present": bool(member and member.is_present),
        "pending_request": viewer_id in chat.join_requests,
        "last_id": last.message_id if last else 0,
        "preview": (last.content[:60] if last else ""),
    }
