"""File names for calendar files sent as Telegram documents."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

MAX_SLUG_LENGTH = 60


def ics_filename(title: str, starts_at: datetime, tz: str) -> str:
    """ "2026-12-01-weekly-sync.ics": the local date of the start and the title in ASCII.

    Plain ASCII survives every client's multipart and file-system handling. A title with
    nothing readable left in ASCII (Chinese, say) gives "activity-2026-12-01.ics".
    """
    day = starts_at.astimezone(ZoneInfo(tz)).date().isoformat()
    slug = _ascii_slug(title)
    return f"{day}-{slug}.ics" if slug else f"activity-{day}.ics"


def _ascii_slug(title: str) -> str:
    # NFKD splits accented letters ("é" -> "e" + accent) and maps full-width ones to ASCII, so
    # dropping what is still not ASCII keeps "Café" as "cafe" and "ＡＢＣ" as "abc".
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if not re.search(r"[a-z]", slug):  # a lone number left from "第3周" says nothing
        return ""
    cut = slug[:MAX_SLUG_LENGTH]
    if len(slug) > MAX_SLUG_LENGTH and "-" in cut:
        cut = cut.rsplit("-", 1)[0]  # end on a whole word
    return cut.strip("-")
