"""aiogram routers: thin handlers that parse an update, call one service and render the result."""

from __future__ import annotations

from aiogram import Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers import (
    activities,
    activity_flow,
    activity_manage,
    assessment,
    content,
    errors,
    fallback,
    group_membership,
    group_settings_cmd,
    group_setup,
    joining,
    language,
    members,
    moderation_admin,
    moderation_settings_cmd,
    notices,
    propose,
    rules,
    start,
    welcome,
)
from handlers.deps import HandlerDeps
from handlers.members.tracking import install_tracker
from handlers.middlewares import (
    DatabaseSessionMiddleware,
    LanguageMiddleware,
    OneAtATimePerSender,
)
from handlers.moderation import install_gate

ORDERING_KEY = "update_ordering"
OBSERVED_EVENTS = (
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "message_reaction",
)


def setup_dispatcher(
    dispatcher: Dispatcher,
    deps: HandlerDeps,
    session_factory: async_sessionmaker[AsyncSession],
) -> Dispatcher:
    dispatcher["deps"] = deps
    ordering = OneAtATimePerSender()
    dispatcher[ORDERING_KEY] = ordering
    dispatcher.update.outer_middleware(ordering)
    for name in OBSERVED_EVENTS:
        observer = dispatcher.observers[name]
        observer.middleware(DatabaseSessionMiddleware(session_factory))
        observer.middleware(LanguageMiddleware(deps.catalogue))
    install_tracker(dispatcher)  # outer, memory only: last-seen per member, flushed in batches
    install_gate(dispatcher, deps, session_factory)  # outer: moderation, content, fast path
    dispatcher.include_routers(
        # Before start: they own /start deep links (propose_…, survey_…).
        propose.build_router(),
        notices.build_router(),  # before start: it owns /start announce
        activity_flow.build_router(),
        joining.build_router(),
        welcome.build_router(),
        members.build_router(),
        content.build_router(),
        assessment.build_router(),
        moderation_admin.build_router(),
        start.build_router(),
        activities.build_router(),
        activity_manage.build_router(),
        group_setup.build_router(),
        group_settings_cmd.build_router(),
        moderation_settings_cmd.build_router(),
        group_membership.build_router(),
        rules.build_router(),
        language.build_router(),
        # After every other text handler: typed text for a stale proposal draft.
        propose.build_late_router(),
        errors.build_router(),
        fallback.build_router(),  # last: catches presses nothing else recognised
    )
    return dispatcher
