"""Errors the emulator answers with, worded exactly as the real Bot API words them.

aiogram picks its exception class from the HTTP status and `parameters`, and bot code often
matches on the description text, so both must be faithful.
"""

from __future__ import annotations


class ApiError(Exception):
    """An unsuccessful Bot API answer: becomes {"ok": false, "error_code", "description"}."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def to_json(self) -> dict[str, object]:
        body: dict[str, object] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> ApiError:
    return ApiError(403, f"Forbidden: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


def chat_not_found() -> ApiError:
    return bad_request("chat not found")


class EmulatorUsageError(Exception):
    """A test drove the emulator into something a real user could not do (e.g. a non-member
    posting in a group, pressing a button that does not exist)."""
