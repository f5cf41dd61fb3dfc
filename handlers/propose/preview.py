"""The proposal shown exactly as its announcement will look: to the proposer before submitting
and to the admins on the approval card. The announcement part is in the group's language."""

from __future__ import annotations

from handlers.propose.callbacks import form, review
from organizer.i18n import Catalogue, Texts
from organizer.messenger import Button, Keyboard
from organizer.models import ActivityStatus
from organizer.services.activities import ActivityInfo, ProposalData, occurrence_starts
from organizer.services.announcements import render_text
from organizer.services.groups import GroupInfo
from organizer.services.rsvp import RsvpCounts


def as_announced(proposal: ProposalData, *, group_id: int, proposer_id: int) -> ActivityInfo:
    """An ActivityInfo for a proposal not (yet) published, to render its announcement."""
    return ActivityInfo(
        id=0,
        group_id=group_id,
        proposer_id=proposer_id,
        series_id=None,
        kind=proposal.kind,
        title=proposal.title,
        description=proposal.description,
        starts_at=proposal.starts_at,
        ends_at=proposal.ends_at,
        location=proposal.location,
        online_url=proposal.online_url,
        capacity=proposal.capacity,
        rsvp_deadline=proposal.rsvp_deadline,
        coordinator=proposal.coordinator,
        agenda=proposal.agenda,
        reminder_minutes=proposal.reminder_minutes,
        # Published: the announcement then shows the RSVP deadline, as the real one will.
        status=ActivityStatus.PUBLISHED,
        review_note=None,
        announcement_message_id=None,
        sequence=0,
        checkin_code=None,
        organizer_notes=None,
        survey_closes_at=None,
        summary_posted_at=None,
    )


def announcement(
    proposal: ProposalData,
    group: GroupInfo,
    *,
    proposer_id: int,
    proposer_name: str,
    catalogue: Catalogue,
) -> str:
    activity = as_announced(proposal, group_id=group.id, proposer_id=proposer_id)
    group_texts = catalogue.for_language(group.language)
    return render_text(activity, RsvpCounts(), group, proposer_name, group_texts)


def repeat_line(proposal: ProposalData, group: GroupInfo, texts: Texts) -> str | None:
    if proposal.recurrence is None:
        return None
    starts = occurrence_starts(proposal, group.timezone)
    dates = ", ".join(start.astimezone(group.tz).strftime("%m-%d") for start in starts)
    rule = texts(f"propose-repeat-{proposal.recurrence.interval_weeks}")
    return texts("propose-preview-repeat", rule=rule, count=len(starts), dates=dates)


def proposer_preview(
    proposal: ProposalData,
    group: GroupInfo,
    texts: Texts,
    *,
    announced: str,
    direct: bool,
    note: str | None,
) -> str:
    parts = [texts("propose-preview-header", group=group.title), announced]
    repeat = repeat_line(proposal, group, texts)
    if repeat:
        parts.append(repeat)
    if note:
        parts.append(texts("propose-preview-note", note=note))
    parts.append(texts("propose-preview-direct" if direct else "propose-preview-review"))
    return "\n\n".join(parts)


def preview_keyboard(texts: Texts) -> Keyboard:
    return (
        (
            Button(texts("propose-button-submit"), form("submit")),
            Button(texts("propose-button-edit"), form("edit")),
        ),
        (
            Button(texts("propose-button-back"), form("back", "preview")),
            Button(texts("propose-button-cancel"), form("cancel", "preview")),
        ),
    )


def card_text(
    proposal: ProposalData,
    group: GroupInfo,
    texts: Texts,
    *,
    announced: str,
    proposer: str,
    revised_after: str | None,
    in_group: bool = False,
) -> str:
    """The approval card: who proposes what for which group, then the announcement itself."""
    parts = [texts("review-card-header", group=group.title, proposer=proposer)]
    if revised_after:
        # Kept short: the card must stay within one Telegram message.
        note = revised_after if len(revised_after) <= 300 else revised_after[:300] + "…"
        parts.append(texts("review-card-revised", note=note))
    parts.append(announced)
    repeat = repeat_line(proposal, group, texts)
    if repeat:
        parts.append(repeat)
    if in_group:
        parts.append(texts("review-card-in-group"))
    return "\n\n".join(parts)


def card_keyboard(activity_id: int, texts: Texts) -> Keyboard:
    return (
        (
            Button(texts("review-button-approve"), review("approve", activity_id)),
            Button(texts("review-button-reject"), review("reject", activity_id)),
        ),
        (Button(texts("review-button-changes"), review("changes", activity_id)),),
    )
