"""The summary chart: rating distribution (left) and the trend against earlier activities (right).

Drawn on the Agg canvas directly (no pyplot): no display is needed, and no global figure state is
shared between the bot's concurrent tasks. Chinese labels need a CJK font; without one matplotlib
draws empty boxes, so the chart falls back to English labels rather than show boxes.
"""

from __future__ import annotations

import functools
import io
import logging
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager
from matplotlib.ticker import MaxNLocator, PercentFormatter

from organizer.i18n import Texts, shared_catalogue
from organizer.reports.facts import RATING_NAMES, PastActivity
from organizer.reports.formatting import local
from organizer.reports.summary import ActivitySummary, select_previous

log = logging.getLogger(__name__)

WIDTH_INCHES, HEIGHT_INCHES, DPI = 10.0, 4.0, 100  # 1000 x 400 pixels
COLOURS = ("#4C72B0", "#55A868", "#C44E52")
# Families that cover Simplified Chinese, in order of preference (Debian: fonts-noto-cjk,
# fonts-wqy-microhei, fonts-wqy-zenhei; also what macOS and Windows ship).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
)


def summary_chart(
    summary: ActivitySummary, previous: Sequence[PastActivity], *, language: str
) -> bytes:
    """A PNG of WIDTH x HEIGHT inches at DPI. `previous` is filtered as `summarize` does."""
    buffer = io.BytesIO()
    # Saved inside the font settings too: tick labels (such as "本次") are made while drawing.
    with _charting(language) as t:
        figure = _figure(summary, previous, t)
        # No "Software" entry: the bytes then do not change with the matplotlib version.
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def build_figure(
    summary: ActivitySummary, previous: Sequence[PastActivity], *, language: str
) -> Figure:
    """The figure `summary_chart` saves, laid out, for inspection."""
    with _charting(language) as t:
        figure = _figure(summary, previous, t)
        figure.draw_without_rendering()
    return figure


@contextmanager
def _charting(language: str) -> Iterator[Texts]:
    """Font settings for the labels' language, and the texts in the language they can show."""
    language, font = chart_language(language)
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": families}):
        yield shared_catalogue().for_language(language)


def _figure(summary: ActivitySummary, previous: Sequence[PastActivity], t: Texts) -> Figure:
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)  # the Agg backend, explicitly: it renders without a display
    ratings_axes, trend_axes = figure.subplots(1, 2)
    _draw_ratings(ratings_axes, summary, t)
    _draw_trend(trend_axes, summary, select_previous(previous, summary), t)
    return figure


def chart_language(language: str) -> tuple[str, str | None]:
    """The language the labels can be drawn in, and the CJK font family to draw them with."""
    if language != "zh":
        return language, None
    font = cjk_font_family()
    return (language, font) if font else ("en", None)


@functools.cache  # the installed fonts do not change while the bot runs; warn once
def cjk_font_family() -> str | None:
    installed = {entry.name for entry in fontManager.ttflist}
    font = next((family for family in CJK_FAMILIES if family in installed), None)
    if font is None:
        log.warning("no CJK font installed (Debian: fonts-noto-cjk): charts get English labels")
    return font


def _draw_ratings(axes: Axes, summary: ActivitySummary, t: Texts) -> None:
    stars = range(1, 6)
    bar_width = 0.26
    for index, name in enumerate(RATING_NAMES):
        stats = getattr(summary, name)
        offsets = [star + (index - 1) * bar_width for star in stars]
        axes.bar(
            offsets,
            stats.distribution,
            width=bar_width,
            color=COLOURS[index],
            label=t(f"summary-rating-{name}"),
        )
    axes.set_title(t("summary-chart-ratings-title"))
    axes.set_xlabel(t("summary-chart-stars"))
    axes.set_ylabel(t("summary-chart-people"))
    axes.set_xticks(list(stars), [f"{star}★" for star in stars])
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    tallest = max(max(getattr(summary, name).distribution) for name in RATING_NAMES)
    axes.set_ylim(0, max(tallest, 1) + 0.5)  # room above the bars; an empty survey still has axes
    axes.legend(loc="upper left")


def _draw_trend(
    axes: Axes, summary: ActivitySummary, previous: tuple[PastActivity, ...], t: Texts
) -> None:
    chronological = list(reversed(previous))
    labels = [local(p.starts_at, summary.timezone).strftime("%m-%d") for p in chronological]
    labels.append(t("summary-chart-this"))
    positions = list(range(len(labels)))
    attendance = [_nan(p.attendance_rate) for p in chronological]
    attendance.append(_nan(summary.attendance_rate))
    overall = [_nan(p.average_overall) for p in chronological]
    overall.append(_nan(summary.overall.average))

    axes.plot(positions, attendance, marker="o", color=COLOURS[0])
    axes.set_ylabel(t("summary-chart-attendance-rate"), color=COLOURS[0])
    axes.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    # Up to 100 %, or higher when more came than said "going" (see summary.py).
    highest = max((rate for rate in attendance if not math.isnan(rate)), default=1.0)
    axes.set_ylim(0, max(highest, 1.0) * 1.05)
    rating_axes = axes.twinx()
    rating_axes.plot(positions, overall, marker="s", color=COLOURS[2])
    rating_axes.set_ylabel(t("summary-chart-average-overall"), color=COLOURS[2])
    rating_axes.set_ylim(0, 5.25)
    axes.set_xticks(positions, labels)
    axes.set_xlim(-0.5, len(labels) - 0.5)
    axes.set_title(t("summary-chart-trend-title"))


def _nan(value: float | None) -> float:
    """matplotlib leaves a gap at NaN, which is what an unknown figure should look like."""
    return float("nan") if value is None else value
