"""Last line of defence: an exception in a handler is logged and the user gets a polite answer."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.types import ErrorEvent

from handlers.deps import HandlerDeps
from organizer.database import is_connection_error
from organizer.i18n import normalize_language
from organizer.messenger import OutboundText

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent, deps: HandlerDeps) -> bool:
    update = event.update
    default = deps.catalogue.default
    key = "error-generic"
    if isinstance(event.exception, TelegramServerError | TelegramNetworkError):
        # Telegram itself failed (repeatable calls were already retried): an outage, not a bug.
        log.warning("update %s failed: Telegram unavailable (%s)", update.update_id,
                    event.exception)  # fmt: skip
    elif is_connection_error(event.exception):
        # A database restart or outage: expected to pass, so not a bug to alert on; the
        # user is asked to try again shortly rather than told something broke.
        log.warning("update %s failed: database unavailable (%s)", update.update_id,
                    event.exception)  # fmt: skip
        key = "error-database-unavailable"
    else:
        log.exception("update %s failed", update.update_id, exc_info=event.exception)
    try:
        if update.callback_query is not None:
            query = update.callback_query
            lang = normalize_language(query.from_user.language_code, default)
            await query.answer(deps.catalogue.text(lang, key), show_alert=True)
        elif update.message is not None and update.message.from_user is not None:
            message, sender = update.message, update.message.from_user
            lang = normalize_language(sender.language_code, default)
            await deps.messenger.send_text(
                OutboundText(message.chat.id, deps.catalogue.text(lang, key))
            )
    except Exception:  # the apology itself must never raise
        log.warning("could not tell the user about the failure", exc_info=True)
    return True


def build_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
