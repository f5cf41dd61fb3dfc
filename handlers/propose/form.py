"""The proposal form's conversation: show a step, take an answer, save the draft, move on.

The draft in the database is the only state: no FSM state is kept for the form, so nothing is
lost on a restart, and other conversations (a /manage change, a check-in code) that do set an
FSM state take the user's typed text while they last. Text typed in private with no FSM state
goes to the draft's step while the draft is in use (see `answers.on_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.propose import preview, steps
from handlers.propose.prompts import step_prompt
from handlers.replies import send
from organizer.i18n import Texts
from organizer.messenger import Keyboard, MessengerError
from organizer.services import admins, drafts, groups, users
from organizer.services.activities import ProposalData
from organizer.services.drafts import DraftData, DraftIncomplete, DraftInfo
from organizer.services.groups import GroupInfo


def may_publish_directly(group: GroupInfo, user_id: int, *, is_admin: bool) -> bool:
    """Admins (and organizers the group trusts) publish without approval unless the group's
    `publish_without_approval` setting says otherwise."""
    trusted = user_id in (group.settings.get("trusted_organizer_ids") or [])
    return bool(group.settings.get("publish_without_approval", True)) and (is_admin or trusted)


@dataclass
class Form:
    """One user's form, for the length of one update."""

    session: AsyncSession
    deps: HandlerDeps
    texts: Texts
    user_id: int

    async def show(
        self,
        draft: DraftInfo,
        *,
        error: str | None = None,
        edit: int | None = None,
        month: str = "",
    ) -> None:
        """Ask the draft's current step (after `error`, if the last answer was wrong)."""
        group = await groups.get(self.session, draft.group_id) if draft.group_id else None
        if group is None or not group.bot_is_member:
            await drafts.discard(self.session, self.user_id)
            await self.put(self.texts("propose-error-group-gone"), None, edit)
            return
        if draft.step == "preview":
            text, keyboard = await self.preview(draft, group)
        else:
            now = self.deps.clock.now()
            text, keyboard = step_prompt(draft.step, draft.data, group, self.texts, now, month)
        if error:
            text = f"{error}\n\n{text}"
        await self.put(text, keyboard, edit)

    async def put(self, text: str, keyboard: Keyboard | None, edit: int | None = None) -> None:
        """Edit the message whose button was pressed, or send a new one after typed text."""
        if edit is not None:
            try:
                await self.deps.messenger.edit_text(self.user_id, edit, text, keyboard=keyboard)
                return
            except MessengerError:
                pass  # too old or deleted: a fresh message does as well
        await send(self.deps, self.user_id, text, keyboard=keyboard)

    async def advance(self, draft: DraftInfo, data: DraftData, *, edit: int | None = None) -> None:
        """Save an accepted answer and ask the next step (the agenda takes several answers)."""
        step = "agenda" if draft.step == "agenda" else steps.next_step(draft.step, data)
        await self.go(draft, step, data, edit=edit)

    async def go(
        self,
        draft: DraftInfo,
        step: str,
        data: DraftData | None = None,
        *,
        edit: int | None = None,
    ) -> None:
        data = draft.data if data is None else data
        if step == "preview":
            data = steps.leave_jump(data)
        now = self.deps.clock.now()
        saved = await drafts.save(self.session, self.user_id, step=step, data=data, now=now)
        await self.show(saved, edit=edit)

    async def preview(self, draft: DraftInfo, group: GroupInfo) -> tuple[str, Keyboard]:
        try:
            proposal = drafts.to_proposal(draft.data)
        except DraftIncomplete as missing:
            # Only a hand-edited or very old draft gets here: send the user to what is missing.
            saved = await drafts.save(
                self.session,
                self.user_id,
                step=missing.step,
                data=draft.data,
                now=self.deps.clock.now(),
            )
            assert saved.step != "preview"
            return step_prompt(saved.step, saved.data, group, self.texts, self.deps.clock.now())
        is_admin = await admins.is_group_admin(
            self.session, group.id, self.user_id, org_admin_ids=self.deps.settings.org_admin_ids
        )
        announced = await self.announcement(proposal, group)
        text = preview.proposer_preview(
            proposal,
            group,
            self.texts,
            announced=announced,
            direct=may_publish_directly(group, self.user_id, is_admin=is_admin),
            note=draft.data.get("review_note"),
        )
        return text, preview.preview_keyboard(self.texts)

    async def announcement(self, proposal: ProposalData, group: GroupInfo) -> str:
        """The announcement as the group will see it (in the group's language)."""
        user = await users.get(self.session, self.user_id)
        return preview.announcement(
            proposal,
            group,
            proposer_id=self.user_id,
            proposer_name=user.display_name if user else str(self.user_id),
            catalogue=self.deps.catalogue,
        )
