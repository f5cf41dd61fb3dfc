"""The survey's questions as messages: wording per activity kind or the group's own, and the
1–5 or Skip buttons under each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from organizer.callbacks import survey_answer
from organizer.i18n import Texts
from organizer.messenger import Button, Keyboard
from organizer.models import Group
from organizer.services.surveys import (
    QUESTIONS,
    RATING_QUESTIONS,
    SKIP_VALUE,
    SurveyError,
    SurveyProgress,
)

MAX_QUESTION_LENGTH = 300


def wording(texts: Texts, question: str, kind: str, custom: Mapping[str, Any]) -> str:
    """The group's own wording (group.settings["survey_questions"]) if set, else the wording
    for the activity's kind, else the default."""
    own = custom.get(question)
    if isinstance(own, Mapping):
        own = own.get(texts.lang)
    if isinstance(own, str) and own.strip():
        return texts("flow-survey-q-custom", text=own.strip())
    by_kind = f"flow-survey-q-{question}-{kind}"
    return texts(
        by_kind if texts.catalogue.has(texts.lang, by_kind) else f"flow-survey-q-{question}"
    )


def question_text(texts: Texts, progress: SurveyProgress, custom: Mapping[str, Any]) -> str:
    assert progress.next_question is not None
    step = texts("flow-survey-step", n=progress.number, total=len(QUESTIONS))
    return f"{step} {wording(texts, progress.next_question, progress.kind, custom)}"


def question_keyboard(texts: Texts, progress: SurveyProgress) -> Keyboard:
    question = progress.next_question
    assert question is not None
    if question in RATING_QUESTIONS:
        stars = tuple(
            Button(str(n), survey_answer(progress.activity_id, question, n)) for n in range(1, 6)
        )
        return (stars,)
    skip = survey_answer(progress.activity_id, question, SKIP_VALUE)
    return ((Button(texts("flow-survey-skip"), skip),),)


def question_message(
    texts: Texts, progress: SurveyProgress, custom: Mapping[str, Any], *, intro: str | None = None
) -> tuple[str, Keyboard | None]:
    """The next question with its buttons, or the thanks once every question is answered."""
    if progress.completed:
        return texts("flow-survey-thanks", title=progress.title), None
    text = question_text(texts, progress, custom)
    return (f"{intro}\n\n{text}" if intro else text), question_keyboard(texts, progress)


def custom_questions(group_settings: Mapping[str, Any]) -> Mapping[str, Any]:
    custom = group_settings.get("survey_questions")
    return custom if isinstance(custom, Mapping) else {}


async def set_custom_question(
    session: AsyncSession, group_id: int, question: str, language: str, text: str | None
) -> dict[str, Any]:
    """A group's own wording of one question in one language (None: back to the default);
    returns the group's survey_questions as they now are."""
    if question not in QUESTIONS:
        raise SurveyError("flow-survey-invalid")
    group = await session.get(Group, group_id)
    if group is None:
        raise SurveyError("flow-survey-not-found")
    settings = dict(group.settings or {})
    custom = {
        q: dict(v) if isinstance(v, Mapping) else {} for q, v in custom_questions(settings).items()
    }
    wording = custom.setdefault(question, {})
    if text and text.strip():
        wording[language] = text.strip()[:MAX_QUESTION_LENGTH]
    else:
        wording.pop(language, None)
    settings["survey_questions"] = {q: v for q, v in custom.items() if v}
    group.settings = settings  # a new dict: JSON columns notice reassignment, not mutation
    await session.flush()
    return dict(settings["survey_questions"])
