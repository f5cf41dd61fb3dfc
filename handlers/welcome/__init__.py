"""Welcome and rules acceptance, rules versions and the rules reminder settings.

chat_member joins and leaves are routed here from `handlers.group_membership`; this router
handles the join service message, the welcome's button, /setrules, its button and
/rulesreminder.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command

from handlers.welcome import arrival, rules_admin
from handlers.welcome.callbacks import RulesAck, WelcomeAccept


def build_router() -> Router:
    router = Router(name="welcome")
    in_group = F.chat.type.in_({"group", "supergroup"})
    router.message.register(arrival.join_service_message, in_group, F.new_chat_members)
    router.message.register(rules_admin.set_rules, in_group, Command("setrules"))
    router.message.register(rules_admin.rules_reminder, in_group, Command("rulesreminder"))
    router.callback_query.register(arrival.accept_pressed, WelcomeAccept.filter())
    router.callback_query.register(rules_admin.ack_pressed, RulesAck.filter())
    return router
