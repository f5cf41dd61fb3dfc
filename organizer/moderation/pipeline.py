"""The moderation pipeline: one group message in, at most one `Hit` out. Pure and in memory.

Checks run cheapest and most certain first, and the first hit wins:

1. exemptions: moderation off, admins (when the policy exempts them), messages sent as a chat
   (an anonymous admin or the linked channel), allow-listed members → no hit at all;
2. flooding (not for edits: an edit is not a new message);
3. banned content (the group's lexicon, its enabled categories);
4. advertising, unless the member may advertise or the group does not check it;
5. private data, the kinds the policy enables;
6. media notices (not for edits).

The caller (a handler or service) turns the hit into actions: deleting, returning the text,
recording the violation, the ladder, the admin log. `now` is seconds on a monotonic scale, used
only by the flood windows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from organizer.moderation import advertising, media, private_data
from organizer.moderation.advertising import AdFacts
from organizer.moderation.flood import FloodGuard
from organizer.moderation.hits import Hit
from organizer.moderation.lexicon import Lexicon, lexicon_for
from organizer.moderation.media import MediaFacts
from organizer.moderation.normalize import Prepared, prepare
from organizer.moderation.policy import ModerationPolicy

LexiconProvider = Callable[[ModerationPolicy], Lexicon]


@dataclass(frozen=True, slots=True)
class MessageFacts:
    group_id: int
    user_id: int
    text: str = ""  # the text, or the caption of a media message
    urls: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    forwarded_from_channel: bool = False
    media: MediaFacts | None = None
    sender_is_admin: bool = False
    sent_as_chat: bool = False  # anonymous admin, or a post of the linked channel
    is_edit: bool = False
    own_usernames: frozenset[str] = frozenset()  # the group's and the bot's own usernames


def policy_lexicon(policy: ModerationPolicy) -> Lexicon:
    """The default provider: shipped lexicons plus the group's additions, compiled once each."""
    return lexicon_for(policy.lexicon_add, policy.lexicon_remove)


class Pipeline:
    def __init__(
        self,
        lexicon_provider: LexiconProvider = policy_lexicon,
        flood_guard: FloodGuard | None = None,
        known_bot_or_channel: Callable[[str], bool] | None = None,
    ) -> None:
        self.lexicon_provider = lexicon_provider
        self.flood_guard = flood_guard if flood_guard is not None else FloodGuard()
        self.known_bot_or_channel = known_bot_or_channel

    def check(self, facts: MessageFacts, policy: ModerationPolicy, *, now: float) -> Hit | None:
        if is_exempt(facts, policy):
            return None
        prepared = prepare(facts.text)
        return (
            self._flood(facts, policy, prepared, now)
            or self.lexicon_provider(policy).find_prepared(prepared, policy.categories)
            or self._advertising(facts, policy, prepared)
            or self._private_data(policy, prepared)
            or self._media(facts, policy)
        )

    def _flood(
        self, facts: MessageFacts, policy: ModerationPolicy, prepared: Prepared, now: float
    ) -> Hit | None:
        if policy.flood is None or facts.is_edit:
            return None
        return self.flood_guard.check(
            facts.group_id, facts.user_id, prepared.compact, now, limits=policy.flood
        )

    def _advertising(
        self, facts: MessageFacts, policy: ModerationPolicy, prepared: Prepared
    ) -> Hit | None:
        if not policy.check_ads or facts.user_id in policy.advertisers:
            return None
        ad = AdFacts(
            text=facts.text,
            urls=facts.urls,
            mentions=facts.mentions,
            forwarded_from_channel=facts.forwarded_from_channel
            and not policy.allow_channel_forwards,
            allowed_domains=policy.allowed_domains,
            own_usernames=facts.own_usernames,
            known_bot_or_channel=self.known_bot_or_channel,
        )
        return advertising.find(ad, prepared.folded)

    @staticmethod
    def _private_data(policy: ModerationPolicy, prepared: Prepared) -> Hit | None:
        if not policy.private_data:
            return None
        return private_data.find_folded(prepared.folded, policy.private_data)

    @staticmethod
    def _media(facts: MessageFacts, policy: ModerationPolicy) -> Hit | None:
        if facts.media is None or facts.is_edit:
            return None
        return media.check(facts.media, policy.media)


def is_exempt(facts: MessageFacts, policy: ModerationPolicy) -> bool:
    return (
        not policy.enabled
        or facts.sent_as_chat
        or (facts.sender_is_admin and policy.exempt_admins)
        or facts.user_id in policy.exempt_user_ids
    )
