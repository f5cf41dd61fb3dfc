import pytest

from organizer.moderation.media import MIB, MediaFacts, MediaLimits, check


@pytest.mark.parametrize(
    ("media", "rule", "charter_ref"),
    [
        (MediaFacts("document", size_bytes=21 * MIB), "media.file_size", "三(二)"),
        (MediaFacts("audio", size_bytes=25 * MIB), "media.file_size", "三(二)"),
        (MediaFacts("video", size_bytes=51 * MIB), "media.video_size", "三(二)"),
        (MediaFacts("animation", size_bytes=60 * MIB), "media.video_size", "三(二)"),
        (MediaFacts("voice", duration_s=61), "media.voice_duration", "四(一)"),
        (MediaFacts("voice", duration_s=180.5), "media.voice_duration", "四(一)"),
    ],
)
def test_over_the_limit_is_a_notice(media: MediaFacts, rule: str, charter_ref: str) -> None:
    hit = check(media, MediaLimits())
    assert hit is not None
    assert (hit.rule, hit.category, hit.charter_ref) == (rule, "media", charter_ref)
    assert hit.is_violation is False  # a polite notice, nothing counts against the member


@pytest.mark.parametrize(
    "media",
    [
        MediaFacts("document", size_bytes=20 * MIB),  # exactly at the limit
        MediaFacts("video", size_bytes=30 * MIB),  # a video has its own, larger limit
        MediaFacts("voice", duration_s=60),
        MediaFacts("voice", duration_s=None),
        MediaFacts("photo", size_bytes=None),
        MediaFacts("sticker", size_bytes=50_000),
    ],
)
def test_within_the_limit_is_fine(media: MediaFacts) -> None:
    assert check(media, MediaLimits()) is None


def test_a_zero_limit_switches_the_rule_off() -> None:
    limits = MediaLimits(max_file_mb=0, max_video_mb=0, max_voice_s=0)
    assert check(MediaFacts("document", size_bytes=500 * MIB), limits) is None
    assert check(MediaFacts("video", size_bytes=500 * MIB), limits) is None
    assert check(MediaFacts("voice", duration_s=600), limits) is None


def test_evidence_names_the_size_and_the_limit() -> None:
    hit = check(MediaFacts("document", size_bytes=int(25.5 * MIB)), MediaLimits())
    assert hit is not None and hit.evidence == "25.5 MB > 20 MB"
    voice = check(MediaFacts("voice", duration_s=95), MediaLimits(max_voice_s=30))
    assert voice is not None and voice.evidence == "95 s > 30 s"
