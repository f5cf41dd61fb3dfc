from __future__ import annotations

import pytest

from scheduler.registry import ActionRegistry
from tests.scheduler.helpers import RecordingMessenger


@pytest.fixture
def registry() -> ActionRegistry:
    return ActionRegistry()


@pytest.fixture
def messenger() -> RecordingMessenger:
    return RecordingMessenger()
