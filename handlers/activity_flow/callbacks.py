"""Callback data of the activity flow: versioned prefixes, ids and codes only, never trusted
(every press re-checks rights and state in the database)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from organizer import callbacks


class CheckInCallback(CallbackData, prefix=callbacks.CHECKIN_PREFIX):
    """The announcement's Check in button (built by the domain: callbacks.check_in)."""

    activity_id: int


class SurveyCallback(CallbackData, prefix=callbacks.SURVEY_PREFIX):
    """A rating (1..5) or Skip (0) in the survey (built by the domain: surveys.callback_data)."""

    activity_id: int
    question: str
    value: int


class AttendanceActivityCallback(CallbackData, prefix="v1at"):
    """/attendance: open the roster of one activity (0: back to the list)."""

    activity_id: int


class AttendanceMarkCallback(CallbackData, prefix="v1am"):
    """/attendance: set one member present (1) or absent (0); the target state, not a toggle,
    so a double press does not undo itself."""

    activity_id: int
    user_id: int
    present: int


class ExportsCallback(CallbackData, prefix="v1sx"):
    """/attendance: send me the summary, chart and exports of a finished activity."""

    activity_id: int


class NotesActivityCallback(CallbackData, prefix="v1nt"):
    """/notes: the activity the notes are for."""

    activity_id: int
