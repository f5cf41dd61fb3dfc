"""Activity summaries (charter 七(三)): figures, the group message, the chart and the exports.

Pure functions over plain facts: the activity service reads the database and builds
`ActivityFacts` and `PastActivity`; nothing here touches the database or Telegram.
"""

from organizer.reports.chart import summary_chart
from organizer.reports.export import attendance_export_csv, attendance_export_xlsx
from organizer.reports.facts import ActivityFacts, Attendee, PastActivity, SurveyAnswer
from organizer.reports.render import render_summary
from organizer.reports.summary import (
    ActivitySummary,
    RatingStats,
    RsvpCounts,
    Trend,
    TrendLabel,
    summarize,
)

__all__ = [
    "ActivityFacts",
    "ActivitySummary",
    "Attendee",
    "PastActivity",
    "RatingStats",
    "RsvpCounts",
    "SurveyAnswer",
    "Trend",
    "TrendLabel",
    "attendance_export_csv",
    "attendance_export_xlsx",
    "render_summary",
    "summarize",
    "summary_chart",
]
