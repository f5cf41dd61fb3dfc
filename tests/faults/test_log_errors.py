"""What the fault scripts count as an error in a process's log."""

from __future__ import annotations

from faults.common import count_errors

LOG = """\
2026-11-24 06:21:54,389 INFO scheduler.runner: worker w tick: TickResult(claimed=1)
2026-11-24 06:21:55,001 WARNING scheduler.runner: notice.deliver failed, retry at 06:22
Traceback (most recent call last):
  File "x.py", line 1, in <module>
aiogram.exceptions.TelegramServerError: Telegram server says - Bad Gateway
2026-11-24 06:21:56,651 ERROR handlers.errors: update 239 failed
Traceback (most recent call last):
  File "y.py", line 2, in <module>
KeyError: 'x'
2026-11-24 06:21:57,000 CRITICAL organizer: out of memory
"""


def test_errors_and_criticals_count_once_warnings_with_tracebacks_do_not() -> None:
    assert count_errors(LOG) == 2


def test_a_traceback_before_any_record_is_a_crash() -> None:
    assert count_errors("Traceback (most recent call last):\n  boom\n") == 1
    assert count_errors("") == 0
