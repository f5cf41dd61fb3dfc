"""What handlers need besides the update: settings, texts, the clock and the messenger."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.clock import Clock
from organizer.config import Settings
from organizer.i18n import Catalogue
from organizer.messenger import Messenger


@dataclass(frozen=True)
class HandlerDeps:
    settings: Settings
    catalogue: Catalogue
    clock: Clock
    messenger: Messenger

    def is_org_admin(self, user_id: int) -> bool:
        return user_id in self.settings.org_admin_ids
