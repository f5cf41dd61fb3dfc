"""What a detector reports: one `Hit` per message at most (the first rule that fired).

`rule` is "<family>.<name>" ("banned.gambling", "ad.link", "private.id_number", "flood.rate",
"media.voice_duration"); `category` groups rules by the charter's prohibition, which is what
violation records, the escalation ladder and the assessment count; `charter_ref` is the section
cited to the member. Media hits are notices (`is_violation=False`): the message stays, the member
gets a polite word, nothing is recorded against them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Categories: the charter's prohibitions (四(三), 六(二)), and the media notices (三(二), 四(一)).
ILLEGAL = "illegal"  # 四(三)1: porn, violence, gambling, fraud, subversion
ABUSE = "abuse"  # 四(三)5: insults and personal attacks
ADVERTISING = "advertising"  # 四(三)4
FLOODING = "flooding"  # 四(三)3
PRIVATE_DATA = "private_data"  # 六(二)1
MEDIA = "media"  # 三(二)3 file and video size, 四(一)2 voice length: notices only

CHARTER_PROHIBITED = "四(三)"
CHARTER_INFORMATION_SECURITY = "六(二)"
CHARTER_PUBLISHING_FORMAT = "三(二)"
CHARTER_COMMUNICATION_MODES = "四(一)"

EVIDENCE_MAX_CHARS = 40

# Every rule a detector can report; each has a "mod-reason-…" text in zh and en.
RULES = (
    *(f"banned.{c}" for c in ("porn", "violence", "gambling", "fraud", "subversion", "abuse")),
    *(f"ad.{name}" for name in ("link", "invite", "mention", "contact", "forward")),
    *(f"private.{name}" for name in ("mobile", "id_number", "bank_card", "email")),
    "flood.rate",
    "flood.repeat",
    *(f"media.{name}" for name in ("file_size", "video_size", "voice_duration")),
)


@dataclass(frozen=True, slots=True)
class Hit:
    rule: str
    category: str
    evidence: str  # short, and masked when it is private data
    charter_ref: str
    is_violation: bool = True

    @property
    def message_key(self) -> str:
        """The Fluent message explaining the rule: "ad.link" → "mod-reason-ad-link"."""
        return "mod-reason-" + self.rule.replace(".", "-").replace("_", "-")


def clip(evidence: str) -> str:
    """Evidence goes to the admin log and the member: keep it to one short line."""
    evidence = " ".join(evidence.split())
    if len(evidence) <= EVIDENCE_MAX_CHARS:
        return evidence
    return evidence[: EVIDENCE_MAX_CHARS - 1] + "…"
