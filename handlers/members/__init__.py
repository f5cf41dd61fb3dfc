"""Members: the inactivity review card and /away, suggestions (/feedback), account safety
(/lost). The activity tracker itself is an outer middleware (`tracking.install_tracker`)."""

from __future__ import annotations

from aiogram import Router

from handlers.members import feedback, lost, sweep_review


def build_router() -> Router:
    router = Router(name="members")
    router.include_routers(
        sweep_review.build_router(), feedback.build_router(), lost.build_router()
    )
    return router
