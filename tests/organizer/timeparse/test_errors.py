"""What parse_datetime says about text it cannot use, and that every such text is written."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from organizer.i18n import Catalogue
from organizer.timeparse import (
    ParseError,
    errors,
    parse_datetime,
    parse_duration,
    parse_end,
    parse_time_of_day,
)
from tests import ftl
from tests.organizer.timeparse.helpers import NOW, SHANGHAI, sh

SOURCE = Path(errors.__file__).parent


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "timeparse-empty", {}),
        ("   ", "timeparse-empty", {}),
        ("foo", "timeparse-unknown", {"value": "foo"}),
        ("明天 foo", "timeparse-unknown", {"value": "明天 foo"}),
        ("上周三 19:30", "timeparse-unknown", {"value": "上周三 19:30"}),
        ("12/1/2026 19:30", "timeparse-unknown", {"value": "12/1/2026 19:30"}),
        ("1930", "timeparse-unknown", {"value": "1930"}),
        ("tomorrow 7", "timeparse-unknown", {"value": "tomorrow 7"}),
        ("明天", "timeparse-time-missing", {"value": "明天"}),
        ("12月1日", "timeparse-time-missing", {"value": "12月1日"}),
        ("Dec 1", "timeparse-time-missing", {"value": "Dec 1"}),
        ("下周三", "timeparse-time-missing", {"value": "下周三"}),
        ("in 3 days", "timeparse-time-missing", {"value": "in 3 days"}),
        ("2/30 10:00", "timeparse-invalid-date", {"year": "2026", "month": "2", "day": "30"}),
        ("2月30日 10:00", "timeparse-invalid-date", {"year": "2026", "month": "2", "day": "30"}),
        ("Feb 29 10:00", "timeparse-invalid-date", {"year": "2026", "month": "2", "day": "29"}),
        ("2026-04-31 10:00", "timeparse-invalid-date", {"year": "2026", "month": "4", "day": "31"}),
        ("13/1 10:00", "timeparse-invalid-date", {"year": "2026", "month": "13", "day": "1"}),
        ("0/5 10:00", "timeparse-invalid-date", {"year": "2026", "month": "0", "day": "5"}),
        ("明天 25:00", "timeparse-invalid-time", {"value": "25:00"}),
        ("明天 19:60", "timeparse-invalid-time", {"value": "19:60"}),
        ("tomorrow 13pm", "timeparse-invalid-time", {"value": "13pm"}),
        ("25:00", "timeparse-invalid-time", {"value": "25:00"}),
        (
            "2026-03-01 19:30",
            "timeparse-in-past",
            {"when": "2026-03-01 19:30", "now": "2026-03-02 09:00"},
        ),
        ("今天 8:00", "timeparse-in-past", {"when": "2026-03-02 08:00", "now": "2026-03-02 09:00"}),
        (
            "today 9:00",
            "timeparse-in-past",
            {"when": "2026-03-02 09:00", "now": "2026-03-02 09:00"},
        ),
        ("in 0 minutes", "timeparse-duration-invalid", {"value": "0 minutes", "max_days": "7"}),
    ],
)
def test_datetime_errors(text: str, code: str, params: dict[str, str]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_datetime(text, now=NOW, tz=SHANGHAI)
    assert (caught.value.code, caught.value.params) == (code, params)


def test_the_31st_of_a_month_that_has_it_is_fine_and_of_one_that_has_not_is_not() -> None:
    assert parse_datetime("31号 10:00", now=NOW, tz=SHANGHAI) == sh(2026, 3, 31, 10)
    with pytest.raises(ParseError) as caught:
        parse_datetime("31号 10:00", now=sh(2026, 4, 5, 9), tz=SHANGHAI)
    assert caught.value.params == {"year": "2026", "month": "4", "day": "31"}


def test_an_error_is_a_value_error_with_a_readable_repr() -> None:
    error = ParseError("timeparse-unknown", value="x")
    assert isinstance(error, ValueError)
    assert repr(error) == "ParseError('timeparse-unknown', {'value': 'x'})"


# One real error for every code the parser raises, each with the params the parser gave it.
START = sh(2026, 3, 3, 19, 0)
RAISERS: dict[str, Callable[[], object]] = {
    "timeparse-empty": lambda: parse_datetime(" ", now=NOW, tz=SHANGHAI),
    "timeparse-unknown": lambda: parse_datetime("<b>foo</b>", now=NOW, tz=SHANGHAI),
    "timeparse-time-unknown": lambda: parse_time_of_day("abc"),
    "timeparse-duration-unknown": lambda: parse_duration("abc"),
    "timeparse-end-unknown": lambda: parse_end("abc", start=START, tz=SHANGHAI, now=NOW),
    "timeparse-invalid-date": lambda: parse_datetime("2/30 10:00", now=NOW, tz=SHANGHAI),
    "timeparse-invalid-time": lambda: parse_time_of_day("25:00"),
    "timeparse-time-missing": lambda: parse_datetime("明天", now=NOW, tz=SHANGHAI),
    "timeparse-in-past": lambda: parse_datetime("今天 8:00", now=NOW, tz=SHANGHAI),
    "timeparse-end-before-start": lambda: parse_end("18:00", start=START, tz=SHANGHAI, now=NOW),
    "timeparse-duration-invalid": lambda: parse_duration("8天"),
}


def _raised(code: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        RAISERS[code]()
    assert caught.value.code == code
    return caught.value


def _codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in SOURCE.glob("*.py"):
        found |= set(re.findall(r'"(timeparse-[a-z-]+)"', path.read_text(encoding="utf-8")))
    return found


def test_every_code_in_the_source_is_listed_and_has_a_raiser() -> None:
    assert _codes_in_source() == set(errors.ALL_CODES) == set(RAISERS)


def test_the_timeparse_texts_are_exactly_the_codes_with_the_same_variables() -> None:
    zh, en = ftl.variables("zh", "timeparse.ftl"), ftl.variables("en", "timeparse.ftl")
    assert set(zh) == set(en) == set(errors.ALL_CODES)
    assert zh == en


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", errors.ALL_CODES)
def test_every_error_renders_with_its_own_params(
    code: str, lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    error = _raised(code)
    assert set(error.params) == ftl.variables(lang, "timeparse.ftl")[code]
    catalogue = Catalogue()
    with caplog.at_level(logging.WARNING, logger="organizer.i18n"):
        text = error.render(catalogue.for_language(lang))
    assert caplog.records == []
    assert text != code
    assert "{" not in text and "$" not in text
    for value in error.params.values():
        assert value.replace("<", "&lt;").replace(">", "&gt;") in text


def test_unknown_text_is_quoted_html_escaped() -> None:
    text = _raised("timeparse-unknown").render(Catalogue().for_language("en"))
    assert '"&lt;b&gt;foo&lt;/b&gt;"' in text


def test_in_past_shows_the_local_time_it_read() -> None:
    texts = Catalogue().for_language("zh")
    assert "2026-03-02 08:00" in _raised("timeparse-in-past").render(texts)


def test_end_before_start_names_both_local_times() -> None:
    error = _raised("timeparse-end-before-start")
    assert error.params == {"end": "2026-03-03 18:00", "start": "2026-03-03 19:00"}


def test_too_long_is_measured_against_seven_days() -> None:
    assert parse_duration("7天") == timedelta(days=7)
    assert _raised("timeparse-duration-invalid").params["max_days"] == "7"
