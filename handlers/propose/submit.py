"""Submit: check the draft once more, store the proposal, then publish it at once (admins, if
the group allows) or send it to the group's admins for approval."""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot

from handlers.propose import approval, fields, inputs
from handlers.propose.form import Form, may_publish_directly
from organizer.services import activities, admins, drafts
from organizer.services.activities import ActivityError, ActivityInfo, ProposalData
from organizer.services.drafts import DraftInfo
from organizer.services.groups import GroupInfo


async def submit(
    form_: Form, draft: DraftInfo, group: GroupInfo, bot: Bot, *, edit: int | None
) -> None:
    session, deps, texts = form_.session, form_.deps, form_.texts
    now = deps.clock.now()
    if await _sent_back_to_fix(form_, draft, group, now, edit):
        return
    # Deleting the draft first claims it: of two quick presses of Submit only one finds it
    # (the delete waits for the other's lock), so one proposal is stored, not two.
    if not await drafts.discard(session, form_.user_id):
        return
    proposal = drafts.to_proposal(draft.data)
    await approval.refresh_admins(bot, session, group.id, now)
    activity = await _store(form_, draft, group, proposal, now)
    if activity is None:
        # The proposal being revised was decided meanwhile: there is nothing to update.
        await form_.put(texts("propose-revise-unavailable"), None, edit)
        return
    is_admin = await admins.is_group_admin(
        session, group.id, form_.user_id, org_admin_ids=deps.settings.org_admin_ids
    )
    if may_publish_directly(group, form_.user_id, is_admin=is_admin):
        published = await approval.publish(
            session, deps, activity.id, group, reviewer_id=None, now=now
        )
        link = approval.announcement_link(group.id, published[0].announcement_message_id)
        text = texts(
            "propose-published", title=activity.title, group=group.title, link=link or "none"
        )
        await form_.put(text, None, edit)
        return
    privately = await approval.send_cards(session, deps, activity, group, now)
    key = "propose-submitted" if privately else "propose-submitted-in-group"
    await form_.put(texts(key, title=activity.title, group=group.title), None, edit)


async def _sent_back_to_fix(
    form_: Form, draft: DraftInfo, group: GroupInfo, now: datetime, edit: int | None
) -> bool:
    """What time or a later change made wrong since each step checked its answer (a start
    that passed, an announcement too long for one message): straight to the step that fixes
    it, and back to the preview after."""
    texts = form_.texts
    found = inputs.problem(draft.data, tz=group.timezone, now=now)
    if found is not None:
        step, error = found
        message = texts(error.code, **error.params)
    else:
        length = len(await form_.announcement(drafts.to_proposal(draft.data), group))
        if length <= fields.ANNOUNCEMENT_MAX:
            return False
        # The description is what can give the most.
        step = "description"
        message = texts(
            "propose-error-announcement-too-long", length=length, max=fields.ANNOUNCEMENT_MAX
        )
    data = {**draft.data, "jump": True}
    saved = await drafts.save(form_.session, form_.user_id, step=step, data=data, now=now)
    await form_.show(saved, error=message, edit=edit)
    return True


async def _store(
    form_: Form, draft: DraftInfo, group: GroupInfo, proposal: ProposalData, now: datetime
) -> ActivityInfo | None:
    """A new proposal, or the revision of one sent back for changes (None: no longer can be)."""
    if draft.activity_id is None:
        return await activities.submit(
            form_.session, proposer_id=form_.user_id, group_id=group.id, data=proposal, now=now
        )
    try:
        return await activities.resubmit(
            form_.session, draft.activity_id, proposer_id=form_.user_id, data=proposal, now=now
        )
    except ActivityError:
        return None
