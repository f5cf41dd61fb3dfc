"""Media notices: file and video size (charter 三(二)3 大小适中), voice length (四(一)2 控制时长).

These are notices, not violations (`Hit.is_violation` is False): the message stays, the member
is asked politely to keep it shorter or smaller next time, nothing counts against them. A limit
of 0 switches its rule off. Sizes are in MiB (1024 × 1024 bytes), as Telegram shows them.

Kinds: "video", "video_note" and "animation" use the video limit; "voice" the voice length;
every other kind with a size ("document", "audio", "photo", ...) the file limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from organizer.moderation.hits import (
    CHARTER_COMMUNICATION_MODES,
    CHARTER_PUBLISHING_FORMAT,
    MEDIA,
    Hit,
)

MIB = 1024 * 1024
VIDEO_KINDS = frozenset({"video", "video_note", "animation"})
VOICE_KIND = "voice"


@dataclass(frozen=True, slots=True)
class MediaFacts:
    kind: str  # "document" | "video" | "video_note" | "animation" | "voice" | "audio" | "photo"
    size_bytes: int | None = None
    duration_s: float | None = None


@dataclass(frozen=True, slots=True)
class MediaLimits:
    max_file_mb: float = 20
    max_video_mb: float = 50
    max_voice_s: float = 60


def check(media: MediaFacts, limits: MediaLimits) -> Hit | None:
    """A notice when the media is over its group's limit, else None."""
    if media.kind == VOICE_KIND:
        return _voice(media, limits.max_voice_s)
    if media.kind in VIDEO_KINDS:
        return _size(media, limits.max_video_mb, "video_size")
    return _size(media, limits.max_file_mb, "file_size")


def _voice(media: MediaFacts, max_seconds: float) -> Hit | None:
    if not max_seconds or media.duration_s is None or media.duration_s <= max_seconds:
        return None
    evidence = f"{media.duration_s:g} s > {max_seconds:g} s"
    return _notice("voice_duration", evidence, CHARTER_COMMUNICATION_MODES)


def _size(media: MediaFacts, max_mb: float, rule: str) -> Hit | None:
    if not max_mb or media.size_bytes is None or media.size_bytes <= max_mb * MIB:
        return None
    evidence = f"{media.size_bytes / MIB:.1f} MB > {max_mb:g} MB"
    return _notice(rule, evidence, CHARTER_PUBLISHING_FORMAT)


def _notice(rule: str, evidence: str, charter_ref: str) -> Hit:
    return Hit(
        rule=f"media.{rule}",
        category=MEDIA,
        evidence=evidence,
        charter_ref=charter_ref,
        is_violation=False,
    )
