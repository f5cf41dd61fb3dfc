"""iCalendar files for activities: "add to calendar" and each group's calendar feed.

Built from plain frozen data (`CalendarActivity`), never from ORM objects.
"""

from organizer.calendar.filename import ics_filename
from organizer.calendar.ics import activity_ics, group_feed_ics
from organizer.calendar.model import AgendaItem, CalendarActivity, Recurrence
from organizer.calendar.recurrence import occurrences

__all__ = [
    "AgendaItem",
    "CalendarActivity",
    "Recurrence",
    "activity_ics",
    "group_feed_ics",
    "ics_filename",
    "occurrences",
]
