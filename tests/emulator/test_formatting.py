"""Parse modes: visible text, entity offsets (UTF-16) and Telegram's error wording."""

from __future__ import annotations

import pytest

from emulator.errors import ApiError
from emulator.formatting import auto_entities, format_text


def test_html_gives_visible_text_and_entities() -> None:
    formatted = format_text(
        '<b>粗体</b> &lt;x&gt; <a href="https://a.b/?q=1&amp;r=2">link</a> '
        '<pre><code class="language-python">x = 1</code></pre>',
        "HTML",
        None,
    )
    assert formatted.text == "粗体 <x> link x = 1"
    assert formatted.entities == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "text_link", "url": "https://a.b/?q=1&r=2", "offset": 7, "length": 4},
        {"type": "pre", "language": "python", "offset": 12, "length": 5},
    ]


def test_entity_offsets_count_utf16_units() -> None:
    formatted = format_text("😀 <i>ok</i>", "HTML", None)
    assert formatted.entities == [{"type": "italic", "offset": 3, "length": 2}]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
    ],
)
def test_malformed_html_is_rejected(source: str, reason: str) -> None:
    with pytest.raises(ApiError) as refused:
        format_text(source, "HTML", None)
    assert refused.value.code == 400
    assert refused.value.description == f"Bad Request: can't parse entities: {reason}"


def test_markdown_v2_markers_and_escapes() -> None:
    formatted = format_text(
        r"*bold* _it_ __u__ ||s|| `c` [t](https://x.y) 1\.5\!", "MarkdownV2", None
    )
    assert formatted.text == "bold it u s c t 1.5!"
    kinds = [entity["type"] for entity in formatted.entities]
    assert kinds == ["bold", "italic", "underline", "spoiler", "code", "text_link"]
    with pytest.raises(ApiError, match="Can't find end of Bold entity at byte offset 0"):
        format_text("*open", "MarkdownV2", None)


def test_whitespace_is_trimmed_and_auto_entities_found() -> None:
    formatted = format_text("  \n/start hi @alice_b https://x.y #plan  ", None, None)
    assert formatted.text == "/start hi @alice_b https://x.y #plan"
    found = auto_entities(formatted.text, [])
    assert [(e["type"], e["offset"], e["length"]) for e in found] == [
        ("bot_command", 0, 6),
        ("mention", 10, 8),
        ("url", 19, 11),
        ("hashtag", 31, 5),
    ]
