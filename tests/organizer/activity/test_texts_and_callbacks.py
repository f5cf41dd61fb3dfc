"""activity_flow.ftl has every key in both languages with the same variables, every key the
code uses exists, and the domain-built callback strings parse with the handlers' classes."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.activity_flow.callbacks import CheckInCallback, SurveyCallback
from organizer import callbacks
from organizer.i18n import Catalogue
from organizer.models import ActivityKind
from organizer.services import surveys
from tests import ftl

ROOT = Path(__file__).resolve().parents[3]
CODE = [
    *ROOT.joinpath("handlers", "activity_flow").glob("*.py"),
    *ROOT.joinpath("scheduler", "jobs").glob("activity_*.py"),
    *(
        ROOT / "organizer" / "services" / name
        for name in ("attendance.py", "surveys.py", "summaries.py")
    ),
]
KEY = re.compile(r"^([a-z][a-z0-9_-]*) =", re.MULTILINE)
VARIABLE = re.compile(r"\$([a-z_]+)")


def test_both_languages_have_the_same_keys_and_variables() -> None:
    zh, en = ftl.variables("zh", "activity_flow.ftl"), ftl.variables("en", "activity_flow.ftl")
    assert zh == en
    assert len(zh) > 80 and all(key.startswith("flow-") for key in zh)


def test_every_key_the_code_names_exists() -> None:
    catalogue = Catalogue()
    named = set()
    for path in CODE:
        named |= set(re.findall(r'"(flow-[a-z0-9_-]+[a-z0-9])"', path.read_text(encoding="utf-8")))
    assert named and not {key for key in named if not catalogue.has("en", key)}
    for question in surveys.QUESTIONS:
        assert catalogue.has("zh", f"flow-survey-q-{question}")
    for kind in ActivityKind:  # wording per kind is optional; where given, in both languages
        for question in surveys.QUESTIONS:
            key = f"flow-survey-q-{question}-{kind.value}"
            assert catalogue.has("zh", key) == catalogue.has("en", key)


def test_domain_callback_strings_parse_with_the_handlers_classes() -> None:
    assert CheckInCallback.unpack(callbacks.check_in(42)).activity_id == 42
    survey = SurveyCallback.unpack(callbacks.survey_answer(42, "organisation", 5))
    assert (survey.activity_id, survey.question, survey.value) == (42, "organisation", 5)
    assert SurveyCallback(activity_id=42, question="good", value=0).pack() == (
        callbacks.survey_answer(42, "good", surveys.SKIP_VALUE)
    )
    longest = callbacks.survey_answer(10**15, "organisation", 5)
    assert len(longest.encode()) <= 64
