from dataclasses import replace

import pytest

from organizer.moderation import MessageFacts, ModerationPolicy, Pipeline
from organizer.moderation.flood import FloodGuard
from organizer.moderation.lexicon import Lexicon
from organizer.moderation.media import MIB, MediaFacts
from organizer.moderation.policy import PROJECT, STUDENT_SERVICE

GROUP, MEMBER = -1001, 42
BREAKS_EVERYTHING = "网赌 https://spam.xyz 手机 13812345678"  # banned, ad and private at once


def facts(text: str = "", **fields: object) -> MessageFacts:
    return MessageFacts(GROUP, MEMBER, text, **fields)  # type: ignore[arg-type]


def rule(
    message: MessageFacts, policy: ModerationPolicy | None = None, now: float = 0.0
) -> str | None:
    hit = Pipeline().check(message, policy or ModerationPolicy.for_kind(STUDENT_SERVICE), now=now)
    return hit.rule if hit else None


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (facts("大家好，明天上午十点开会"), None),
        (facts("Thanks, see you tomorrow"), None),
        (facts(BREAKS_EVERYTHING), "banned.gambling"),  # banned content before advertising
        (facts("https://spam.xyz 手机 13812345678"), "ad.link"),  # advertising before private data
        (facts("手机 13812345678", media=MediaFacts("voice", duration_s=300)), "private.mobile"),
        (facts("", media=MediaFacts("voice", duration_s=300)), "media.voice_duration"),
        (facts("资料", media=MediaFacts("document", size_bytes=30 * MIB)), "media.file_size"),
        (facts("今日资讯", forwarded_from_channel=True), "ad.forward"),
        (facts("点这里", urls=("https://spam.xyz",)), "ad.link"),
        (facts("问 @helper_bot", own_usernames=frozenset({"group"})), "ad.mention"),
        (facts("t.me/my_group/5", own_usernames=frozenset({"my_group"})), None),
    ],
)
def test_first_rule_in_order_wins(message: MessageFacts, expected: str | None) -> None:
    assert rule(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        facts(BREAKS_EVERYTHING, sender_is_admin=True),
        facts(BREAKS_EVERYTHING, sent_as_chat=True),  # anonymous admin or the linked channel
        MessageFacts(GROUP, 7, BREAKS_EVERYTHING),  # allow-listed below
    ],
)
def test_exemptions(message: MessageFacts) -> None:
    policy = replace(ModerationPolicy.for_kind(STUDENT_SERVICE), exempt_user_ids=frozenset({7}))
    assert rule(message, policy) is None


def test_admins_are_checked_when_the_policy_says_so() -> None:
    policy = replace(ModerationPolicy(), exempt_admins=False)
    assert rule(facts("网赌", sender_is_admin=True), policy) == "banned.gambling"


def test_moderation_switched_off() -> None:
    assert rule(facts(BREAKS_EVERYTHING), replace(ModerationPolicy(), enabled=False)) is None


def test_advertisers_may_advertise_but_not_break_other_rules() -> None:
    policy = replace(ModerationPolicy.for_kind(STUDENT_SERVICE), advertisers=frozenset({MEMBER}))
    assert rule(facts("新课上线 https://shop.xyz 加V: abc123"), policy) is None
    assert rule(facts("https://shop.xyz 手机 13812345678"), policy) == "private.mobile"
    assert rule(facts("https://shop.xyz 网赌"), policy) == "banned.gambling"


def test_policy_switches() -> None:
    no_ads = replace(ModerationPolicy(), check_ads=False)
    assert rule(facts("https://spam.xyz"), no_ads) is None
    forwards = replace(ModerationPolicy(), allow_channel_forwards=True)
    assert rule(facts("今日资讯", forwarded_from_channel=True), forwards) is None
    no_gambling = replace(ModerationPolicy(), categories=frozenset({"abuse"}))
    assert rule(facts("网赌"), no_gambling) is None


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (STUDENT_SERVICE, "private.mobile"),
        (PROJECT, None),  # colleagues exchange phone numbers
    ],
)
def test_private_data_follows_the_group_kind(kind: str, expected: str | None) -> None:
    policy = ModerationPolicy.for_kind(kind)
    assert rule(facts("我的手机 13812345678"), policy) == expected
    assert rule(facts("身份证 11010519491231002X"), policy) == "private.id_number"


def test_flood_runs_first_and_edits_do_not_count() -> None:
    pipeline, policy = Pipeline(), ModerationPolicy()
    for second in range(5):
        assert pipeline.check(facts(f"clean message {second}"), policy, now=second) is None
    for second in range(5, 8):  # edits are not new messages
        assert pipeline.check(facts("edited text", is_edit=True), policy, now=second) is None
    hit = pipeline.check(facts("网赌"), policy, now=8)  # the sixth message in 10 s
    assert hit is not None and hit.rule == "flood.rate"


def test_repeats_are_caught_through_evasions() -> None:
    pipeline, policy = Pipeline(), ModerationPolicy()
    texts = ("欢迎来我的直播间", "欢 迎 来 我 的 直 播 间", "歡迎來我的直播間")
    rules = [pipeline.check(facts(text), policy, now=i * 20.0) for i, text in enumerate(texts)]
    assert [hit.rule if hit else None for hit in rules] == [None, None, "flood.repeat"]


def test_flood_can_be_switched_off_and_tuned_per_group() -> None:
    guard = FloodGuard()
    pipeline = Pipeline(flood_guard=guard)
    off = replace(ModerationPolicy(), flood=None)
    for second in range(20):
        assert pipeline.check(facts(f"message {second}"), off, now=second) is None
    assert len(guard) == 0


def test_media_notices_are_not_repeated_on_edits() -> None:
    message = facts("", media=MediaFacts("video", size_bytes=80 * MIB), is_edit=True)
    assert rule(message) is None


def test_lexicon_provider_gets_the_policy() -> None:
    seen: list[ModerationPolicy] = []

    def provider(policy: ModerationPolicy) -> Lexicon:
        seen.append(policy)
        return Lexicon.default().with_extra({"fraud": ["代写论文"]})

    policy = ModerationPolicy()
    hit = Pipeline(lexicon_provider=provider).check(facts("代 写 论 文"), policy, now=0)
    assert hit is not None and hit.rule == "banned.fraud"
    assert seen == [policy]


def test_group_block_words_reach_the_default_provider() -> None:
    policy = ModerationPolicy().with_lexicon({"fraud": ["代写论文"]}, {"gambling": ["网赌"]})
    assert rule(facts("代写论文"), policy) == "banned.fraud"
    assert rule(facts("网赌"), policy) is None
    assert rule(facts("网赌")) == "banned.gambling"  # other groups keep the default


def test_known_bots_and_channels_are_looked_up() -> None:
    pipeline = Pipeline(known_bot_or_channel=lambda name: name == "news_channel")
    hit = pipeline.check(facts("订阅 @news_channel"), ModerationPolicy(), now=0)
    assert hit is not None and hit.rule == "ad.mention"
