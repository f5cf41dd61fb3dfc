"""The activity's announcement in the group: what it is, when, where, the agenda, live RSVP
counts and the buttons (going / maybe / can't, add to calendar, check in while it is open)."""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from organizer import callbacks
from organizer.i18n import Texts, shared_catalogue
from organizer.messenger import Button, Keyboard, Messenger, MessengerError, OutboundText
from organizer.models import Activity, ActivityStatus
from organizer.services import groups, rsvp, users
from organizer.services.activities import ActivityInfo, get
from organizer.services.activity_lifecycle import Timing
from organizer.services.groups import GroupInfo
from organizer.services.rsvp import RsvpCounts
from organizer.timeparse import format_local


def when_text(activity: ActivityInfo, group: GroupInfo) -> str:
    start = format_local(activity.starts_at, group.timezone, group.language)
    end = activity.ends_at.astimezone(group.tz).strftime("%H:%M")
    if activity.ends_at - activity.starts_at >= timedelta(days=1):
        end = format_local(activity.ends_at, group.timezone, group.language)
    return f"{start} – {end} ({group.timezone})"


def checkin_is_open(activity: ActivityInfo, timing: Timing, now: datetime) -> bool:
    opens = activity.starts_at - timedelta(minutes=timing.checkin_open_minutes)
    closes = activity.starts_at + timedelta(minutes=timing.checkin_close_minutes)
    return activity.status == ActivityStatus.PUBLISHED and opens <= now < closes


def render_text(
    activity: ActivityInfo, counts: RsvpCounts, group: GroupInfo, proposer: str, texts: Texts
) -> str:
    lines = [
        texts("announce-title", title=activity.title, kind=texts(f"activity-kind-{activity.kind}"))
    ]
    if activity.status == ActivityStatus.CANCELLED:
        lines.insert(0, texts("announce-cancelled"))
    lines.append(texts("announce-when", when=when_text(activity, group)))
    if activity.location:
        lines.append(texts("announce-place", place=activity.location))
    if activity.online_url:
        lines.append(texts("announce-link", url=activity.online_url))
    lines.append(texts("announce-organizer", name=proposer))
    if activity.coordinator:
        lines.append(texts("announce-coordinator", name=activity.coordinator))
    if activity.description:
        lines += ["", activity_description(activity.description)]
    if activity.agenda:
        lines += ["", texts("announce-agenda")]
        lines += [agenda_line(item.time, item.topic, item.speaker) for item in activity.agenda]
    lines.append("")
    lines.append(_counts_line(activity, counts, texts))
    if activity.rsvp_deadline and activity.status == ActivityStatus.PUBLISHED:
        deadline = format_local(activity.rsvp_deadline, group.timezone, group.language)
        lines.append(texts("announce-deadline", deadline=deadline))
    return "\n".join(lines)


def activity_description(text: str) -> str:
    return escape(text, quote=False)


def agenda_line(time: str | None, topic: str, speaker: str | None) -> str:
    line = f"{time} {escape(topic, quote=False)}" if time else f"• {escape(topic, quote=False)}"
    return f"{line} — {escape(speaker, quote=False)}" if speaker else line


def _counts_line(activity: ActivityInfo, counts: RsvpCounts, texts: Texts) -> str:
    if activity.capacity:
        return texts(
            "announce-counts-capacity",
            going=counts.going,
            capacity=activity.capacity,
            maybe=counts.maybe,
            waitlist=counts.waitlist,
        )
    return texts("announce-counts", going=counts.going, maybe=counts.maybe, no=counts.no)


def render_keyboard(
    activity: ActivityInfo, counts: RsvpCounts, texts: Texts, *, checkin_open: bool, now: datetime
) -> Keyboard | None:
    if activity.status != ActivityStatus.PUBLISHED or now >= activity.ends_at:
        return None
    rows: list[tuple[Button, ...]] = []
    if activity.rsvp_open(now):
        rows.append(
            (
                Button(texts("rsvp-going", n=counts.going), callbacks.rsvp(activity.id, "going")),
                Button(texts("rsvp-maybe", n=counts.maybe), callbacks.rsvp(activity.id, "maybe")),
                Button(texts("rsvp-no", n=counts.no), callbacks.rsvp(activity.id, "no")),
            )
        )
    if checkin_open:
        rows.append((Button(texts("checkin-button"), callbacks.check_in(activity.id)),))
    rows.append((Button(texts("calendar-button"), callbacks.add_to_calendar(activity.id)),))
    return tuple(rows)


async def _render(
    session: AsyncSession, activity_id: int, *, now: datetime
) -> tuple[ActivityInfo, GroupInfo, str, Keyboard | None]:
    activity = await get(session, activity_id)
    assert activity is not None
    group = await groups.get(session, activity.group_id)
    assert group is not None
    texts = shared_catalogue().for_language(group.language)
    proposer = await users.get(session, activity.proposer_id)
    name = proposer.display_name if proposer else str(activity.proposer_id)
    counts = await rsvp.counts(session, activity_id)
    open_now = checkin_is_open(activity, Timing.from_settings(group.settings), now)
    text = render_text(activity, counts, group, name, texts)
    return (
        activity,
        group,
        text,
        render_keyboard(activity, counts, texts, checkin_open=open_now, now=now),
    )


async def post(
    session: AsyncSession, messenger: Messenger, activity_id: int, *, now: datetime
) -> int:
    """Publish the announcement in the group and remember its message id."""
    activity, group, text, keyboard = await _render(session, activity_id, now=now)
    sent = await messenger.send_text(OutboundText(group.id, text, keyboard=keyboard))
    row = await session.get(Activity, activity_id)
    assert row is not None
    row.announcement_message_id = sent.message_id
    await session.flush()
    return sent.message_id


async def refresh(
    session: AsyncSession, messenger: Messenger, activity_id: int, *, now: datetime
) -> bool:
    """Re-render the announcement in place; False when there is none to edit."""
    activity, group, text, keyboard = await _render(session, activity_id, now=now)
    if activity.announcement_message_id is None:
        return False
    try:
        await messenger.edit_text(
            group.id, activity.announcement_message_id, text, keyboard=keyboard
        )
    except MessengerError:
        return False
    return True
