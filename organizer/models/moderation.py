"""moderation models (filled in by issue 5 work)."""

from __future__ import annotations
