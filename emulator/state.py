"""The emulator's world: users, chats, members, messages, files, as plain dataclasses.

These hold state only; the Bot API JSON for them is built in `serialize.py` and the rules
about who may do what live in `access.py`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Administrator rights as Bot API 9/10 lists them; every one is a plain bool on ChatMember.
ADMIN_RIGHTS: tuple[str, ...] = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_pin_messages",
    "can_manage_topics",
    "can_send_welcome_messages",
)

# Member permissions (ChatPermissions); a restricted member carries its own copy.
CHAT_PERMISSIONS: tuple[str, ...] = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_react_to_messages",
    "can_edit_tag",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)

# What a fresh supergroup lets ordinary members do (Telegram's defaults).
DEFAULT_GROUP_PERMISSIONS: dict[str, bool] = {
    name: name not in {"can_change_info", "can_pin_messages", "can_manage_topics"}
    for name in CHAT_PERMISSIONS
}

PRESENT_STATUSES = frozenset({"creator", "administrator", "member"})


@dataclass(eq=False)
class EmuUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    token: str | None = None  # bots only
    deactivated: bool = False  # a deleted account: sends to it fail with 403

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass
class EmuMember:
    user: EmuUser
    status: str  # creator | administrator | member | restricted | left | kicked
    rights: dict[str, bool] = field(default_factory=dict)  # administrators
    permissions: dict[str, bool] = field(default_factory=dict)  # restricted
    until_date: int = 0  # restricted / kicked; 0 = forever
    is_member: bool = True  # restricted only: still in the chat or not
    custom_title: str | None = None
    promoted_by: int | None = None  # user id that granted admin rights (can_be_edited)

    @property
    def is_present(self) -> bool:
        """In the chat right now (counts as a member, sees messages)."""
        return self.status in PRESENT_STATUSES or (self.status == "restricted" and self.is_member)

    @property
    def is_admin(self) -> bool:
        return self.status in {"creator", "administrator"}

    def right(self, name: str) -> bool:
        if self.status == "creator":
            return True
        return self.status == "administrator" and self.rights.get(name, False)


@dataclass
class EmuFile:
    """An uploaded file; bytes are kept so tests can read what the bot sent."""

    file_id: str
    file_unique_id: str
    kind: str  # document | photo
    data: bytes | None
    filename: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    url: str | None = None  # sent by URL: no bytes

    @property
    def file_path(self) -> str:
        folder = "photos" if self.kind == "photo" else "documents"
        suffix = ""
        if self.filename and "." in self.filename:
            suffix = "." + self.filename.rsplit(".", 1)[1]
        return f"{folder}/{self.file_unique_id}{suffix}"

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0

    @property
    def mime(self) -> str | None:  # alias of mime_type
        return self.mime_type


@dataclass
class EmuPoll:
    id: str
    question: str
    options: list[str]
    is_anonymous: bool = True
    type: str = "regular"
    allows_multiple_answers: bool = False
    correct_option_id: int | None = None
    is_closed: bool = False
    votes: dict[int, list[int]] = field(default_factory=dict)  # user id -> option indexes

    def voter_counts(self) -> list[int]:
        counts = [0] * len(self.options)
        for chosen in self.votes.values():
            for index in chosen:
                counts[index] += 1
        return counts


@dataclass(eq=False)
class EmuMessage:
    message_id: int
    chat_id: int
    from_id: int
    date: int
    text: str | None = None
    caption: str | None = None
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)  # of text or caption
    reply_markup: list[list[dict[str, Any]]] | None = None  # inline keyboard rows
    document: EmuFile | None = None
    photo: EmuFile | None = None
    poll: EmuPoll | None = None
    reply_to_message_id: int | None = None
    edited: int = 0  # how many times edited
    edit_date: int | None = None
    deleted: bool = False
    pinned: bool = False
    protect_content: bool = False
    disable_notification: bool = False  # sent silently
    service: dict[str, Any] | None = None  # e.g. {"new_chat_members": [...]}: a service message
    forward_origin: dict[str, Any] | None = None
    reactions: dict[int, list[str]] = field(default_factory=dict)  # user id → emoji
    seq: int = 0  # global creation order across chats
    chat: EmuChat | None = field(default=None, repr=False)

    @property
    def buttons(self) -> list[str]:
        """Labels of the inline keyboard, row by row."""
        return [button["text"] for row in self.reply_markup or [] for button in row]

    @property
    def content(self) -> str:
        """Text or caption: what a reader sees."""
        return self.text if self.text is not None else (self.caption or "")


@dataclass
class EmuInviteLink:
    invite_link: str
    creator_id: int
    creates_join_request: bool = False
    is_primary: bool = False
    is_revoked: bool = False
    name: str | None = None
    expire_date: int | None = None
    member_limit: int | None = None


@dataclass
class EmuJoinRequest:
    user: EmuUser
    date: int
    invite_link: EmuInviteLink | None = None
    bio: str | None = None


@dataclass(eq=False)
class EmuChat:
    id: int
    type: str  # private | supergroup
    title: str | None = None
    username: str | None = None
    members: dict[int, EmuMember] = field(default_factory=dict)
    messages: list[EmuMessage] = field(default_factory=list)
    permissions: dict[str, bool] = field(default_factory=lambda: dict(DEFAULT_GROUP_PERMISSIONS))
    invite_links: dict[str, EmuInviteLink] = field(default_factory=dict)
    join_requests: dict[int, EmuJoinRequest] = field(default_factory=dict)
    description: str | None = None
    # Private chats exist per (bot, user) pair; the chat id is the user's id, as in Telegram.
    private_user: EmuUser | None = None
    private_bot: EmuUser | None = None
    next_message_id: int = 1

    @property
    def is_private(self) -> bool:
        return self.type == "private"

    def member(self, user_id: int) -> EmuMember | None:
        return self.members.get(user_id)

    def status_of(self, user_id: int) -> str:
        member = self.members.get(user_id)
        return member.status if member else "left"

    def message(self, message_id: int) -> EmuMessage | None:
        for message in reversed(self.messages):
            if message.message_id == message_id:
                return message
        return None

    def live_message(self, message_id: int) -> EmuMessage | None:
        message = self.message(message_id)
        return None if message is None or message.deleted else message


@dataclass
class ApiCall:
    """One Bot API request as the emulator saw and answered it."""

    method: str
    params: dict[str, Any]
    ok: bool
    error_code: int | None
    description: str | None
    at: float  # monotonic time of the request
    bot_id: int | None = None
    result: Any = None


@dataclass
class EmulatorStats:
    requests: int = 0
    responses_429: int = 0
    injected_failures: int = 0
    responses_by_code: Counter[int] = field(default_factory=Counter)


@dataclass
class CallbackAnswer:
    """What the bot passed to answerCallbackQuery; reads like the params dict too:
    answer.text == answer["text"] == answer.get("text")."""

    text: str | None = None
    show_alert: bool = False
    url: str | None = None
    cache_time: int = 0

    def __getitem__(self, key: str) -> Any:
        if key not in {"text", "show_alert", "url", "cache_time"}:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default
