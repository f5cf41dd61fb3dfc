"""The activity jobs run through the real runner, with a recording messenger."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from scheduler.jobs.activity_jobs import register_activity_jobs
from scheduler.registry import ActionRegistry
from scheduler.runner import ActionRunner
from tests.fakes import RecordingMessenger

BOT_USERNAME = "organizer_bot"


@pytest.fixture
def messenger() -> RecordingMessenger:
    return RecordingMessenger()


@pytest.fixture
def job_settings() -> SimpleNamespace:
    """What the jobs read from the settings: the default language and the bot's username."""
    return SimpleNamespace(default_language="zh", bot_username=BOT_USERNAME)


@pytest.fixture
def runner(session_factory, clock, messenger, job_settings) -> ActionRunner:
    registry = register_activity_jobs(ActionRegistry())
    return ActionRunner(
        session_factory, registry, messenger, clock, worker_id="activity-tests",
        settings=job_settings,
    )  # fmt: skip
