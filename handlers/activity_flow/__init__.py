"""An activity from its start to its summary, as members and organizers see it (charter
七(二)–七(三)): check-in (button and code), attendance corrections, the feedback survey (and a
group's own wording of it) and the organizer's notes. The timed side (reminders, the check-in
window, survey sends, the summary) is in scheduler/jobs/activity_*.py.

Included before the /start router: it owns the `survey_<id>` deep link.
"""

from __future__ import annotations

from aiogram import Router

from handlers.activity_flow import attendance, checkin, notes, survey, survey_wording


def build_router() -> Router:
    router = Router(name="activity_flow")
    router.include_routers(
        survey.build_router(),
        checkin.build_router(),
        attendance.build_router(),
        notes.build_router(),
        survey_wording.build_router(),
        # Last: any private text while a survey waits, after the flows' own typed steps.
        survey.build_text_router(),
    )
    return router
