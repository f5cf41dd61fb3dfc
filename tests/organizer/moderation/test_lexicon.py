import pytest

from organizer.moderation.hits import ABUSE, ILLEGAL
from organizer.moderation.lexicon import CATEGORIES, Lexicon, freeze, lexicon_for, load_category


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


@pytest.mark.parametrize(
    ("text", "rule", "evidence"),
    [
        # every category, zh and en
        ("想看黄片的私聊我", "banned.porn", "黄片"),
        ("free PORN here", "banned.porn", "porn"),
        ("sex videos for sale", "banned.porn", "sex videos"),
        ("再说一句我就弄死你", "banned.violence", "弄死你"),
        ("教你如何制造炸弹", "banned.violence", "制造炸弹"),
        ("I will kill you tomorrow", "banned.violence", "i will kill you"),
        ("今晚一起网赌吗", "banned.gambling", "网赌"),
        ("Best online casino bonus", "banned.gambling", "online casino"),
        ("兼职刷单，日赚千元", "banned.fraud", "兼职刷单"),
        ("guaranteed returns every month", "banned.fraud", "guaranteed returns"),
        ("他们在搞颠覆国家政权", "banned.subversion", "颠覆国家政权"),
        ("we must overthrow the government", "banned.subversion", "overthrow the government"),
        ("你就是个傻逼", "banned.abuse", "傻逼"),
        ("you are an asshole", "banned.abuse", "asshole"),
        # evasions
        ("赌 博 网 站", "banned.gambling", "赌博网站"),
        ("赌*博", "banned.gambling", "赌博"),
        ("赌\u200b博", "banned.gambling", "赌博"),
        ("來賭博吧", "banned.gambling", "赌博"),  # traditional
        ("網賭", "banned.gambling", "网赌"),
        ("f.u.c.k you", "banned.abuse", "fuck"),
        ("F U C K", "banned.abuse", "fuck"),
        ("ｆｕｃｋ", "banned.abuse", "fuck"),  # full-width
        ("FuCkInG idiot", "banned.abuse", "fuck"),  # mixed case, "fuck*" is a prefix term
        ("fuckyou", "banned.abuse", "fuck"),
        ("CASINO", "banned.gambling", "casino"),
        # en endings
        ("stupid bitches", "banned.abuse", "bitches"),
        ("two casinos", "banned.gambling", "casinos"),
        ("what a retarded idea", "banned.abuse", "retarded"),
        # Chinese right next to English still bounds the English word
        ("你这个bitch", "banned.abuse", "bitch"),
    ],
)
def test_banned_terms_are_found(lexicon: Lexicon, text: str, rule: str, evidence: str) -> None:
    hit = lexicon.find(text)
    assert hit is not None
    assert (hit.rule, hit.evidence, hit.charter_ref, hit.is_violation) == (
        rule,
        evidence,
        "四(三)",
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        # English words that contain a term
        "class",
        "assess the class",
        "Scunthorpe United",
        "a cocktail in Middlesex",
        "fire retardant",
        "shiitake mushrooms",
        "bass and passage",
        # Chinese words that contain a banned character but are innocent
        "别赌气了",  # 赌 alone is not a term
        "我跟你打赌他会来",
        "颜色很有特色",  # 色, not 色情
        "平台独家课程",  # contains 台独
        "收藏独家资料",
        "新疆独特的风景",
        "反洗钱培训下周开始",  # innocent phrase over 洗钱
        "打击传销的新闻",
        "神经病学讲座",  # innocent phrase over 神经病
        "糖尿病神经病变",
        "智障儿童特殊教育",
        "杂种优势在育种中的应用",
        "请在下面写下注释",  # 下注 is not a term, 下注平台 is
        "过去死记硬背的方法",  # 去死 is not a term, 你去死 is
        "废物回收",
        "杀毒软件更新了",
        "防诈骗宣传",
        # the charter's own list of prohibited content, quoted
        "禁止发布色情、暴力、赌博、诈骗、反动等内容",
        "",
    ],
)
def test_innocent_text_is_not_banned(lexicon: Lexicon, text: str) -> None:
    assert lexicon.find(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [("网赌", ILLEGAL), ("约炮", ILLEGAL), ("傻逼", ABUSE), ("idiot moron", ABUSE)],
)
def test_category_is_illegal_or_abuse(lexicon: Lexicon, text: str, category: str) -> None:
    hit = lexicon.find(text)
    assert hit is not None and hit.category == category


def test_find_can_be_limited_to_enabled_categories(lexicon: Lexicon) -> None:
    text = "傻逼，来网赌"
    assert lexicon.find(text).rule == "banned.abuse"  # type: ignore[union-attr]
    hit = lexicon.find(text, categories={"gambling"})
    assert hit is not None and hit.rule == "banned.gambling"
    assert lexicon.find(text, categories={"porn"}) is None


def test_additions_per_group(lexicon: Lexicon) -> None:
    group = lexicon.with_extra({"fraud": ["代写论文", "Essay Mill"], "abuse": ["ass"]})
    assert group.find("专业代 写 论 文").rule == "banned.fraud"  # type: ignore[union-attr]
    assert group.find("best essay mills").rule == "banned.fraud"  # type: ignore[union-attr]
    assert group.find("you ass").rule == "banned.abuse"  # type: ignore[union-attr]
    for innocent in ("class", "assess", "passage", "bass"):
        assert group.find(innocent) is None
    assert lexicon.find("代写论文") is None  # the default lexicon is unchanged


def test_removals_per_group_by_category_or_everywhere(lexicon: Lexicon) -> None:
    assert lexicon.find("中了六合彩") is not None
    by_category = lexicon.with_extra(remove={"gambling": ["六合彩"]})
    assert by_category.find("中了六合彩") is None
    assert by_category.find("网赌") is not None
    everywhere = lexicon.with_extra(remove=["porn"])  # drops the prefix term "porn*" too
    assert everywhere.find("porn") is None
    assert everywhere.find("pornstar") is None


def test_added_innocent_phrase_shields_a_term(lexicon: Lexicon) -> None:
    assert lexicon.find("刷单系统测试") is not None
    group = lexicon.with_extra({"fraud": ["!刷单系统"]})
    assert group.find("刷单系统测试") is None
    assert group.find("兼职刷单") is not None


def test_unknown_category_is_refused(lexicon: Lexicon) -> None:
    with pytest.raises(ValueError, match="unknown lexicon categories"):
        lexicon.with_extra({"spam": ["x"]})


def test_default_is_compiled_once_and_variants_are_cached() -> None:
    assert Lexicon.default() is Lexicon.default()
    assert lexicon_for() is Lexicon.default()
    add = freeze({"fraud": ["代写论文"], "unknown": ["x"]})
    assert add == (("fraud", ("代写论文",)),)
    assert lexicon_for(add) is lexicon_for(add)
    assert lexicon_for(add).find("代写论文") is not None


@pytest.mark.parametrize("category", CATEGORIES)
def test_shipped_lists_are_modest_but_real(category: str) -> None:
    terms = [line for line in load_category(category) if not line.startswith("!")]
    assert 20 <= len(terms) <= 60
    assert any(not term.isascii() for term in terms)  # zh terms
    assert any(term.isascii() for term in terms)  # en terms


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_shipped_term_is_found_in_its_own_category(category: str) -> None:
    lexicon = Lexicon.default()
    for term in load_category(category):
        if term.startswith("!"):
            continue
        hit = lexicon.find(term.removesuffix("*"))
        assert hit is not None, term
        assert hit.rule == f"banned.{category}", term
