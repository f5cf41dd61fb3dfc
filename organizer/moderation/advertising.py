"""Advertising (charter 四(三)4: 未经管理员同意，不得在群内发布商业广告、推销产品或服务).

Rules, most specific first:

- `ad.forward`: the message was forwarded from a channel.
- `ad.invite`: an invite link to another chat (t.me/+…, t.me/joinchat/…, t.me/addlist/…,
  telegram.me / telegram.dog, tg://join).
- `ad.link`: a link (entity or raw text, also bare "example.com/x" for common TLDs) whose host is
  not an allowed domain or one of its subdomains. Telegram links to the group itself (its
  username in `own_usernames`) and t.me/c/… message links (only members can open them) are fine.
- `ad.mention`: @username of a bot (the name ends in "bot") or of a known bot or channel.
- `ad.contact`: a contact handle (微信 / VX / V信 / wx / WeChat / QQ / 扣扣 / 加我 / 加V)
  followed by an id (5-12 digits, or a 6-20 character WeChat id with a digit, "_" or "-" in it).

Not advertising: @mentions of people, bare numbers, e-mail addresses (private data, not ads).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from organizer.moderation.hits import ADVERTISING, CHARTER_PROHIBITED, Hit, clip
from organizer.moderation.normalize import fold

TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
_INVITE_PATHS = ("+", "joinchat/", "addlist/")
_BARE_TLDS = (
    "com|cn|net|org|io|me|top|xyz|vip|info|co|app|shop|club|site|online|link|cc|tv|ly|gg|hk|tw"
)
_STOP = r"\s<>\"'，。、；！？（）《》「」【】"
_URL = re.compile(
    rf"(?:https?://|tg://|www\.)[^{_STOP}]+"
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_BARE_TLDS})(?![\w-])(?:[/?#][^{_STOP}]*)?"
)
_HOST_AND_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^/?#@]*@)?([^/?#:]*)(?::\d+)?(.*)$")
_MENTION = re.compile(r"(?<![0-9a-z_@.])@([a-z][a-z0-9_]{3,31})(?![0-9a-z_])")
_CONTACT = re.compile(
    r"(?:(?<![a-z])(?:vx|wx|weixin|wechat|qq)(?![a-z])|\+ ?(?:v|vx|wx)(?![a-z])"
    r"|微信|威信|薇信|维信|徽信|v信|加v|加微|加薇|扣扣|企鹅|加我)"
    r"(?:[\s:：=＝]|号码|号|是|为|id){0,6}"
    r"([a-z][a-z0-9_-]{5,19}|[0-9]{5,12})(?![0-9a-z_-]|@|\.[a-z])"
)
_CONTACT_HINTS = re.compile(r"vx|wx|weixin|wechat|qq|\+ ?v|微|威|薇|维|徽|v信|加|扣扣|企鹅")


@dataclass(frozen=True, slots=True)
class AdFacts:
    text: str
    urls: tuple[str, ...] = ()  # from url / text_link entities; raw-text links are found here
    mentions: tuple[str, ...] = ()  # @usernames from mention entities; raw-text ones found here
    forwarded_from_channel: bool = False
    allowed_domains: frozenset[str] = frozenset()
    own_usernames: frozenset[str] = frozenset()  # the group's and the bot's usernames
    known_bot_or_channel: Callable[[str], bool] | None = None


def find(facts: AdFacts, folded: str | None = None) -> Hit | None:
    """The first advertising rule the message breaks; `folded` is `fold(facts.text)` if known."""
    if facts.forwarded_from_channel:
        return _hit("forward", "forwarded channel post")
    text = fold(facts.text) if folded is None else folded
    own = frozenset(name.lower().lstrip("@") for name in facts.own_usernames)
    return (
        _find_link(_urls(facts.urls, text), facts.allowed_domains, own)
        or _find_mention(_mentions(facts.mentions, text), own, facts.known_bot_or_channel)
        or _find_contact(text)
    )


def _urls(from_entities: Iterable[str], text: str) -> list[str]:
    urls = [url.lower() for url in from_entities]
    if "." in text or "tg://" in text:
        urls.extend(match.group() for match in _URL.finditer(text))
    return urls


def _mentions(from_entities: Iterable[str], text: str) -> list[str]:
    names = [name.lower().lstrip("@") for name in from_entities]
    if "@" in text:
        names.extend(match.group(1) for match in _MENTION.finditer(text))
    return names


def _find_link(urls: list[str], allowed: frozenset[str], own: frozenset[str]) -> Hit | None:
    outside = None
    for url in urls:
        verdict = _classify(url, allowed, own)
        if verdict == "invite":
            return _hit("invite", url)
        if verdict == "link" and outside is None:
            outside = url
    return _hit("link", outside) if outside else None


def _classify(url: str, allowed: frozenset[str], own: frozenset[str]) -> str | None:
    """Say "invite", "link" (outside the allowed domains) or None (fine)."""
    if url.startswith("tg://"):
        return _classify_tg(url, own)
    match = _HOST_AND_PATH.match(url)
    host, path = (match.group(1), match.group(2)) if match else ("", "")
    host = host.rstrip(".").removeprefix("www.")
    if host in TELEGRAM_HOSTS:
        return _classify_telegram_path(path.lstrip("/"), own)
    if host.endswith(".t.me"):  # username.t.me
        return None if host.removesuffix(".t.me") in own else "link"
    if not host or is_allowed_host(host, allowed):
        return None
    return "link"


def _classify_telegram_path(path: str, own: frozenset[str]) -> str | None:
    if path.startswith(_INVITE_PATHS):
        return "invite"
    first = path.removeprefix("s/").split("/", 1)[0].split("?", 1)[0]
    if not first or first == "c" or first in own:
        return None
    return "link"


def _classify_tg(url: str, own: frozenset[str]) -> str | None:
    if url.startswith(("tg://join", "tg://addlist")):
        return "invite"
    domain = re.search(r"domain=([a-z0-9_]+)", url)
    return None if domain and domain.group(1) in own else "link"


def is_allowed_host(host: str, allowed: frozenset[str]) -> bool:
    """`host` is an allowed domain or a subdomain of one (docs.example.com under example.com)."""
    if host in allowed:
        return True
    return any(host.endswith("." + domain) for domain in allowed)


def _find_mention(
    names: list[str], own: frozenset[str], known: Callable[[str], bool] | None
) -> Hit | None:
    for name in names:
        if name in own:
            continue
        if name.endswith("bot") or (known is not None and known(name)):
            return _hit("mention", "@" + name)
    return None


def _find_contact(text: str) -> Hit | None:
    if _CONTACT_HINTS.search(text) is None:  # one cheap scan before the full pattern
        return None
    for match in _CONTACT.finditer(text):
        handle = match.group(1)
        if handle.isdigit() or any(char.isdigit() or char in "_-" for char in handle):
            # The handle may be a phone number: the admin log gets it masked.
            masked = handle[:3] + "*" * (len(handle) - 5) + handle[-2:]
            return _hit("contact", match.group()[: match.start(1) - match.start()] + masked)
    return None


def _hit(rule: str, evidence: str) -> Hit:
    return Hit(
        rule=f"ad.{rule}",
        category=ADVERTISING,
        evidence=clip(evidence),
        charter_ref=CHARTER_PROHIBITED,
    )
