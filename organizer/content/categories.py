"""Post categories by hashtag (charter 三(一)) and question detection (charter 四(二)).

Both run on every group message that might carry a tag or a question, so they are pure,
precompiled, and bail out early on text that cannot match.
"""

from __future__ import annotations

import re
import unicodedata

# Category key → its hashtags (without #), zh first. Keys are stored in the database; the
# first zh and first en synonym are what the bot shows.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "progress": ("进展", "项目进展", "进度", "progress", "update", "updates"),
    "material": (
        "资料",
        "教学资料",
        "课件",
        "讲义",
        "material",
        "materials",
        "resource",
        "resources",
    ),
    "feedback": ("反馈", "学员反馈", "feedback"),
    "case": ("案例", "案例分析", "case", "cases", "casestudy"),
    "policy": ("政策", "政策法规", "法规", "policy", "policies", "regulation", "regulations"),
    "trend": ("趋势", "行业趋势", "行业动态", "trend", "trends"),
    "experience": ("经验", "经验分享", "同行经验", "experience", "experiences"),
    "notice": ("通知", "公告", "notice", "notices", "announcement"),
    "reminder": ("提醒", "reminder", "reminders"),
}
CATEGORY_KEYS = tuple(SYNONYMS)
# Industry news (charter 三(一)2): capped per group and day (charter 三(三)2).
NEWS_CATEGORIES = frozenset({"policy", "trend", "experience"})
# Notices and reminders are announcements, not material: they stay out of the library.
LIBRARY_CATEGORIES = frozenset(CATEGORY_KEYS) - {"notice", "reminder"}
QUESTION_TAGS = frozenset({"问题", "提问", "求助", "question", "questions", "ask"})

_BY_TAG = {tag.casefold(): key for key, tags in SYNONYMS.items() for tag in tags}
# Longest first, so "#政策法规解读" is policy by "政策法规", not just by "政策".
_CJK_TAGS = sorted((t for t in _BY_TAG if not t.isascii()), key=len, reverse=True)
_QUESTION_CJK = sorted((t for t in QUESTION_TAGS if not t.isascii()), key=len, reverse=True)
# Like Telegram: a tag starts after a space or punctuation, not inside a word or a URL.
_HASHTAG = re.compile(r"(?<![\w/&#＃])[#＃](\w+)")
_QUESTION_MARKS = ("?", "？")
# Trailing decoration after a question mark: emoji, symbols, joiners, variation selectors.
_TRAILING_CATEGORIES = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Zs", "Cc"})
_TRAILING_PUNCT = frozenset("!！~～.。…")
# Fewer meaningful characters than this is a reaction ("在吗？", "?"), not a question.
MIN_QUESTION_CHARS = 4
_REACTIONS = frozenset({"what", "really", "seriously", "anyone", "anybody", "huh", "right"})


def has_hashtag_sign(text: str) -> bool:
    return "#" in text or "＃" in text


def hashtags(text: str) -> list[str]:
    """The hashtags in `text`, normalised (NFKC, case-folded), without the sign."""
    if not text or not has_hashtag_sign(text):
        return []
    return [unicodedata.normalize("NFKC", tag).casefold() for tag in _HASHTAG.findall(text)]


def strip_hashtags(text: str) -> str:
    return _HASHTAG.sub(" ", text)


def category_of(tag: str, *, prefix: bool = True) -> str | None:
    """The category a hashtag (with or without #) names. Chinese is written without spaces,
    so "#进展本周完成三门课" counts as #进展: a CJK tag matches by its longest known prefix
    (unless `prefix` is False, for a word typed as a command argument)."""
    tag = unicodedata.normalize("NFKC", tag).lstrip("#").casefold()
    found = _BY_TAG.get(tag)
    if found is not None or tag.isascii() or not prefix:
        return found
    return next((_BY_TAG[cjk] for cjk in _CJK_TAGS if tag.startswith(cjk)), None)


def categories(text: str) -> tuple[str, ...]:
    """The category keys `text` is tagged with, in order of appearance, without repeats."""
    found: dict[str, None] = {}
    for tag in hashtags(text):
        key = category_of(tag)
        if key is not None:
            found.setdefault(key)
    return tuple(found)


def _is_question_tag(tag: str) -> bool:
    return tag in QUESTION_TAGS or any(tag.startswith(cjk) for cjk in _QUESTION_CJK)


def strip_trailing(text: str) -> str:
    """`text` without trailing spaces, emoji and exclamation ("真的？！😂" → "真的？")."""
    end = len(text)
    while end and (
        text[end - 1] in _TRAILING_PUNCT
        or unicodedata.category(text[end - 1]) in _TRAILING_CATEGORIES
    ):
        end -= 1
    return text[:end]


def _meaningful(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def is_question(text: str) -> bool:
    """Does this message ask something? It ends with ? or ？ (after trailing emoji), or carries
    #问题/#question. Commands, bare marks and short reactions ("在吗？", "what?") do not."""
    stripped = text.strip() if text else ""
    if not stripped or stripped.startswith("/"):
        return False
    if has_hashtag_sign(stripped) and any(_is_question_tag(tag) for tag in hashtags(stripped)):
        return True
    body = strip_trailing(stripped)
    if not body.endswith(_QUESTION_MARKS):
        return False
    words = _meaningful(body)
    return len(words) >= MIN_QUESTION_CHARS and words.casefold() not in _REACTIONS


def primary_tag(tags: tuple[str, ...], wanted: frozenset[str]) -> str | None:
    """The first of `tags` that is in `wanted`."""
    return next((tag for tag in tags if tag in wanted), None)


def display_tag(key: str, lang: str) -> str:
    """The hashtag the bot shows for a category: the first zh or the first en synonym."""
    tags = SYNONYMS[key]
    chosen = next((t for t in tags if t.isascii() != (lang == "zh")), tags[0])
    return f"#{chosen}"
