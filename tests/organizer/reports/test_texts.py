"""reports.ftl: every key in both languages with the same variables."""

from __future__ import annotations

from tests import ftl


def test_reports_texts_have_the_same_keys_and_variables_in_both_languages() -> None:
    zh, en = ftl.variables("zh", "reports.ftl"), ftl.variables("en", "reports.ftl")
    assert len(zh) > 60
    assert all(key.startswith("summary-") for key in zh)
    assert zh == en
    assert zh["summary-attendance"] == {"attended", "late", "rate"}
