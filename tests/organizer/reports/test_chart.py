"""The summary chart: a PNG of a known size, with labels a font on this machine can draw."""

from __future__ import annotations

import io
import struct
import warnings
from types import SimpleNamespace

import numpy as np
import pytest
from matplotlib.image import imread

from organizer.reports import chart, summarize, summary_chart
from tests.organizer.reports.factory import PREVIOUS, seminar

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first."""
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def figure_texts(figure: object) -> set[str]:
    from matplotlib.text import Text

    return {text.get_text() for text in figure.findobj(Text)}  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_chart_is_a_png_of_the_expected_size(language: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing CJK glyph must not matter here
        data = summary_chart(summarize(seminar(), PREVIOUS), PREVIOUS, language=language)
    assert data.startswith(PNG_SIGNATURE)
    assert png_size(data) == (1000, 400)
    pixels = imread(io.BytesIO(data))
    assert pixels.shape[:2] == (400, 1000)
    # Something was drawn: the picture is not one flat colour.
    assert len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)) > 10


def test_the_chart_is_deterministic() -> None:
    summary = summarize(seminar(), PREVIOUS)
    first = summary_chart(summary, PREVIOUS, language="en")
    assert summary_chart(summary, PREVIOUS, language="en") == first


def test_an_activity_with_nothing_to_show_still_charts() -> None:
    facts = seminar(attendees=(), answers=(), surveys_sent=0)
    data = summary_chart(summarize(facts, ()), (), language="en")
    assert data.startswith(PNG_SIGNATURE)
    assert png_size(data) == (1000, 400)


def test_english_labels_and_the_trend_points() -> None:
    summary = summarize(seminar(), PREVIOUS)
    figure = chart.build_figure(summary, PREVIOUS, language="en")
    texts = figure_texts(figure)
    assert {"Rating distribution", "Overall", "Content", "Organisation"} <= texts
    assert {"02-16", "02-23", "this one"} <= texts  # dates of the previous, in local time
    left, right, _twin = figure.axes
    assert [bar.get_height() for bar in left.patches[:5]] == [0, 1, 0, 2, 1]  # overall
    (attendance_line,) = right.get_lines()
    assert list(attendance_line.get_ydata()) == pytest.approx(
        [float("nan"), 0.9, 0.8, 5 / 6], nan_ok=True
    )


def test_chinese_labels_when_a_cjk_font_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    # DejaVu Sans stands in for a CJK font: the labels are chosen, whatever the glyphs look like.
    monkeypatch.setattr(chart, "cjk_font_family", lambda: "DejaVu Sans")
    assert chart.chart_language("zh") == ("zh", "DejaVu Sans")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure = chart.build_figure(summarize(seminar(), ()), (), language="zh")
    assert {"评分分布", "总体", "本次"} <= figure_texts(figure)


def test_english_labels_instead_of_boxes_without_a_cjk_font(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart, "cjk_font_family", lambda: None)
    assert chart.chart_language("zh") == ("en", None)
    assert chart.chart_language("en") == ("en", None)
    figure = chart.build_figure(summarize(seminar(), ()), (), language="zh")
    texts = figure_texts(figure)
    assert "Rating distribution" in texts
    assert not any("\u4e00" <= char <= "\u9fff" for text in texts for char in text)


def test_the_cjk_font_is_found_among_the_installed_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts = [SimpleNamespace(name="DejaVu Sans"), SimpleNamespace(name="WenQuanYi Micro Hei")]
    monkeypatch.setattr(chart, "fontManager", SimpleNamespace(ttflist=fonts))
    chart.cjk_font_family.cache_clear()
    try:
        assert chart.cjk_font_family() == "WenQuanYi Micro Hei"
        fonts.pop()
        chart.cjk_font_family.cache_clear()
        assert chart.cjk_font_family() is None
    finally:
        chart.cjk_font_family.cache_clear()
