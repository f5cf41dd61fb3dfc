"""What the form accepts at each typed step, and the precise error for what it does not."""

from datetime import UTC, datetime, timedelta

import pytest

from handlers.propose import fields, inputs, steps
from handlers.propose.fields import FieldError

START = datetime(2026, 3, 5, 11, 30, tzinfo=UTC)  # 19:30 in Shanghai
END = START + timedelta(hours=2)
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def error_of(call, *args, **kwargs) -> tuple[str, dict]:
    with pytest.raises(FieldError) as raised:
        call(*args, **kwargs)
    return raised.value.code, raised.value.params


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3楼会议室", ("3楼会议室", None)),
        ("https://meeting.example.com/123", (None, "https://meeting.example.com/123")),
        ("HTTPS://Example.org/a?b=1", (None, "HTTPS://Example.org/a?b=1")),
        ("会议室 A | https://m.example.com/1", ("会议室 A", "https://m.example.com/1")),
    ],
)
def test_places_and_links(typed, expected) -> None:
    assert fields.place(typed) == expected


@pytest.mark.parametrize(
    "typed", ["http//x", "https://x", "http://exa mple.com", "httpx://a.b", "会议室 | www.a.com"]
)
def test_a_link_that_is_not_a_url_is_named(typed) -> None:
    code, params = error_of(fields.place, typed)
    assert code == "propose-error-url-invalid" and params["value"] in typed


@pytest.mark.parametrize(("typed", "number"), [("30", 30), ("３０", 30), ("30人", 30), ("1", 1)])
def test_capacity(typed, number) -> None:
    assert fields.capacity(typed) == number


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abc", "propose-error-capacity-not-number"),
        ("2.5", "propose-error-capacity-not-number"),
        ("0", "propose-error-capacity-range"),
        ("-3", "propose-error-capacity-range"),
        ("10001", "propose-error-capacity-range"),
    ],
)
def test_capacity_errors(typed, code) -> None:
    assert error_of(fields.capacity, typed)[0] == code


def test_title_limits() -> None:
    assert fields.title("  课程设计评审会 ") == "课程设计评审会"
    assert error_of(fields.title, "x" * 101) == (
        "propose-error-title-too-long",
        {"length": 101, "max": 100},
    )
    assert error_of(fields.title, "   ")[0] == "propose-error-empty"
    assert error_of(fields.title, "两行\n标题")[0] == "propose-error-title-one-line"


@pytest.mark.parametrize(
    ("typed", "item"),
    [
        ("19:30 开场 — 张老师", {"time": "19:30", "topic": "开场", "speaker": "张老师"}),
        ("20：15 案例 - Li", {"time": "20:15", "topic": "案例", "speaker": "Li"}),
        ("自由交流", {"time": None, "topic": "自由交流", "speaker": None}),
        ("总结——王老师", {"time": None, "topic": "总结", "speaker": "王老师"}),
    ],
)
def test_agenda_items(typed, item) -> None:
    assert fields.agenda_item(typed, starts_at=START, ends_at=END, tz="Asia/Shanghai") == item


def test_agenda_times_are_checked() -> None:
    code, params = error_of(
        fields.agenda_item, "22:00 太晚", starts_at=START, ends_at=END, tz="Asia/Shanghai"
    )
    assert (code, params) == (
        "propose-error-agenda-time-outside",
        {"time": "22:00", "start": "19:30", "end": "21:30"},
    )
    assert (
        error_of(fields.agenda_item, "25:00 x", starts_at=START, ends_at=END, tz="Asia/Shanghai")[0]
        == "timeparse-invalid-time"
    )


def test_a_new_start_keeps_the_duration_and_the_deadline_is_checked() -> None:
    data = {"starts_at": START.isoformat(), "ends_at": END.isoformat()}
    moved = inputs.with_start(data, START + timedelta(days=1), now=NOW, tz="Asia/Shanghai")
    assert moved["ends_at"] == (END + timedelta(days=1)).isoformat()
    code, params = error_of(inputs.with_deadline, data, END, now=NOW, tz="Asia/Shanghai")
    assert code == "propose-error-deadline-after-start"
    assert params == {"deadline": "2026-03-05 21:30", "start": "2026-03-05 19:30"}


def test_occurrences_and_their_limits() -> None:
    data = {"starts_at": START.isoformat(), "repeat_weeks": 2}
    four = inputs.with_occurrences(data, 4, tz="Asia/Shanghai")
    assert inputs.occurrence_count(four, tz="Asia/Shanghai") == 4
    assert four["repeat_until"] == "2026-04-16T15:59:00+00:00"  # 23:59 local, day of the 4th
    assert error_of(inputs.with_occurrences, data, 27, tz="Asia/Shanghai")[0] == (
        "propose-error-stale"
    )


def test_back_from_the_preview_depends_on_repeat() -> None:
    assert steps.previous_step("preview", {"repeat_weeks": 0}) == "repeat"
    assert steps.previous_step("preview", {"repeat_weeks": 1}) == "until"
    assert steps.next_step("repeat", {"repeat_weeks": 0}) == "preview"
    assert steps.next_step("title", {"jump": True}) == "preview"
    assert steps.next_step("start", {"jump": True}) == "end"  # the end must follow the start
    assert steps.previous_step("kind", {}) is None
