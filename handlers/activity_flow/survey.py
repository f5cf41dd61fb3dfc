"""The feedback survey in private chat (charter 七(三)): rating buttons, typed answers, Skip,
the deep link `/start survey_<id>` for members the bot could not write to, and /survey to
resume. The database holds where each survey stands (organizer.services.surveys), so no FSM
state is needed and a restart loses nothing.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.activity_flow.callbacks import SurveyCallback
from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Markup, Texts
from organizer.messenger import Keyboard
from organizer.services import groups, survey_questions, surveys, users
from organizer.services.surveys import SurveyError, SurveyProgress
from organizer.telegram.chat_info import profile

DEEP_LINK = r"^survey_(\d{1,18})$"


async def _message_for(
    session: AsyncSession, progress: SurveyProgress, texts: Texts
) -> tuple[str, Keyboard | None]:
    group = await groups.get(session, progress.group_id)
    custom = survey_questions.custom_questions(group.settings if group else {})
    return survey_questions.question_message(texts, progress, custom)


async def open_by_link(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    assert message.from_user is not None and command.args is not None
    now = deps.clock.now()
    await users.mark_started(session, profile(message.from_user), now=now)
    activity_id = int(command.args.removeprefix("survey_"))
    try:
        progress = await surveys.begin(session, activity_id, message.from_user.id, now=now)
    except SurveyError as error:
        await reply(deps, message, texts(error.code, title=error.title))
        return
    await _show(session, deps, message, progress, texts)


async def resume(message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts) -> None:
    assert message.from_user is not None
    now = deps.clock.now()
    await users.mark_started(session, profile(message.from_user), now=now)
    progress = await surveys.current(session, message.from_user.id, now=now)
    if progress is None:
        await reply(deps, message, texts("flow-survey-none"))
        return
    await _show(session, deps, message, progress, texts)


async def _show(
    session: AsyncSession,
    deps: HandlerDeps,
    message: Message,
    progress: SurveyProgress,
    texts: Texts,
) -> None:
    if progress.completed:
        await reply(deps, message, texts("flow-survey-already-done", title=progress.title))
        return
    text, keyboard = await _message_for(session, progress, texts)
    await reply(deps, message, text, keyboard=keyboard)


async def press(
    query: CallbackQuery,
    callback_data: SurveyCallback,
    session: AsyncSession,
    deps: HandlerDeps,
    texts: Texts,
) -> None:
    if query.message is None or query.message.chat.type != "private":
        await query.answer(texts("flow-stale-button"), show_alert=True)
        return
    question, value = callback_data.question, callback_data.value
    # A text question's only button is Skip.
    if question in surveys.TEXT_QUESTIONS and value != surveys.SKIP_VALUE:
        await query.answer(texts("flow-survey-invalid"), show_alert=True)
        return
    answer = None if question in surveys.TEXT_QUESTIONS else value
    try:
        progress = await surveys.answer(
            session, callback_data.activity_id, query.from_user.id, question, answer,
            now=deps.clock.now(),
        )  # fmt: skip
    except SurveyError as error:
        # An alert is plain text: the title must not arrive HTML-escaped.
        await query.answer(texts(error.code, title=Markup(error.title)), show_alert=True)
        return
    text, keyboard = await _message_for(session, progress, texts)
    await deps.messenger.edit_text(
        query.message.chat.id, query.message.message_id, text, keyboard=keyboard
    )
    await query.answer(texts("flow-survey-saved"))


async def typed_answer(
    message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts
) -> None:
    """Any private text while a survey waits for this member; otherwise not ours."""
    assert message.from_user is not None and message.text is not None
    now = deps.clock.now()
    progress = await surveys.current(session, message.from_user.id, now=now)
    if progress is None or progress.next_question is None:
        raise SkipHandler
    question, typed = progress.next_question, message.text.strip()
    if question in surveys.RATING_QUESTIONS and not (len(typed) == 1 and typed in "12345"):
        text, keyboard = await _message_for(session, progress, texts)
        await reply(
            deps, message, f"{texts('flow-survey-use-buttons')}\n\n{text}", keyboard=keyboard
        )
        return
    value: int | str = int(typed) if question in surveys.RATING_QUESTIONS else typed
    try:
        progress = await surveys.answer(
            session, progress.activity_id, message.from_user.id, question, value, now=now
        )
    except SurveyError as error:
        await reply(deps, message, texts(error.code, title=error.title))
        return
    text, keyboard = await _message_for(session, progress, texts)
    await reply(deps, message, text, keyboard=keyboard)


def build_router() -> Router:
    """The deep link and the buttons; `build_text_router` (included last) takes typed answers."""
    router = Router(name="activity_flow.survey")
    private = F.chat.type == "private"
    deep_link = CommandStart(deep_link=True, magic=F.args.regexp(DEEP_LINK))
    router.message.register(open_by_link, deep_link, private, F.from_user)
    router.message.register(resume, Command("survey"), private, F.from_user)
    router.callback_query.register(press, SurveyCallback.filter())
    return router


def build_text_router() -> Router:
    router = Router(name="activity_flow.survey_text")
    typed = F.text & ~F.text.startswith("/")
    # StateFilter(None): a member in the middle of another form (a change, a proposal) is
    # typing for that form, not for the survey.
    private = F.chat.type == "private"
    router.message.register(typed_answer, StateFilter(None), private, typed, F.from_user)
    return router
