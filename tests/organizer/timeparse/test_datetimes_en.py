"""English dates and times, against Monday 2026-03-02 09:00 in Shanghai."""

from __future__ import annotations

from datetime import datetime

import pytest

from organizer.timeparse import parse_datetime
from tests.organizer.timeparse.helpers import NOW, SHANGHAI, sh


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow 7pm", sh(2026, 3, 3, 19, 0)),
        ("Tomorrow 7PM", sh(2026, 3, 3, 19, 0)),
        ("TOMORROW 7 P.M.", sh(2026, 3, 3, 19, 0)),
        ("tomorrow at 7pm", sh(2026, 3, 3, 19, 0)),
        ("tomorrow, 19:30", sh(2026, 3, 3, 19, 30)),
        ("tmrw 8am", sh(2026, 3, 3, 8, 0)),
        ("today 19:30", sh(2026, 3, 2, 19, 30)),
        ("today noon", sh(2026, 3, 2, 12, 0)),
        ("tonight 8:00", sh(2026, 3, 2, 20, 0)),
        ("tonight 8pm", sh(2026, 3, 2, 20, 0)),
        ("day after tomorrow 10am", sh(2026, 3, 4, 10, 0)),
        ("the day after tomorrow 10:00", sh(2026, 3, 4, 10, 0)),
        ("Dec 1 19:30", sh(2026, 12, 1, 19, 30)),
        ("dec. 1 19:30", sh(2026, 12, 1, 19, 30)),
        ("Dec 1st 7pm", sh(2026, 12, 1, 19, 0)),
        ("December 1, 7 pm", sh(2026, 12, 1, 19, 0)),
        ("December 1, 2026 19:30", sh(2026, 12, 1, 19, 30)),
        ("Dec 1 2027 19:30", sh(2027, 12, 1, 19, 30)),
        ("1 Dec 2026 7:30pm", sh(2026, 12, 1, 19, 30)),
        ("1 December 7:30 pm", sh(2026, 12, 1, 19, 30)),
        ("1st of December 10am", sh(2026, 12, 1, 10, 0)),
        ("Sept 9 9:00", sh(2026, 9, 9, 9, 0)),
        ("next wednesday 19:30", sh(2026, 3, 11, 19, 30)),
        ("next Wed 19:30", sh(2026, 3, 11, 19, 30)),
        ("next monday 9am", sh(2026, 3, 9, 9, 0)),
        ("wed 19:30", sh(2026, 3, 4, 19, 30)),
        ("Wednesday 19:30", sh(2026, 3, 4, 19, 30)),
        ("on thu 6pm", sh(2026, 3, 5, 18, 0)),
        ("sunday 10am", sh(2026, 3, 8, 10, 0)),
        ("this friday 3pm", sh(2026, 3, 6, 15, 0)),
        ("this sun 3pm", sh(2026, 3, 8, 15, 0)),
        ("7pm tomorrow", sh(2026, 3, 3, 19, 0)),
        ("7pm on friday", sh(2026, 3, 6, 19, 0)),
        ("10:00 Dec 1", sh(2026, 12, 1, 10, 0)),
        ("in 2 hours", sh(2026, 3, 2, 11, 0)),
        ("in 90 minutes", sh(2026, 3, 2, 10, 30)),
        ("in 1.5 hours", sh(2026, 3, 2, 10, 30)),
        ("in an hour", sh(2026, 3, 2, 10, 0)),
        ("in half an hour", sh(2026, 3, 2, 9, 30)),
        ("in 2h30m", sh(2026, 3, 2, 11, 30)),
        ("in 3 days 10:00", sh(2026, 3, 5, 10, 0)),
        ("in 1 day 9pm", sh(2026, 3, 3, 21, 0)),
        ("in 2 weeks 10:00", sh(2026, 3, 16, 10, 0)),
        ("ＴＯＭＯＲＲＯＷ　７ＰＭ", sh(2026, 3, 3, 19, 0)),
        ("  next   wed   19:30 ", sh(2026, 3, 11, 19, 30)),
    ],
)
def test_english_forms(text: str, expected: datetime) -> None:
    assert parse_datetime(text, now=NOW, tz=SHANGHAI) == expected
