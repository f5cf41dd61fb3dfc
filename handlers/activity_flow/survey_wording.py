"""/surveyq in a group (its admins): the group's own wording of the survey questions, in the
group's language. `/surveyq` shows the five questions as members will see them;
`/surveyq 2 <text>` rewords question 2; `/surveyq 2 -` restores the default wording."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.models import ActivityKind
from organizer.services import admins, groups, survey_questions, surveys

RESET = "-"


def _question(typed: str) -> str | None:
    """A question by its number (1..5) or its name."""
    if typed.isdigit() and 1 <= int(typed) <= len(surveys.QUESTIONS):
        return surveys.QUESTIONS[int(typed) - 1]
    return typed if typed in surveys.QUESTIONS else None


def overview(texts: Texts, custom: dict[str, object]) -> str:
    kind = ActivityKind.OTHER.value  # the wording every kind gets unless it has its own
    lines = [
        f"{n}. {survey_questions.wording(texts, question, kind, custom)}"
        for n, question in enumerate(surveys.QUESTIONS, start=1)
    ]
    return "\n".join([texts("flow-surveyq-title"), *lines, "", texts("flow-surveyq-usage")])


async def survey_wording(
    message: Message, command: CommandObject, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    assert message.from_user is not None
    group = await groups.get(session, message.chat.id)
    if group is None:
        await reply(deps, message, texts("error-group-unknown"))
        return
    if not await admins.is_group_admin(
        session, group.id, message.from_user.id, org_admin_ids=deps.settings.org_admin_ids
    ):
        await reply(deps, message, texts("error-admins-only"))
        return
    parts = (command.args or "").split(maxsplit=1)
    question = _question(parts[0]) if parts else None
    if question is None or len(parts) < 2:
        custom = dict(survey_questions.custom_questions(group.settings))
        await reply(deps, message, overview(texts, custom))
        return
    text = None if parts[1].strip() == RESET else parts[1]
    custom = await survey_questions.set_custom_question(
        session, group.id, question, group.language, text
    )
    number = surveys.QUESTIONS.index(question) + 1
    key = "flow-surveyq-reset" if text is None else "flow-surveyq-saved"
    await reply(deps, message, f"{texts(key, n=number)}\n\n{overview(texts, custom)}")


def build_router() -> Router:
    router = Router(name="activity_flow.survey_wording")
    in_group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(survey_wording, Command("surveyq"), in_group, F.from_user)
    return router
