"""Fixtures for the Telegram adapter tests."""

from __future__ import annotations

import pytest

from tests.organizer.telegram.scripted_bot import MessengerHarness


@pytest.fixture
def h() -> MessengerHarness:
    return MessengerHarness()
