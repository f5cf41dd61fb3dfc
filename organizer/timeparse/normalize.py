"""One canonical spelling of what a user typed, so the patterns only need to know one.

Chinese input methods produce full-width digits and colons (１９：３０), users mix traditional
characters, write numbers in Chinese (七点半, 十二月一日) and put spaces anywhere; all of that is
folded here before any pattern looks at the text.
"""

from __future__ import annotations

import re
import unicodedata

# Traditional characters that occur in the words the patterns spell in simplified form.
_SIMPLIFIED = str.maketrans(
    {
        "點": "点",
        "週": "周",
        "號": "号",
        "時": "时",
        "鐘": "钟",
        "頭": "头",
        "後": "后",
        "個": "个",
        "兩": "两",
        "禮": "礼",
        "間": "间",
        "這": "这",
        "裡": "里",
    }
)

# Contractions that name a day and a part of it at once; spelled out, the date and the time
# patterns can each take their half.
_CONTRACTIONS = (
    ("今晚", "今天晚上"),
    ("明晚", "明天晚上"),
    ("今早", "今天早上"),
    ("明早", "明天早上"),
)

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL_RUN = re.compile("[零〇一二两三四五六七八九十百]+")


def chinese_number(run: str) -> str:
    """ "二十三" → "23", "十二" → "12"; without 十/百 digit by digit: "二〇二六" → "2026"."""
    if "十" not in run and "百" not in run:
        return "".join(str(_DIGITS[char]) for char in run)
    total = current = 0
    for char in run:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS[char]
    return str(total + current)


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().translate(_SIMPLIFIED)
    for short, spelled in _CONTRACTIONS:
        folded = folded.replace(short, spelled)
    folded = _NUMERAL_RUN.sub(lambda match: chinese_number(match.group()), folded)
    folded = re.sub(r"(?<=\d)\s*:\s*(?=\d)", ":", folded)  # "19 : 30"
    return re.sub(r"\s+", " ", folded).strip()
