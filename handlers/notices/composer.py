"""The composer's conversation: show a step, keep the draft in the FSM data, move on.

Every answer is checked before it is stored, so a wrong answer at any step shows the same
step again with the error on top and nothing entered before is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.notices import draft as drafts
from handlers.notices import preview, prompts
from handlers.notices.draft import Draft
from handlers.notices.states import ComposeStates
from handlers.replies import send
from organizer.i18n import Texts
from organizer.messenger import Keyboard, MessengerError
from organizer.services import admins, groups
from organizer.services.groups import GroupInfo

_PREFIX = "ComposeStates:"


@dataclass
class Composer:
    """One author's composer, for the length of one update."""

    session: AsyncSession
    deps: HandlerDeps
    texts: Texts
    state: FSMContext
    user_id: int
    bot: Bot

    async def step(self) -> str | None:
        current = await self.state.get_state()
        return current.removeprefix(_PREFIX) if current and current.startswith(_PREFIX) else None

    async def draft(self) -> Draft:
        data = await self.state.get_data()
        return dict(data.get("draft") or drafts.empty())

    async def go(
        self, step: str, draft: Draft, *, error: str | None = None, edit: int | None = None,
        page: int = 0,
    ) -> None:  # fmt: skip
        """Store the draft, enter `step` and ask it."""
        await self.state.set_state(getattr(ComposeStates, step))
        await self.state.update_data(draft=draft)
        await self.show(step, draft, error=error, edit=edit, page=page)

    async def show(
        self, step: str, draft: Draft, *, error: str | None = None, edit: int | None = None,
        page: int = 0,
    ) -> None:  # fmt: skip
        if step == "preview":
            await preview.show(self, draft, error=error)
            return
        text, keyboard = await self.prompt(step, draft, page)
        await self.put(f"{error}\n\n{text}" if error else text, keyboard, edit)

    async def prompt(self, step: str, draft: Draft, page: int) -> tuple[str, Keyboard]:
        texts = self.texts
        if step == "content":
            return prompts.content_prompt(draft, texts)
        if step == "target":
            mine = await self.targetable()
            return prompts.target_prompt(
                mine, page, org=self.deps.is_org_admin(self.user_id), texts=texts
            )
        if step == "time":
            return prompts.time_prompt(draft, texts)
        if step == "options":
            return prompts.options_prompt(draft, await preview.same_day(self, draft), texts)
        return prompts.typed_prompt(step, texts)

    async def put(self, text: str, keyboard: Keyboard | None, edit: int | None = None) -> None:
        """Edit the message whose button was pressed, or send a new one after typed text."""
        if edit is not None:
            try:
                await self.deps.messenger.edit_text(self.user_id, edit, text, keyboard=keyboard)
                return
            except MessengerError:
                pass  # too old or deleted: a fresh message does as well
        await send(self.deps, self.user_id, text, keyboard=keyboard)

    async def targetable(self) -> list[GroupInfo]:
        """The groups this author may send to: all (org admins) or those they administer."""
        if self.deps.is_org_admin(self.user_id):
            return await groups.list_active(self.session)
        return await targetable_groups(self.session, self.user_id)


async def targetable_groups(session: AsyncSession, user_id: int) -> list[GroupInfo]:
    found = []
    for group_id in await admins.administered_group_ids(session, user_id):
        group = await groups.get(session, group_id)
        if group is not None and group.bot_is_member:
            found.append(group)
    return sorted(found, key=lambda group: group.title)
