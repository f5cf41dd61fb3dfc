"""The /stats chart: messages per day over the period (a bar per calendar day in the group's
timezone), from the daily counters. Drawn on the Agg canvas as `organizer.reports.chart` does;
Chinese labels need a CJK font, else the labels fall back to English (see `chart_language`)."""

from __future__ import annotations

import io
from datetime import timedelta

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from organizer.i18n import shared_catalogue
from organizer.models import Group
from organizer.models.assessment import MemberDailyActivity
from organizer.reports.chart import COLOURS, DPI, HEIGHT_INCHES, WIDTH_INCHES, chart_language
from organizer.services.scores_periods import Period


async def messages_per_day(session: AsyncSession, group_id: int, period: Period) -> list[int]:
    """One count per day of the period, in order (zero for days without messages)."""
    daily = MemberDailyActivity
    rows = await session.execute(
        select(daily.day, func.sum(daily.messages))
        .where(daily.group_id == group_id, daily.day >= period.first_day,
               daily.day < period.end_day)
        .group_by(daily.day)
    )  # fmt: skip
    counts = {day: int(total or 0) for day, total in rows}
    days = (period.end_day - period.first_day).days
    return [counts.get(period.first_day + timedelta(days=i), 0) for i in range(days)]


async def activity_chart(session: AsyncSession, group_id: int, period: Period) -> bytes | None:
    """A PNG of messages per day, or None when nobody wrote in the period."""
    counts = await messages_per_day(session, group_id, period)
    if not any(counts):
        return None
    group = await session.get(Group, group_id)
    language, font = chart_language(group.language if group is not None else "zh")
    t = shared_catalogue().for_language(language)
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": families}):
        figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots()
        positions = list(range(len(counts)))
        axes.bar(positions, counts, color=COLOURS[0])
        step = max(1, len(counts) // 15)
        labels = [(period.first_day + timedelta(days=i)).strftime("%m-%d") for i in positions]
        axes.set_xticks(positions[::step], labels[::step], rotation=45)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_title(t("assessment-chart-title"))
        axes.set_ylabel(t("assessment-chart-messages"))
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
