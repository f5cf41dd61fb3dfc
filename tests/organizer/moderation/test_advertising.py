import pytest

from organizer.moderation.advertising import AdFacts, find, is_allowed_host

ALLOWED = frozenset({"example.com", "gov.cn"})
OWN = frozenset({"TrainingGroup", "@organizer_bot"})


def check(text: str = "", **facts: object) -> str | None:
    ad = AdFacts(text, allowed_domains=ALLOWED, own_usernames=OWN, **facts)  # type: ignore[arg-type]
    hit = find(ad)
    if hit is not None:
        assert (hit.category, hit.charter_ref, hit.is_violation) == ("advertising", "四(三)", True)
    return hit.rule if hit else None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("看这里 https://cheap-courses.xyz/buy", "ad.link"),
        ("Visit http://SPAM.example.net now", "ad.link"),  # example.net is not example.com
        ("www.spam.cn", "ad.link"),
        ("优惠课程 abc.top/x", "ad.link"),  # a bare domain on a common TLD
        ("ｗｗｗ．ｓｐａｍ．ｃｏｍ", "ad.link"),  # full-width
        ("join t.me/another_group", "ad.link"),
        ("channel.t.me", "ad.link"),
        ("tg://resolve?domain=spamchannel", "ad.link"),
        ("加群 t.me/+AbCdEf123", "ad.invite"),
        ("https://t.me/joinchat/AAAAAE", "ad.invite"),
        ("telegram.me/joinchat/xyz", "ad.invite"),
        ("https://t.me/addlist/abc", "ad.invite"),
        ("tg://join?invite=abc", "ad.invite"),
        ("see example.com and t.me/+abc", "ad.invite"),  # the worse of two links
        ("问 @price_bot 就行", "ad.mention"),
        ("try @SpamBot", "ad.mention"),
        ("加V: abc123", "ad.contact"),
        ("加我 wx_abc", "ad.contact"),
        ("QQ 12345678", "ad.contact"),
        ("qq号：987654321", "ad.contact"),
        ("扣扣 12345678", "ad.contact"),
        ("微信号是 wxid_abc123", "ad.contact"),
        ("我的微信：13812345678", "ad.contact"),
        ("VX：study_2024", "ad.contact"),
        ("v信 hello-99", "ad.contact"),
        ("+v abc1234 咨询", "ad.contact"),
        ("WeChat: li_wei88", "ad.contact"),
        ("ＱＱ：１２３４５６７８", "ad.contact"),  # full-width
    ],
)
def test_advertising_is_found(text: str, rule: str) -> None:
    assert check(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "文档在 https://docs.example.com/a/b",  # a subdomain of an allowed domain
        "https://example.com",
        "政策 www.moe.gov.cn/jyb/2024.html",
        "t.me/TrainingGroup/123",  # a link to the group itself
        "https://t.me/c/1234567/89",  # a message link only members can open
        "@zhang_wei 你好",  # people, not bots
        "@li_na can you check",
        "ask @organizer_bot",  # the bot itself
        "邮箱 12345678@qq.com",  # e-mail addresses are private data, not ads
        "QQ 12345678@qq.com",
        "mail me at a.b@spam.xyz",
        "qq群里有3个人",  # QQ without a handle
        "qq2023年的活动",  # 4 digits: not a QQ number
        "微信支付 100000 元",
        "微信群里说了",
        "wechat account",  # letters only: an English word, not an id
        "用 wx 小程序报名",
        "file.py and node.js and readme.md",  # not common TLDs
        "版本 v1.2.3",
        "e.g. this",
        "订单号 12345678",
        "大家好，明天见",
        "",
    ],
)
def test_ordinary_messages_are_not_advertising(text: str) -> None:
    assert check(text) is None


def test_forwarded_channel_post() -> None:
    assert check("今日行业资讯", forwarded_from_channel=True) == "ad.forward"


def test_links_and_mentions_from_entities() -> None:
    assert check("点这里", urls=("https://spam.xyz/a",)) == "ad.link"
    assert check("点这里", urls=("https://docs.example.com/a",)) is None
    assert check("问他", mentions=("@helper_bot",)) == "ad.mention"
    assert check("问他", mentions=("zhang_wei",)) is None


def test_known_bot_or_channel_lookup() -> None:
    def known(name: str) -> bool:
        return name == "industry_news"

    assert check("订阅 @industry_news", known_bot_or_channel=known) == "ad.mention"
    assert check("@zhang_wei", known_bot_or_channel=known) is None


def test_contact_evidence_is_masked() -> None:
    hit = find(AdFacts("我的微信：13812345678"))
    assert hit is not None and hit.evidence == "微信：138******78"


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("example.com", True),
        ("docs.example.com", True),
        ("a.b.example.com", True),
        ("badexample.com", False),  # not a subdomain
        ("example.com.evil.io", False),
        ("moe.gov.cn", True),
    ],
)
def test_is_allowed_host(host: str, allowed: bool) -> None:
    assert is_allowed_host(host, ALLOWED) is allowed
