"""A moment in the group's wall-clock time, as the proposal form shows it back to confirm."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from organizer.i18n import normalize_language
from organizer.timeparse.zones import require_aware

_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_local(dt: datetime, tz: str, language: str, *, show_zone: bool | None = None) -> str:
    """ "2026年12月1日 周二 19:30" (zh) / "Tue 1 Dec 2026, 19:30" (en), in `tz`.

    The zone is appended ("… 19:30 CEST") when `show_zone` says so; by default only where the
    zone observes daylight saving time, because there the same wall time can stand for two
    offsets around the change, and seeing CET or CEST is what lets the reader check it.
    """
    require_aware(dt, "dt")
    local = dt.astimezone(ZoneInfo(tz))
    text = _english(local) if normalize_language(language) == "en" else _chinese(local)
    if show_zone if show_zone is not None else observes_dst(tz, local.year):
        text += f" {zone_label(local)}"
    return text


def _english(local: datetime) -> str:
    weekday, month = _WEEKDAYS_EN[local.weekday()], _MONTHS_EN[local.month - 1]
    return f"{weekday} {local.day} {month} {local.year}, {local:%H:%M}"


def _chinese(local: datetime) -> str:
    weekday = _WEEKDAYS_ZH[local.weekday()]
    return f"{local.year}年{local.month}月{local.day}日 {weekday} {local:%H:%M}"


def observes_dst(tz: str, year: int) -> bool:
    zone = ZoneInfo(tz)
    winter = datetime(year, 1, 1, 12, tzinfo=zone).utcoffset()
    summer = datetime(year, 7, 1, 12, tzinfo=zone).utcoffset()
    return winter != summer


def zone_label(local: datetime) -> str:
    """The zone's abbreviation ("CEST") if it has a real one, else its offset ("UTC-3")."""
    name = local.tzname() or ""
    if re.fullmatch(r"[A-Z]{2,5}", name):
        return name
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
