"""/settings: group admins see the group's settings and change them one at a time.

`/settings` lists them, `/settings NAME` shows one, `/settings NAME VALUE` sets one and
`/settings NAME default` restores its default. The registry, parsing and storage are in
organizer.services.group_settings; this module only checks who asks and renders the answer.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Markup, Texts
from organizer.services import admins, group_settings
from organizer.services.group_settings import SettingError, SettingView, Value
from organizer.services.groups import GroupInfo


async def on_settings(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("settings-private"))
        return
    group = await deps.register_group(session, message.chat)
    # Checked on every command: admin rights may have been taken away since the last one.
    if not await admins.is_group_admin(
        session, group.id, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return
    args = (message.text or "").split(maxsplit=2)[1:]
    try:
        text = await _answer(session, deps, texts, group, args)
    except SettingError as error:
        # The limits as plain text: the catalogue would group a number's digits ("3,600").
        text = texts(error.key, **{name: str(value) for name, value in error.params.items()})
    await reply(deps, message, text)


async def _answer(
    session: AsyncSession, deps: HandlerDeps, texts: Texts, group: GroupInfo, args: list[str]
) -> str:
    if not args:
        return render_all(texts, group)
    setting = group_settings.lookup(args[0])
    kind = _kind(group)
    if len(args) == 1:
        one = group_settings.view(group.settings, setting.name)
        usage = texts("settings-usage-one", name=setting.name)
        return f"{render_line(texts, one, kind)}\n{usage}"
    parsed = group_settings.parse(setting.name, args[1])
    changed = await group_settings.set_value(
        session, group.id, setting.name, parsed, now=deps.clock.now()
    )
    key = "settings-reset" if parsed is None else "settings-set"
    return texts(key, name=changed.name, value=shown(texts, changed.value, changed.name, kind))


def _kind(group: GroupInfo) -> str:
    # The catalogue's selectors take a plain string; "none" for a group not set up yet.
    return group.kind.value if group.kind is not None else "none"


def render_all(texts: Texts, group: GroupInfo) -> str:
    lines = [texts("settings-title", group=group.title)]
    section = None
    for view in group_settings.describe(group.settings):
        if view.section != section:
            section = view.section
            lines += ["", texts(f"settings-section-{section}")]
        lines.append(render_line(texts, view, _kind(group)))
    lines += ["", texts("settings-usage")]
    return "\n".join(lines)


def render_line(texts: Texts, view: SettingView, kind: str) -> str:
    # The description and the default are the catalogue's own texts, not user input.
    args = {
        "name": view.name,
        "value": shown(texts, view.value, view.name, kind),
        "description": Markup(texts(f"settings-desc-{view.name}")),
    }
    if view.is_default and view.inherits:
        return texts("settings-line-inherited", inherits=view.inherits, **args)
    if view.is_default:
        return texts("settings-line-default", **args)
    default: str
    if view.inherits is not None:
        default = Markup(texts("settings-same-as", name=view.inherits))
    else:
        default = shown(texts, view.default, view.name, kind)
    return texts("settings-line-changed", default=default, **args)


def shown(texts: Texts, value: Value | None, name: str, kind: str) -> str:
    if value is None:  # unset and decided by the group's kind: say what that means here
        return Markup(texts(f"settings-by-kind-{name}", kind=kind))
    if isinstance(value, bool):
        return texts("settings-on" if value else "settings-off")
    return str(value)


def build_router() -> Router:
    router = Router(name="group_settings")
    router.message.register(on_settings, Command("settings"), F.from_user)
    return router
