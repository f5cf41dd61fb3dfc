"""Every timed step of a published activity (charter 七(二)–七(三)), registered at once:
reminders, the check-in window, the announcement refresh, the survey, its reminder and the
summary when it closes."""

from __future__ import annotations

from scheduler.jobs import activity_checkin, activity_reminders, activity_summary, activity_survey
from scheduler.registry import ActionRegistry


def register_activity_jobs(registry: ActionRegistry) -> ActionRegistry:
    activity_reminders.register(registry)
    activity_checkin.register(registry)
    activity_survey.register(registry)
    activity_summary.register(registry)
    return registry
