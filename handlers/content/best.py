"""/best, sent by the asker as a reply to an answer to their question: the best answer."""

from __future__ import annotations

from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from handlers.deps import HandlerDeps
from handlers.replies import reply
from organizer.i18n import Texts
from organizer.services import questions
from organizer.services.questions import BestResult

_REFUSALS = {
    BestResult.NOT_ASKER: "content-best-not-asker",
    BestResult.NOT_AN_ANSWER: "content-best-not-an-answer",
    BestResult.NO_QUESTION: "content-best-not-an-answer",
}


async def on_best(message: Message, session: AsyncSession, deps: HandlerDeps, texts: Texts) -> None:
    assert message.from_user is not None
    if message.chat.type == "private":
        await reply(deps, message, texts("error-group-only"))
        return
    answer = message.reply_to_message
    if answer is None:
        await reply(deps, message, texts("content-best-usage"))
        return
    group = await deps.register_group(session, message.chat)
    question = await questions.find_by_answer(session, group.id, answer.message_id)
    if question is None:
        await reply(deps, message, texts("content-best-not-an-answer"))
        return
    result = await questions.mark_best(
        session, question.id, by_user_id=message.from_user.id,
        answer_message_id=answer.message_id, now=deps.clock.now(),
    )  # fmt: skip
    if result is not BestResult.MARKED:
        await reply(deps, message, texts(_REFUSALS[result]))
        return
    name = answer.from_user.full_name if answer.from_user else "?"
    await reply(deps, message, texts("content-best-marked", name=name))
