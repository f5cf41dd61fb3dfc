"""ORM models. Services return DTOs built from these, never the ORM objects themselves."""

from organizer.database import Base
from organizer.models import assessment, calendar_feeds, content, moderation, notices  # noqa: F401  (registers their tables)
from organizer.models.activity import (
    Activity,
    ActivityDraft,
    ActivityKind,
    ActivityStatus,
    Attendance,
    Rsvp,
    RsvpStatus,
    SurveyResponse,
)
from organizer.models.group import Group, GroupKind
from organizer.models.members import (
    Feedback,
    GroupApprover,
    JoinRequest,
    JoinRequestStatus,
    LostAccountReport,
    MemberType,
)
from organizer.models.membership import MemberRole, Membership, MemberStatus
from organizer.models.scheduled_action import ActionReceipt, ActionStatus, ScheduledAction
from organizer.models.user import User

__all__ = [
    "ActionReceipt",
    "ActionStatus",
    "Activity",
    "ActivityDraft",
    "ActivityKind",
    "ActivityStatus",
    "Attendance",
    "Rsvp",
    "RsvpStatus",
    "SurveyResponse",
    "Base",
    "Feedback",
    "GroupApprover",
    "JoinRequest",
    "JoinRequestStatus",
    "LostAccountReport",
    "MemberType",
    "Group",
    "GroupKind",
    "MemberRole",
    "MemberStatus",
    "Membership",
    "ScheduledAction",
    "User",
]
