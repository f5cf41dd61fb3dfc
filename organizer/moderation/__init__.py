"""Moderation detectors and the pure pipeline running them (charter 四(三), 六(二), 三(二), 四(一)).

No database and no Telegram here: plain dataclasses in (`MessageFacts`, `ModerationPolicy`), at
most one `Hit` out. Handlers and services turn a hit into actions.
"""

from organizer.moderation.advertising import AdFacts
from organizer.moderation.flood import FloodGuard, FloodLimits
from organizer.moderation.hits import RULES, Hit
from organizer.moderation.lexicon import Lexicon
from organizer.moderation.media import MediaFacts, MediaLimits
from organizer.moderation.pipeline import MessageFacts, Pipeline
from organizer.moderation.policy import ModerationPolicy

__all__ = [
    "RULES",
    "AdFacts",
    "FloodGuard",
    "FloodLimits",
    "Hit",
    "Lexicon",
    "MediaFacts",
    "MediaLimits",
    "MessageFacts",
    "ModerationPolicy",
    "Pipeline",
]
