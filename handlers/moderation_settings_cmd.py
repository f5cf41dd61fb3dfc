"""/modlist: group admins see and change the list-valued parts of the moderation policy.

`/modlist` shows the allowed domains, allow-listed members, advertisers and the escalation
ladder; `/modlist domains|exempt|advertisers add|remove …` and `/modlist ladder STEP… | default`
change them. Parsing of values and storage are in organizer.services.moderation_settings; this
module checks who asks, finds the member meant and renders the answer.
"""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.moderation_admin.targets import replied
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.moderation.policy import ModerationPolicy
from organizer.services import admins, users
from organizer.services import moderation_settings as modset
from organizer.services.groups import GroupInfo
from organizer.services.moderation_settings import Member, ModListError
from organizer.telegram.chat_info import profile

LISTS = {
    **dict.fromkeys(("domains", "domain", "域名"), "domains"),
    **dict.fromkeys(("exempt", "allowlist", "白名单"), "exempt"),
    **dict.fromkeys(("advertisers", "advertiser", "ads", "广告"), "advertisers"),
    **dict.fromkeys(("ladder", "阶梯"), "ladder"),
}
ACTIONS = {
    **dict.fromkeys(("add", "+", "添加", "加"), True),
    **dict.fromkeys(("remove", "rm", "del", "-", "删除", "移除"), False),
}
RESET_WORDS = frozenset({"default", "默认"})
# Steps may be written "warn mute:1h", "warn, mute:1h" or "warn → mute:1h".
_STEP_SEPARATORS = re.compile(r"[\s,，]+|->|→")


async def on_modlist(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("modset-private"))
        return
    group = await deps.register_group(session, message.chat)
    # Checked on every command: admin rights may have been taken away since the last one.
    if not await admins.is_group_admin(
        session, group.id, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return
    args = (message.text or "").split()[1:]
    try:
        text = await _answer(session, deps, texts, group, message, args)
    except ModListError as error:
        text = texts(error.key, **error.params)
    await reply(deps, message, text)


async def _answer(
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
    group: GroupInfo,
    message: Message,
    args: list[str],
) -> str:
    if not args:
        return await render(session, texts, group)
    which = LISTS.get(args[0].lower())
    if which is None:
        raise ModListError("modset-usage-unknown", value=args[0][:64])
    if which == "ladder":
        return await _ladder(session, deps, texts, group, args[1:])
    if len(args) < 2 or args[1].lower() not in ACTIONS:
        raise ModListError("modset-usage-action", list=which)
    add = ACTIONS[args[1].lower()]
    if which == "domains":
        return await _domain(session, deps, texts, group, add, args[2:])
    member = await _member(session, deps, message, args[2:])
    changed = await modset.set_member(
        session, group.id, which, member.user_id, add, now=deps.clock.now()
    )
    outcome = ("added" if add else "removed") if changed else ("already-on" if add else "not-on")
    return texts(f"modset-{which}-{outcome}", name=member.name)


async def _domain(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, group: GroupInfo, add: bool,
    args: list[str],
) -> str:  # fmt: skip
    if not args:
        raise ModListError("modset-usage-domain", action="add" if add else "remove")
    change = modset.add_domain if add else modset.remove_domain
    domain = await change(session, group.id, args[0], now=deps.clock.now())
    return texts("modset-domain-added" if add else "modset-domain-removed", domain=domain)


async def _member(
    session: AsyncSession, deps: HandlerDeps, message: Message, args: list[str]
) -> Member:
    """The member named in the arguments, else the author of the replied message."""
    if args:
        return await modset.resolve_member(session, args[0])
    answered = replied(message)
    if answered is None:
        raise ModListError("modset-no-member")
    author = answered.from_user
    # Sent as a channel or as the group (anonymous admin), or by a bot: no member to list.
    if answered.sender_chat is not None or author is None or author.is_bot:
        raise ModListError("modset-target-not-member")
    user = await users.remember(session, profile(author), now=deps.clock.now())
    return Member(user.id, modset.label(user))


async def _ladder(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, group: GroupInfo, args: list[str]
) -> str:
    now = deps.clock.now()
    if len(args) == 1 and args[0].lower() in RESET_WORDS:
        ladder = await modset.set_ladder(session, group.id, None, now=now)
        return texts("modset-ladder-reset", steps=_steps(ladder))
    steps = [step for step in _STEP_SEPARATORS.split(" ".join(args)) if step]
    ladder = await modset.set_ladder(session, group.id, steps, now=now)
    return texts("modset-ladder-set", steps=_steps(ladder))


def _steps(ladder: tuple[str, ...]) -> str:
    return " → ".join(ladder)


async def render(session: AsyncSession, texts: Texts, group: GroupInfo) -> str:
    lists = modset.read(group.settings)
    none = texts("modset-none")
    lines = [texts("modset-title", group=group.title)]
    kind = group.kind.value if group.kind else None
    if not ModerationPolicy.from_settings(kind, group.settings).enabled:
        lines.append(texts("modset-disabled"))
    lines += [
        "",
        texts("modset-section-domains"),
        texts("modset-domains-default", domains=", ".join(lists.default_domains)),
        texts("modset-domains-own", domains=", ".join(lists.domains) or none),
    ]
    for which, ids in (("exempt", lists.exempt), ("advertisers", lists.advertisers)):
        lines += ["", texts(f"modset-section-{which}"), *await _members(session, texts, ids)]
    note = "modset-ladder-default-note" if lists.ladder_is_default else "modset-ladder-own-note"
    heading = f"{texts('modset-section-ladder')}{texts(note, days=lists.window_days)}"
    lines += ["", heading, texts("modset-ladder-line", steps=_steps(lists.ladder))]
    lines += ["", texts("modset-usage")]
    return "\n".join(lines)


async def _members(session: AsyncSession, texts: Texts, ids: tuple[int, ...]) -> list[str]:
    if not ids:
        return [texts("modset-none")]
    names = await modset.names(session, ids)
    # The id as text: the catalogue would group a number's digits ("1,234,567").
    return [texts("modset-member-line", name=names[i], id=str(i)) for i in ids]


def build_router() -> Router:
    router = Router(name="moderation_settings")
    router.message.register(on_modlist, Command("modlist"), F.from_user)
    return router
