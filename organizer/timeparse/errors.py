"""The one error the parser raises: a catalogue key plus the arguments its text needs."""

from __future__ import annotations

from collections.abc import Callable

# Every key below exists in organizer/i18n/locales/{zh,en}/timeparse.ftl.
EMPTY = "timeparse-empty"
UNKNOWN = "timeparse-unknown"
TIME_UNKNOWN = "timeparse-time-unknown"
DURATION_UNKNOWN = "timeparse-duration-unknown"
END_UNKNOWN = "timeparse-end-unknown"
INVALID_DATE = "timeparse-invalid-date"
INVALID_TIME = "timeparse-invalid-time"
TIME_MISSING = "timeparse-time-missing"
IN_PAST = "timeparse-in-past"
END_BEFORE_START = "timeparse-end-before-start"
DURATION_INVALID = "timeparse-duration-invalid"

ALL_CODES = (
    EMPTY,
    UNKNOWN,
    TIME_UNKNOWN,
    DURATION_UNKNOWN,
    END_UNKNOWN,
    INVALID_DATE,
    INVALID_TIME,
    TIME_MISSING,
    IN_PAST,
    END_BEFORE_START,
    DURATION_INVALID,
)


class ParseError(ValueError):
    """Typed text that is not a usable time.

    `code` is a catalogue key and `params` its arguments, all plain strings (dates in them are
    written "2026-03-01 08:00", which reads the same in both languages), so a handler shows it
    with `texts(error.code, **error.params)` or `error.render(texts)`.
    """

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code, params)
        self.code = code
        self.params: dict[str, str] = params

    def render(self, texts: Callable[..., str]) -> str:
        return texts(self.code, **self.params)

    def __repr__(self) -> str:
        return f"ParseError({self.code!r}, {self.params!r})"
